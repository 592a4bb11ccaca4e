/** A single-account collection: resolve the target, read the account, assemble the inventory. */
import type { Inventory } from '../inventory/types.js';
import { collectAccount } from './account.js';
import type { AwsTarget } from './aws-target.js';
import { identifyCaller, type Caller } from './identity.js';
import { ClientCache } from './clients.js';
import type { Plan } from './sections.js';
import { Session, type CallEvent, type RawResponse } from './session.js';

export interface CollectOptions {
  target: AwsTarget;
  /** Who the target's credentials belong to, when already identified; else identified first. */
  caller?: Caller;
  plan: Plan;
  regions?: readonly string[];
  keepRaw?: boolean;
  onCall?: ((event: CallEvent) => void) | undefined;
  /** The collection's start time, an input so that tests and evidence are reproducible. */
  now?: Date;
  tool: { name: string; version: string };
}

export interface Collection {
  inventory: Inventory;
  raw: RawResponse[];
}

export async function collectInventory(options: CollectOptions): Promise<Collection> {
  const collectedAt = (options.now ?? new Date()).toISOString();
  // Never an inventory about nobody: unusable credentials are an input error, before any other call.
  const caller = options.caller ?? (await identifyCaller(options.target, options.onCall));
  const clients = new ClientCache(options.target);
  const session = new Session({
    accountId: caller.identity.Account,
    partition: caller.partition,
    globalRegion: options.target.globalRegion,
    clients,
    ...(options.keepRaw ? { keepRaw: true } : {}),
    ...(options.onCall ? { onCall: options.onCall } : {}),
  });
  if (options.keepRaw) session.raw.push(...caller.raw);
  try {
    const { account, organization } = await collectAccount(session, {
      plan: options.plan,
      identity: caller.identity,
      ...(options.regions ? { regions: options.regions } : {}),
    });
    const inventory: Inventory = {
      schemaVersion: 1,
      collectedAt,
      tool: options.tool,
      partition: caller.partition,
      ...(organization ? { organization } : {}),
      accounts: [account],
    };
    return { inventory, raw: session.raw };
  } finally {
    clients.destroy();
  }
}
