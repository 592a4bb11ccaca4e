/**
 * Whether a rule applies to a plan or template, from what it reads: fully (every field it reads
 * is configuration), in part (some verdicts depend on a live-only fact, and are `skip`), or only
 * with the live account (`--inventory`: account-wide facts). The rules docs print it.
 */
import type { Rule } from '../rules/types.js';
import { LIVE_ONLY_PATHS, LIVE_ORGANIZATION_SECTIONS } from './live-only.js';

export interface IacApplicability {
  kind: 'yes' | 'partly' | 'live-only';
  /** The fields the rule reads that only a live account has. */
  liveOnly: string[];
}

export function iacApplicability(rule: Pick<Rule, 'resource' | 'reads'>): IacApplicability {
  // Without --inventory, everything the account view says is about the account as a whole.
  if (rule.resource === 'account') return { kind: 'live-only', liveOnly: [...rule.reads] };
  const live = rule.resource === 'organization' ? [...LIVE_ONLY_PATHS, ...LIVE_ORGANIZATION_SECTIONS] : LIVE_ONLY_PATHS;
  const liveOnly = rule.reads.filter((read) => live.some((path) => covers(path, read)));
  return { kind: liveOnly.length === 0 ? 'yes' : liveOnly.length === rule.reads.length ? 'live-only' : 'partly', liveOnly };
}

/** `derived.hoursSince` covers `derived.hoursSince.LatestDeliveryTime`; `a[].b` paths compare without the brackets. */
function covers(section: string, read: string): boolean {
  const plain = (p: string) => p.replaceAll('[]', '');
  const [s, r] = [plain(section), plain(read)];
  return r === s || r.startsWith(`${s}.`);
}
