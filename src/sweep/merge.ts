/**
 * Shards of a sweep → one inventory. Each shard read its own accounts; the organization
 * (from discovery) is the same in all of them. Evaluating the merged inventory joins across
 * shards exactly as one unsharded sweep would.
 */
import { InputError } from '../errors.js';
import type { ShardRecord } from '../evidence/types.js';
import type { AccountInventory, Inventory } from '../inventory/types.js';
import { shardOf } from './shard.js';

export function mergeInventories(shards: Array<{ file: string; inventory: Inventory }>): Inventory {
  if (shards.length === 0) throw new InputError('merge needs at least one shard');
  const accounts = new Map<string, { file: string; account: AccountInventory }>();
  for (const { file, inventory } of shards) {
    if (inventory.partition !== shards[0]!.inventory.partition) throw new InputError([{ file, message: `partition ${inventory.partition} differs from ${shards[0]!.file}'s` }]);
    for (const account of inventory.accounts) {
      const seen = accounts.get(account.AccountId);
      if (seen) throw new InputError([{ file, message: `account ${account.AccountId} is also in ${seen.file}: shards must not overlap` }]);
      accounts.set(account.AccountId, { file, account });
    }
  }
  const orgIds = new Set(shards.map((s) => s.inventory.organization?.Organization?.Id).filter(Boolean));
  if (orgIds.size > 1) throw new InputError(`the shards come from different organizations (${[...orgIds].sort().join(', ')})`);
  const first = shards[0]!.inventory;
  const organization = shards.map((s) => s.inventory.organization).find((o) => o !== undefined);
  // Every shard lists the same accounts the selection left out.
  const notScanned = new Map(shards.flatMap((s) => s.inventory.notScanned ?? []).map((n) => [n.AccountId, n]));
  return {
    schemaVersion: 1,
    // The sweep started when its first shard did.
    collectedAt: shards.map((s) => s.inventory.collectedAt).sort()[0]!,
    tool: first.tool,
    partition: first.partition,
    ...(organization ? { organization } : {}),
    accounts: [...accounts.values()].map((a) => a.account).sort((a, b) => a.AccountId.localeCompare(b.AccountId)),
    ...(notScanned.size ? { notScanned: [...notScanned.values()].sort((a, b) => a.AccountId.localeCompare(b.AccountId)) } : {}),
  };
}

/** A merged run that lacks shards (merge --allow-partial): which, and the accounts they held. */
export interface PartialRun {
  missingShards: string[];
  missingAccounts: string[];
}

/**
 * The shards given to `merge` must be one whole sweep: each of 0..N-1 once, all of the same
 * sweep (same N, same account list). A missing shard is refused (exit 2, naming it and its
 * accounts) unless `allowPartial`, which returns what is missing for the reports to say.
 */
export function checkShards(shards: Array<{ folder: string; shard?: ShardRecord }>, allowPartial: boolean): PartialRun | undefined {
  const unsharded = shards.filter((s) => !s.shard);
  if (unsharded.length) {
    throw new InputError(unsharded.map((s) => ({ file: s.folder, message: 'is not a shard: its run.json records no `shard` (scan --organization --shard I/N writes one)' })));
  }
  const first = shards[0]!.shard!;
  const sweep = first.sweepAccounts.join(',');
  for (const { folder, shard } of shards) {
    if (shard!.count !== first.count || shard!.sweepAccounts.join(',') !== sweep) {
      throw new InputError([
        {
          file: folder,
          message: `is shard ${shard!.index}/${shard!.count} of another sweep than ${shards[0]!.folder} (shard ${first.index}/${first.count}): different shard count or accounts`,
        },
      ]);
    }
  }
  const byIndex = new Map<number, string>();
  for (const { folder, shard } of shards) {
    const other = byIndex.get(shard!.index);
    if (other) throw new InputError([{ file: folder, message: `is shard ${shard!.index}/${first.count} again (also ${other}): each shard must be given once` }]);
    byIndex.set(shard!.index, folder);
  }
  const missing = Array.from({ length: first.count }, (_, i) => i).filter((i) => !byIndex.has(i));
  if (missing.length === 0) return undefined;
  const missingAccounts = first.sweepAccounts.filter((id) => missing.includes(shardOf(id, first.count)));
  const names = missing.map((i) => `${i}/${first.count}`);
  if (!allowPartial) {
    throw new InputError(
      `missing shard ${names.join(', ')} of the sweep (${missingAccounts.length} of ${first.sweepAccounts.length} accounts: ${missingAccounts.slice(0, 10).join(', ')}${missingAccounts.length > 10 ? ', …' : ''}); ` +
        "give every shard's run folder, or --allow-partial to merge without it (the reports then say the run is partial)",
    );
  }
  return { missingShards: names, missingAccounts };
}
