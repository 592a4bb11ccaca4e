/** A single-account collection: resolve the target, read the account, assemble the inventory. */
import type { Inventory } from '../inventory/types.js';
import { collectAccount } from './account.js';
import type { AwsTarget } from './aws-target.js';
import { ClientCache } from './clients.js';
import type { Plan } from './sections.js';
import { Session, type CallEvent, type RawResponse } from './session.js';

export interface CollectOptions {
  target: AwsTarget;
  plan: Plan;
  regions?: readonly string[];
  keepRaw?: boolean;
  onCall?: (event: CallEvent) => void;
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
  const clients = new ClientCache(options.target);
  const session = new Session({
    accountId: 'unknown',
    partition: 'aws',
    globalRegion: options.target.globalRegion,
    clients,
    ...(options.keepRaw ? { keepRaw: true } : {}),
    ...(options.onCall ? { onCall: options.onCall } : {}),
  });
  try {
    const { account, organization } = await collectAccount(session, {
      plan: options.plan,
      ...(options.regions ? { regions: options.regions } : {}),
    });
    const inventory: Inventory = {
      schemaVersion: 1,
      collectedAt,
      tool: options.tool,
      partition: partitionOf(account.CallerIdentity?.Arn),
      ...(organization ? { organization } : {}),
      accounts: [account],
    };
    return { inventory, raw: session.raw };
  } finally {
    clients.destroy();
  }
}

/** arn:<partition>:sts::... → partition; commercial AWS when unknown. */
export function partitionOf(arn: string | undefined): string {
  return arn?.split(':')[1] || 'aws';
}
