/**
 * Shards of a sweep → one inventory. Each shard read its own accounts; the organization
 * (from discovery) is the same in all of them. Evaluating the merged inventory joins across
 * shards exactly as one unsharded sweep would.
 */
import { InputError } from '../errors.js';
import type { AccountInventory, Inventory } from '../inventory/types.js';

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
