/** Who owns a trail, and whether an organization trail reaches an account. */
import { arnAccount } from '../../../inventory/arn.js';
import type { Inventory, TrailRecord } from '../../../inventory/types.js';

export const CLOUDTRAIL_PRINCIPAL = 'cloudtrail.amazonaws.com';

export function trailOwner(trail: TrailRecord['Trail']): string {
  return arnAccount(trail.TrailARN) ?? '';
}

/** What the organization section says about who may own organization trails and who they reach. */
export interface OrgFacts {
  managementAccountId?: string | undefined;
  /** Delegated administrators for CloudTrail. */
  cloudTrailAdmins: string[];
  /** Accounts of the organization (ListAccounts), except SUSPENDED ones. */
  memberIds: Set<string>;
}

export function orgFacts(inventory: Inventory): OrgFacts {
  const org = inventory.organization;
  return {
    managementAccountId: org?.Organization?.MasterAccountId,
    cloudTrailAdmins: (org?.DelegatedAdministrators?.[CLOUDTRAIL_PRINCIPAL] ?? []).map((a) => a.Id).sort(),
    memberIds: new Set((org?.Accounts ?? []).filter((a) => a.Status !== 'SUSPENDED').map((a) => a.Id)),
  };
}

/** Only the management account and CloudTrail delegated administrators can own organization trails. */
export function mayOwnOrgTrails(facts: OrgFacts, accountId: string): boolean {
  return accountId === facts.managementAccountId || facts.cloudTrailAdmins.includes(accountId);
}

/**
 * Does this trail record events of `accountId`? Its own trails do; an organization trail does when
 * the account saw it (CloudTrail shows organization trails to every member), or when the
 * organization lists the account as a member and the owner may own organization trails.
 */
export function trailCoversAccount(trail: TrailRecord['Trail'], accountId: string, seenIn: ReadonlySet<string>, facts: OrgFacts): boolean {
  const owner = trailOwner(trail);
  if (owner === accountId) return true;
  if (!trail.IsOrganizationTrail) return false;
  if (seenIn.has(accountId)) return true;
  const member = facts.memberIds.has(accountId) || accountId === facts.managementAccountId;
  return member && mayOwnOrgTrails(facts, owner);
}
