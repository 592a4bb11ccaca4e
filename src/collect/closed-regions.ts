/**
 * Regions closed to an account by a service control policy (Control Tower's region deny, for
 * one): AWS says so in the refusal ("with an explicit deny in a service control policy"). A
 * region counts as closed only when every call made there was refused that way while the same
 * calls were answered in another region; an SCP that denies a service everywhere is a missing
 * permission, and stays an error.
 */
import type { ApiError, RegionInfo } from '../inventory/types.js';

const SCP_DENY = /explicit deny in a service control policy/i;

/** AWS's own words, whatever the protocol's error code (AccessDenied, AccessDeniedException, UnauthorizedOperation). */
export function isScpDeny(error: ApiError): boolean {
  return SCP_DENY.test(error.message);
}

/**
 * Marks the closed regions (ClosedBy: the refusals) and returns the errors that remain. The
 * global region is never closed: the account's global calls are made there.
 */
export function closeRegions(regions: RegionInfo[], errors: readonly ApiError[], answered: ReadonlyMap<string, ReadonlySet<string>>, globalRegion: string): ApiError[] {
  const closed = new Set<ApiError>();
  for (const region of regions) {
    const name = region.RegionName;
    if (name === globalRegion || !region.Enabled || region.Excluded) continue;
    const here = errors.filter((e) => e.region === name);
    if (here.length === 0 || !here.every(isScpDeny)) continue;
    const answeredHere = [...answered.values()].some((r) => r.has(name));
    const answeredElsewhere = here.some((e) => [...(answered.get(`${e.service}:${e.operation}`) ?? [])].some((r) => r !== name));
    if (answeredHere || !answeredElsewhere) continue;
    region.ClosedBy = here;
    for (const e of here) closed.add(e);
  }
  return errors.filter((e) => !closed.has(e));
}
