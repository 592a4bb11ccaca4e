/**
 * No verdict from data that was never collected: for each section a partial plan left out,
 * every resource it would have described gets a NotCollected error, which the views turn
 * into `error` for any rule that reads it (through the same table as real API failures).
 */
import { SECTIONS, type SectionId } from '../collect/sections.js';
import type { AccountInventory, ApiError, Inventory } from '../inventory/types.js';

export function markUncollected(inventory: Inventory): Inventory {
  if (!inventory.accounts.some((a) => a.collected)) return inventory;
  return { ...inventory, accounts: inventory.accounts.map((a) => (a.collected ? { ...a, errors: [...a.errors, ...uncollectedErrors(a)] } : a)) };
}

function uncollectedErrors(account: AccountInventory): ApiError[] {
  const collected = new Set(account.collected);
  const out: ApiError[] = [];
  for (const id of Object.keys(SECTIONS) as SectionId[]) {
    if (collected.has(id)) continue;
    for (const call of SECTIONS[id].calls) {
      for (const resource of resourcesOf(account, id)) {
        out.push({
          accountId: account.AccountId,
          region: 'global',
          service: call.service,
          operation: call.operation,
          ...(resource ? { resource } : {}),
          errorName: 'NotCollected',
          message: `not collected: the scan's rule selection did not need ${call.service}:${call.operation}`,
        });
      }
    }
  }
  return out;
}

/** The resources a section describes in this account; [undefined] for account-wide sections. */
function resourcesOf(account: AccountInventory, section: SectionId): Array<string | undefined> {
  if (section.startsWith('trail-')) return account.trails.map((t) => t.Trail.TrailARN);
  if (section.startsWith('bucket-')) return Object.keys(account.buckets);
  if (section.startsWith('key-')) return Object.keys(account.keys);
  if (section === 'metric-filters') return Object.keys(account.logGroups);
  if (section === 'alarm-topics') return [...new Set(account.alarms.flatMap((a) => a.AlarmActions ?? []).filter((arn) => arn.includes(':sns:')))];
  return [undefined];
}
