/**
 * What one thread of a sweep does: read whole accounts, and later the buckets and keys other
 * accounts' trails reference in the accounts it read. Every account's clients share one
 * keep-alive connection pool, so a call reuses a socket whichever account makes it.
 */
import { collectAccount } from '../collect/account.js';
import { checkCredentials, type AwsTarget } from '../collect/aws-target.js';
import { ClientCache } from '../collect/clients.js';
import { ConnectionPool } from '../collect/connections.js';
import { collectKey } from '../collect/kms.js';
import { collectBucket, listOwnedBuckets } from '../collect/s3.js';
import type { Plan } from '../collect/sections.js';
import { Session, type CallEvent, type RawResponse } from '../collect/session.js';
import type { AccountInventory, ApiError, BucketRecord, KeyRecord, TrailRecord } from '../inventory/types.js';

export interface ReaderOptions {
  /** The account's target: the caller's own, or a member role's (one per account for the whole sweep). */
  targetFor: (accountId: string) => AwsTarget;
  globalRegion: string;
  /** The member role, named in the error when it can't be assumed. */
  roleName: string;
  /** The per-account plan (memberPlan). */
  plan: Plan;
  regions?: readonly string[];
  keepRaw?: boolean;
  onCall?: (event: CallEvent) => void;
}

export interface AccountRead {
  inventory: AccountInventory;
  /** The buckets the account owns (ListBuckets), when the plan reads buckets and the role was assumed. */
  owned?: string[];
  raw: RawResponse[];
}

export interface ReferencesRead {
  buckets: Record<string, BucketRecord>;
  keys: Record<string, KeyRecord>;
  errors: ApiError[];
  raw: RawResponse[];
}

/** Reads accounts in one thread: the sweep's main thread, or a worker (src/sweep/worker.ts). */
export interface AccountReader {
  read(accountId: string, knownTrails?: ReadonlyMap<string, TrailRecord>): Promise<AccountRead>;
  /** Buckets and keys in `owner` (an account this reader read) that other accounts' trails reference; nothing if its credentials fail. */
  readReferences(owner: string, buckets: readonly string[], keys: readonly string[]): Promise<ReferencesRead | undefined>;
  close(): Promise<void>;
}

export class LocalReader implements AccountReader {
  private readonly pool = new ConnectionPool();

  constructor(private readonly options: ReaderOptions) {}

  async read(accountId: string, knownTrails?: ReadonlyMap<string, TrailRecord>): Promise<AccountRead> {
    const { options } = this;
    const target = options.targetFor(accountId);
    const denied = await checkCredentials(target);
    if (denied) {
      options.onCall?.({ accountId, region: options.globalRegion, service: 'sts', operation: 'AssumeRole', ok: false, retries: 0 });
      return { inventory: notScanned(accountId, denied.errorName, `cannot assume ${options.roleName} in ${accountId}: ${denied.message}`, 'AssumeRole', 'sts'), raw: [] };
    }
    const { session, clients } = this.session(target, accountId);
    try {
      const buckets = options.plan.has('owned-buckets') ? await listOwnedBuckets(session) : undefined;
      const { account } = await collectAccount(session, {
        plan: options.plan,
        ...(options.regions ? { regions: options.regions } : {}),
        ...(knownTrails ? { knownTrails } : {}),
        ownedReferencesOnly: true,
        ownedBuckets: buckets ?? new Set(),
      });
      return { inventory: account, ...(buckets ? { owned: [...buckets] } : {}), raw: session.raw };
    } finally {
      clients.destroy();
    }
  }

  async readReferences(owner: string, buckets: readonly string[], keys: readonly string[]): Promise<ReferencesRead | undefined> {
    const target = this.options.targetFor(owner);
    if (await checkCredentials(target)) return undefined;
    const { session, clients } = this.session(target, owner);
    const out: ReferencesRead = { buckets: {}, keys: {}, errors: session.errors, raw: session.raw };
    try {
      await Promise.all([
        ...buckets.map(async (name) => {
          const bucket = await collectBucket(session, this.options.plan, name);
          if (bucket) out.buckets[name] = bucket;
        }),
        ...keys.map(async (id) => {
          const key = await collectKey(session, this.options.plan, id);
          if (key) out.keys[key.KeyMetadata.Arn] = key;
        }),
      ]);
      return out;
    } finally {
      clients.destroy();
    }
  }

  async close(): Promise<void> {
    this.pool.destroy();
  }

  private session(target: AwsTarget, accountId: string): { session: Session; clients: ClientCache } {
    const clients = new ClientCache(target, this.pool);
    const session = new Session({
      accountId,
      partition: 'aws',
      globalRegion: target.globalRegion,
      clients,
      ...(this.options.keepRaw ? { keepRaw: true } : {}),
      ...(this.options.onCall ? { onCall: this.options.onCall } : {}),
    });
    return { session, clients };
  }
}

/** An account that could not be read at all: one error that every rule about it will report. */
export function notScanned(accountId: string, errorName: string, message: string, operation = 'Sweep', service = 'trailguard'): AccountInventory {
  const error: ApiError = { accountId, region: 'global', service, operation, errorName, message };
  return { AccountId: accountId, Regions: [], trails: [], buckets: {}, keys: {}, logGroups: {}, alarms: [], topics: {}, eventRules: [], eventDataStores: [], errors: [error] };
}
