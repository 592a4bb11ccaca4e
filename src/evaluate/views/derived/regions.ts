/** derived.coversRegions and the account's coverage: which enabled regions a trail records. */
import type { AccountInventory, TrailRecord } from '../../../inventory/types.js';
import type { ClosedRegion } from '../../types.js';

/** Regions that must be covered: enabled for the account, not left out by --regions, not closed by an SCP. */
export function enabledRegions(account: Pick<AccountInventory, 'Regions'>): string[] {
  return account.Regions.filter((r) => r.Enabled && !r.Excluded && !r.ClosedBy)
    .map((r) => r.RegionName)
    .sort();
}

/** A multi-region trail covers every enabled region of the account it covers; a single-region trail only its home region. */
export function coversRegions(trail: TrailRecord['Trail'], accountRegions: readonly string[]): string[] {
  return trail.IsMultiRegionTrail ? [...accountRegions] : [trail.HomeRegion];
}

/** The regions a service control policy closes to the account, in name order, with the refusals that showed it. */
export function closedRegions(account: Pick<AccountInventory, 'AccountId' | 'Regions'>): ClosedRegion[] {
  return account.Regions.filter((r) => r.ClosedBy)
    .map((r) => ({
      accountId: account.AccountId,
      region: r.RegionName,
      reason: `closed by a service control policy (${r
        .ClosedBy!.map((e) => `${e.service}:${e.operation}`)
        .sort()
        .join(', ')} refused with an explicit deny)`,
    }))
    .sort((a, b) => (a.region < b.region ? -1 : a.region > b.region ? 1 : 0));
}
