/**
 * derived.securityHub on the account view (CIS "Ensure AWS Security Hub is enabled"): the
 * enabled regions where DescribeHub answered with a hub, and those where it answered "not
 * subscribed" (InvalidAccessException, which the collector records as no hub, not an error).
 */
import type { AccountInventory, ApiError } from '../../../inventory/types.js';
import type { SectionErrors } from './errors.js';
import { doubtfulLists, regionalReads } from './regional-reads.js';

export interface SecurityHubFacts {
  regionsEnabled: string[];
  regionsDisabled: string[];
  /** Enabled regions where DescribeHub failed (AccessDenied, throttling...). */
  regionsUnread: string[];
}

export function securityHubFacts(
  account: AccountInventory | undefined,
  accountId: string,
  regions: readonly string[],
  failures: readonly ApiError[],
): { facts: SecurityHubFacts; errors: SectionErrors } {
  const hubs = account?.securityHub;
  // No Hub is "not subscribed" unless DescribeHub failed there (or was never called).
  const failedIn = new Set(failures.filter((e) => e.operation === 'DescribeHub').map((e) => e.region));
  const readable = (r: string) => hubs?.[r] !== undefined && !failedIn.has(r) && !failedIn.has('global');
  const reads = regionalReads(accountId, regions, failures, 'securityHub', readable, { service: 'securityhub', operation: 'DescribeHub', what: 'Security Hub answers' });
  const facts: SecurityHubFacts = {
    regionsEnabled: regions.filter((r) => readable(r) && hubs![r]!.Hub !== undefined),
    regionsDisabled: regions.filter((r) => readable(r) && hubs![r]!.Hub === undefined),
    regionsUnread: reads.unread,
  };
  const { regionsUnread: _unread, ...lists } = facts;
  return { facts, errors: doubtfulLists('derived.securityHub', lists, reads) };
}
