/**
 * Every (rule, account) in scope has a status. When an account's resources of a type could not
 * all be listed (its trails unlistable, its role not assumable, its region list unreadable), a
 * rule about that type gets one `error` result on the account naming the failed call, since the
 * resources it would have judged are unknown; an organization rule in a standalone account gets
 * one `skip`. The account view carries these as `gaps`; the evaluator turns them into results.
 */
import { arnAccount } from '../../inventory/arn.js';
import type { AccountInventory, ApiError, Inventory } from '../../inventory/types.js';
import type { ResourceType } from '../../rules/types.js';
import type { ViewGap } from '../types.js';
import { marksLiveOnly, toSectionError } from './derived/errors.js';
import { LISTED_BY } from '../../rules/view-catalogue.js';
import { LIVE_ONLY } from '../../rules/verdict.js';

export const NOT_IN_ORGANIZATION = 'the account is not in an organization (organizations:DescribeOrganization: AWSOrganizationsNotInUseException)';

export function accountGaps(inventory: Inventory, account: AccountInventory): Partial<Record<ResourceType, ViewGap>> {
  const gaps: Partial<Record<ResourceType, ViewGap>> = {};
  for (const [type, operations] of Object.entries(LISTED_BY) as Array<[ResourceType, readonly string[]]>) {
    // The organization view is one for the whole inventory: only its absence is about the account.
    if (type === 'organization') continue;
    // `iac` without --inventory: the account's own listing only marks its live-only facts. It
    // hides only live resources, not the configuration's, which are the ones judged: no gap.
    const failed = account.errors.find((e) => operations.includes(e.operation) && !marksLiveOnly(e) && aboutAccount(e, account.AccountId));
    if (failed) gaps[type] = { status: 'error', error: toSectionError(failed) };
  }
  if (!inventory.organization) gaps.organization = organizationGap(account);
  return gaps;
}

/** A failed read of another account's resource (an organization trail, a log-archive key) hides nothing of this account. */
function aboutAccount(error: ApiError, accountId: string): boolean {
  const owner = error.resource ? arnAccount(error.resource) : undefined;
  return owner === undefined || owner === accountId;
}

/**
 * No organization in the inventory: unknown when reading it failed (or was not collected), not
 * applicable when whether the account is in one is live-only (`iac` without --inventory), else
 * the account stands alone.
 */
function organizationGap(account: AccountInventory): ViewGap {
  const failed = account.errors.find((e) => LISTED_BY.organization.includes(e.operation));
  if (failed?.errorName === LIVE_ONLY) return { status: 'skip', reason: `live-only: the organization ${failed.message ?? 'exists only in a live account'}` };
  return failed ? { status: 'error', error: toSectionError(failed) } : { status: 'skip', reason: NOT_IN_ORGANIZATION };
}
