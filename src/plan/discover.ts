/** Discovery for `trailguard plan`: who we are, the enabled regions and the trails — and nothing else. */
import { collectAccount } from '../collect/account.js';
import type { AwsTarget } from '../collect/aws-target.js';
import { ClientCache } from '../collect/clients.js';
import type { Caller } from '../collect/identity.js';
import { logGroupKey } from '../collect/logs.js';
import { arnAccount, arnRegion } from '../collect/plain.js';
import { Session } from '../collect/session.js';
import type { AccountInventory } from '../inventory/types.js';
import type { AccountShape } from './call-count.js';

export interface Discovery {
  account: AccountInventory;
  shape: AccountShape;
  calls: number;
}

export async function discover(target: AwsTarget, caller: Caller, regions?: readonly string[]): Promise<Discovery> {
  const clients = new ClientCache(target);
  let calls = 0;
  const session = new Session({ accountId: caller.identity.Account, partition: caller.partition, globalRegion: target.globalRegion, clients, onCall: () => calls++ });
  try {
    const { account } = await collectAccount(session, { plan: new Set(['identity', 'regions', 'trails']), identity: caller.identity, ...(regions ? { regions } : {}) });
    // The caller's identification was the first of discovery's calls.
    return { account, shape: shapeOf(account), calls: calls + 1 };
  } finally {
    clients.destroy();
  }
}

/** What discovery tells about the counts a plan multiplies by; the rest stays unknown. */
export function shapeOf(account: AccountInventory): AccountShape {
  const trails = account.trails.map((t) => t.Trail);
  const distinct = (values: Array<string | undefined>) => new Set(values.filter((v): v is string => Boolean(v)));
  const keys = distinct(trails.map((t) => t.KmsKeyId));
  const logGroups = [...distinct(trails.map((t) => t.CloudWatchLogsLogGroupArn && logGroupKey(t.CloudWatchLogsLogGroupArn)))].filter((arn) => arnAccount(arn) === account.AccountId);
  return {
    enabledRegions: account.Regions.filter((r) => r.Enabled && !r.Excluded).length,
    trails: trails.length,
    trailsWithInsights: trails.filter((t) => t.HasInsightSelectors).length,
    buckets: distinct(trails.map((t) => t.S3BucketName)).size,
    keys: keys.size,
    ownKeys: [...keys].filter((k) => k.startsWith('arn:') && arnAccount(k) === account.AccountId).length,
    logGroups: logGroups.length,
    logGroupRegions: distinct(logGroups.map(arnRegion)).size,
    management: false,
  };
}
