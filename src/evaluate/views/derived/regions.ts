/** derived.coversRegions and the account's coverage: which enabled regions a trail records. */
import type { AccountInventory, TrailRecord } from '../../../inventory/types.js';

/** Regions that must be covered: enabled for the account, not left out by --regions, not closed by an SCP. */
export function enabledRegions(account: Pick<AccountInventory, 'Regions'>): string[] {
  return account.Regions.filter((r) => r.Enabled && !r.Excluded && !r.ClosedBy).map((r) => r.RegionName).sort();
}

/** A multi-region trail covers every enabled region of the account it covers; a single-region trail only its home region. */
export function coversRegions(trail: TrailRecord['Trail'], accountRegions: readonly string[]): string[] {
  return trail.IsMultiRegionTrail ? [...accountRegions] : [trail.HomeRegion];
}
