/**
 * The metamorphic check: a scan that could read less than a clean scan may only say less.
 * Against the clean results, a faulted scan's results may turn into `error`, or stay as they
 * were; a (rule, resource) may not change to another pass/fail/skip, may not vanish unless the
 * rule has an `error` on that account naming the failed call, and no new pass or fail may appear.
 */
import type { Result, Status } from '../../src/evaluate/types.js';

/** What was taken away: one operation, or a whole service (throttling, 500s, resets, hangs). */
export interface Fault {
  label: string;
  service: string;
  operation?: string;
}

export interface Violation {
  ruleId: string;
  resourceArn: string;
  before: Status | 'absent';
  after: Status | 'absent';
  fault: string;
}

const VERDICTS: ReadonlySet<Status> = new Set(['pass', 'fail']);

export function compareResults(clean: readonly Result[], faulted: readonly Result[], fault: Fault): Violation[] {
  const key = (r: Result) => `${r.ruleId}\u0000${r.resourceArn}`;
  const before = new Map(clean.map((r) => [key(r), r]));
  const after = new Map(faulted.map((r) => [key(r), r]));
  const out: Violation[] = [];
  const violation = (r: Result, b: Status | 'absent', a: Status | 'absent') => out.push({ ruleId: r.ruleId, resourceArn: r.resourceArn, before: b, after: a, fault: fault.label });

  for (const [k, a] of after) {
    const b = before.get(k);
    if (a.status === 'error' || a.status === b?.status) continue;
    // A new pass or fail, or a verdict that changed: decided on less evidence than before.
    if (VERDICTS.has(a.status)) violation(a, b?.status ?? 'absent', a.status);
    else if (a.status === 'skip' && b && VERDICTS.has(b.status)) violation(a, b.status, 'skip');
  }
  // A result that vanished needs an error for its rule that names the call: on its own account, or
  // on the account whose call failed when the resource was found through that account's trail
  // (the log archive's bucket through the management account's organization trail).
  const names = (r: Result) => r.status === 'error' && r.error !== undefined && r.error.service === fault.service && (fault.operation === undefined || r.error.operation === fault.operation);
  const named = faulted.filter(names);
  const explained = new Set(named.map((r) => `${r.ruleId}\u0000${r.accountId}`));
  const failedAccounts = new Set(named.map((r) => r.error?.accountId ?? r.accountId));
  const crossAccount = new Set(named.filter((r) => r.resourceType === 'account').map((r) => r.ruleId));
  for (const [k, b] of before) {
    if (after.has(k) || b.status === 'error') continue;
    const onItsAccount = explained.has(`${b.ruleId}\u0000${b.accountId}`);
    const throughAnother = crossAccount.has(b.ruleId) && !failedAccounts.has(b.accountId);
    if (!onItsAccount && !throughAnother) violation(b, b.status, 'absent');
  }
  return out.sort((x, y) => x.ruleId.localeCompare(y.ruleId) || x.resourceArn.localeCompare(y.resourceArn));
}
