/**
 * A region a service control policy closes to an account (run.closedRegions) is not required,
 * and not silently dropped either: every rule that judges each region of the account (it reads a
 * `perRegion` field of the view catalogue) gets one `skip` result per closed region, saying so.
 * An auditor then sees, rule by rule, which regions were not assessed and why.
 */
import type { Rule, Severity } from '../rules/types.js';
import { fieldOf } from '../rules/view-catalogue.js';
import { resourceKey, resultId } from './result-id.js';
import type { Result, View } from './types.js';

/** The rule judges each region of the account. */
export function judgesEachRegion(rule: Pick<Rule, 'resource' | 'reads'>): boolean {
  return rule.resource === 'account' && rule.reads.some((path) => fieldOf('account', path)?.perRegion === true);
}

/** One `skip` per region closed to the account of `view`, for a rule that judges each region; none otherwise. */
export function closedRegionResults(rule: Rule, view: View, id: string, severity: Severity): Result[] {
  if (!view.closedRegions || !judgesEachRegion(rule)) return [];
  return view.closedRegions.map((closed) => ({
    id: resultId(rule.id, resourceKey(id, closed.region)),
    ruleId: rule.id,
    title: rule.title,
    severity,
    status: 'skip',
    resourceType: view.type,
    resourceArn: view.arn,
    resourceName: view.name,
    accountId: view.accountId,
    region: closed.region,
    message: `Not applicable in ${closed.region}: ${closed.reason}`,
    skipReason: `region ${closed.region} ${closed.reason}`,
  }));
}
