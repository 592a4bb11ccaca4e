/**
 * What a run did not fully read, for results.json's `run`: every account not scanned or only
 * partly scanned, with the reason, and every region an SCP closes. An auditor sees each gap
 * without reading the inventory.
 */
import type { ClosedRegion, UnscannedAccount } from '../evaluate/types.js';
import { closedRegions } from '../evaluate/views/derived/regions.js';
import type { ApiError, Inventory } from '../inventory/types.js';

export function runCoverage(inventory: Inventory): { notFullyScanned?: UnscannedAccount[]; closedRegions?: ClosedRegion[] } {
  const names = new Map((inventory.organization?.Accounts ?? []).map((a) => [a.Id, a.Name]));
  const out: UnscannedAccount[] = [];
  for (const n of inventory.notScanned ?? []) out.push({ accountId: n.AccountId, ...(n.Name ? { name: n.Name } : {}), scanned: 'no', reason: n.reason });
  // Organization calls are made from the discovery account: their failures are its gaps.
  const orgErrors = inventory.organization?.errors ?? [];
  for (const account of inventory.accounts) {
    const name = names.get(account.AccountId);
    const errors = [...account.errors, ...orgErrors.filter((e) => e.accountId === account.AccountId)];
    if (errors.length === 0) continue;
    // A sweep records an account it could not read at all as one error and nothing else.
    const nothingRead = !account.CallerIdentity && account.Regions.length === 0 && account.trails.length === 0;
    out.push({
      accountId: account.AccountId,
      ...(name ? { name } : {}),
      scanned: nothingRead ? 'no' : 'partly',
      reason: nothingRead ? errors[0]!.message : `${errors.length} call(s) failed`,
      failedCalls: failedCalls(errors),
    });
  }
  const closed: ClosedRegion[] = inventory.accounts.flatMap(closedRegions);
  return {
    ...(out.length ? { notFullyScanned: out.sort((a, b) => a.accountId.localeCompare(b.accountId)) } : {}),
    ...(closed.length ? { closedRegions: closed } : {}),
  };
}

/** Failed calls grouped by (call, error), with the regions they failed in. */
function failedCalls(errors: ApiError[]): NonNullable<UnscannedAccount['failedCalls']> {
  const groups = new Map<string, { call: string; errorName: string; count: number; regions: Set<string> }>();
  for (const e of errors) {
    const key = `${e.service}:${e.operation}\u0000${e.errorName}`;
    const g = groups.get(key) ?? { call: `${e.service}:${e.operation}`, errorName: e.errorName, count: 0, regions: new Set<string>() };
    g.count++;
    g.regions.add(e.region);
    groups.set(key, g);
  }
  return [...groups.values()]
    .map((g) => ({ call: g.call, errorName: g.errorName, count: g.count, regions: [...g.regions].sort() }))
    .sort((a, b) => a.call.localeCompare(b.call) || a.errorName.localeCompare(b.errorName));
}
