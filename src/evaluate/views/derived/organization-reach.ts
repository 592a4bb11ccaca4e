/**
 * derived.organizationTrailReach on the organization view: for every ACTIVE account of the
 * organization, which organization trails its own trail listing shows. CloudTrail lists an
 * organization trail in every member account it records, so an account that does not list one
 * is an account the trail does not reach (invited before trusted access, or a failed rollout).
 * An account the inventory did not read is unknown, never "missing".
 */
import type { SectionError } from '../../../rules/types.js';
import type { TrailEntry, ViewContext } from '../context.js';
import { notCollected, toSectionError, type SectionErrors } from './errors.js';

export interface AccountReach {
  AccountId: string;
  Name?: string;
  /** Organization trail ARNs the account's ListTrails showed. */
  seenOrganizationTrails: string[];
  /** Organization trail ARNs it did not show; absent (with `$errors`) when its listing is unknown. */
  missingOrganizationTrails?: string[];
  /** Set when the account's trail listing could not be read. */
  $errors?: SectionErrors;
}

const LISTING = new Set(['ListTrails', 'DescribeTrails']);

export function organizationTrailReach(ctx: ViewContext, organizationTrails: readonly TrailEntry[]): AccountReach[] {
  const accounts = (ctx.inventory.organization?.Accounts ?? []).filter((a) => (a.Status ?? 'ACTIVE') === 'ACTIVE');
  return [...accounts]
    .sort((a, b) => (a.Id < b.Id ? -1 : a.Id > b.Id ? 1 : 0))
    .map((account) => {
      const seen = organizationTrails.filter((t) => t.seenIn.has(account.Id)).map((t) => t.record.Trail.TrailARN);
      const missing = organizationTrails.map((t) => t.record.Trail.TrailARN).filter((arn) => !seen.includes(arn));
      const reach: AccountReach = {
        AccountId: account.Id,
        ...(account.Name !== undefined ? { Name: account.Name } : {}),
        seenOrganizationTrails: seen,
      };
      // A trail not seen is "missing" only when the account's listing was read.
      const unreadable = missing.length > 0 ? listingError(ctx, account.Id) : undefined;
      if (unreadable) reach.$errors = { missingOrganizationTrails: unreadable };
      else reach.missingOrganizationTrails = missing;
      return reach;
    });
}

/** Why the account's trail list is unknown: it is not in the inventory, or its listing failed. */
function listingError(ctx: ViewContext, accountId: string): SectionError | undefined {
  if (!ctx.accountById.has(accountId)) {
    return notCollected('ListTrails', 'cloudtrail', `account ${accountId} is not in this inventory, so the trails it sees were not listed`, accountId);
  }
  const failed = (ctx.accountErrors.get(accountId) ?? []).find((e) => LISTING.has(e.operation));
  return failed ? toSectionError(failed) : undefined;
}
