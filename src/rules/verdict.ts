/** One rule on one view: the status, the rendered message and the evidence behind it. */
import { renderMessage } from './messages.js';
import type { ConditionFailure, Rule, SectionError } from './types.js';

export type VerdictStatus = 'pass' | 'fail' | 'error' | 'skip';

export interface Verdict {
  status: VerdictStatus;
  message: string;
  failures?: ConditionFailure[];
  error?: SectionError;
  skipReason?: string;
}

export function judge(rule: Rule, view: Record<string, unknown>, params: Record<string, unknown>, scanTime: Date): Verdict {
  const ctx = { view, params, scanTime };
  if (rule.appliesWhen) {
    const applies = rule.appliesWhen.condition(ctx);
    if (applies.value === 'error') return errorVerdict(applies.path, applies.error);
    if (applies.value === false) return { status: 'skip', message: rule.appliesWhen.reason, skipReason: rule.appliesWhen.reason };
  }
  const outcome = rule.assert(ctx);
  if (outcome.value === 'error') return errorVerdict(outcome.path, outcome.error);
  if (outcome.value === true) return { status: 'pass', message: renderMessage(rule.messages.pass, { view, params, failures: [] }) };
  return {
    status: 'fail',
    message: renderMessage(rule.messages.fail, { view, params, failures: outcome.failures }),
    failures: outcome.failures,
  };
}

/**
 * The error name of a fact that exists only in a live account (delivery status, confirmed
 * subscriptions) when `iac` evaluates a plan or template: a verdict that depends on it is not
 * applicable there, so `skip` with the reason, never `pass` or `fail`.
 */
export const LIVE_ONLY = 'LiveOnly';

/** The error name of a plan or template value that only the deployment decides (`iac`): the verdict is `error`. */
export const KNOWN_AFTER_APPLY = 'KnownAfterApply';

function errorVerdict(path: string, error: SectionError): Verdict {
  if (error.errorName === LIVE_ONLY) {
    const reason = `live-only: ${path} ${error.message ?? 'exists only in a live account'}`;
    return { status: 'skip', message: reason, skipReason: reason };
  }
  return { status: 'error', message: describeError(path, error), error };
}

/** "Could not read Trail.EventSelectors: cloudtrail GetEventSelectors failed with AccessDenied in 111122223333 us-east-1". */
export function describeError(path: string, error: SectionError): string {
  if (error.service === 'trailguard') return `Could not evaluate ${error.message ?? path}`;
  if (error.errorName === KNOWN_AFTER_APPLY) return `Could not read ${path}: ${error.message ?? 'known only after apply'} (KnownAfterApply)`;
  const call = [error.service, error.operation].filter(Boolean).join(' ');
  const where = [error.accountId, error.region].filter(Boolean).join(' ');
  return `Could not read ${path}: ${call} failed with ${error.errorName}${where ? ` in ${where}` : ''}${error.message ? ` (${error.message})` : ''}`;
}
