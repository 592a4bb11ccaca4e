/**
 * An organization sweep: discover the accounts from the management account, read each one
 * with its member role (the caller's own account with its own credentials), concurrently and
 * each failure isolated to its account, then read the buckets and keys that trails reference
 * in other accounts with their owners' credentials, so evaluation joins them on facts.
 */
import pLimit from 'p-limit';
import { collectAccount } from '../collect/account.js';
import { checkCredentials, memberTarget, type AwsTarget, type MemberRole } from '../collect/aws-target.js';
import { ClientCache } from '../collect/clients.js';
import { collectKey } from '../collect/kms.js';
import { collectOrganization } from '../collect/organizations.js';
import { arnAccount } from '../collect/plain.js';
import { collectBucket, listOwnedBuckets } from '../collect/s3.js';
import type { Plan } from '../collect/sections.js';
import { Session, type CallEvent, type RawResponse } from '../collect/session.js';
import { identifyCaller, type Caller } from '../collect/identity.js';
import { InputError } from '../errors.js';
import type { AccountInventory, ApiError, Inventory, OrgAccount, TrailRecord } from '../inventory/types.js';
import { selectAccounts, type AccountFilters } from './select.js';
import { shardOf, type Shard } from './shard.js';

export interface SweepOptions {
  target: AwsTarget;
  /** The target's identity, when already checked; else identified first. */
  caller?: Caller;
  plan: Plan;
  role: MemberRole;
  filters: AccountFilters;
  regions?: readonly string[];
  /** Accounts read at once. */
  concurrency: number;
  shard?: Shard;
  keepRaw?: boolean;
  now?: Date;
  tool: { name: string; version: string };
  onCall?: (event: CallEvent) => void;
  /** Called once the accounts to read are known. */
  onPlan?: (accounts: number) => void;
  /** Called as each account finishes (for progress and the on-disk journal). */
  onAccount?: (account: AccountInventory, done: number, total: number) => void;
  /** Aborted (Ctrl-C): accounts not started are recorded as not scanned. */
  signal?: AbortSignal;
}

export interface SweepOutcome {
  inventory: Inventory;
  /** The account the sweep ran from (its own credentials read it). */
  callerAccountId: string;
  raw: RawResponse[];
  skipped: Array<{ account: OrgAccount; reason: string }>;
}

/** Per-account plan: organization facts come from discovery, not from every member. */
const MEMBER_EXCLUDED = new Set(['organization', 'organization-accounts', 'organization-services', 'organization-policies', 'organization-structure']);

/** What discovery reads with the caller's credentials: the organization's part of the plan, and its accounts. */
export function organizationPlan(plan: Plan): Plan {
  return new Set([...plan, 'organization', 'organization-accounts']);
}

/** What each account's read needs (the caller's own account and every member role). */
export function memberPlan(plan: Plan): Plan {
  return new Set([...plan, 'owned-buckets'].filter((s) => !MEMBER_EXCLUDED.has(s))) as Plan;
}

export async function sweepOrganization(options: SweepOptions): Promise<SweepOutcome> {
  const collectedAt = (options.now ?? new Date()).toISOString();
  const raw: RawResponse[] = [];
  const { identity, partition, raw: identityRaw } = options.caller ?? (await identifyCaller(options.target, options.onCall));
  const discovery = newSession(options, options.target, identity.Account);
  if (options.keepRaw) discovery.session.raw.push(...identityRaw);
  const organization = await collectOrganization(discovery.session, organizationPlan(options.plan));
  discovery.clients.destroy();
  raw.push(...discovery.session.raw);
  if (!organization?.Accounts) {
    throw new InputError(
      `cannot list the organization's accounts from account ${identity.Account}: ${describe(discovery.session.errors)}. ` +
        'Run the sweep from the management account or a delegated administrator.',
    );
  }
  organization.errors = discovery.session.errors;

  const selection = selectAccounts(organization, options.filters);
  const scan = options.shard ? selection.scan.filter((a) => shardOf(a.Id, options.shard!.count) === options.shard!.index) : selection.scan;
  options.onPlan?.(scan.length);
  const membersPlan = memberPlan(options.plan);
  const owned = new Map<string, Set<string>>();
  const accounts = new Map<string, AccountInventory>();
  let done = 0;

  const readOne = async (account: OrgAccount, knownTrails?: ReadonlyMap<string, TrailRecord>): Promise<void> => {
    const inventory = options.signal?.aborted
      ? notScanned(account.Id, 'Interrupted', 'the sweep was interrupted before this account was read')
      : await readAccount(options, account.Id, identity.Account, partition, membersPlan, owned, raw, knownTrails);
    accounts.set(account.Id, inventory);
    options.onAccount?.(inventory, ++done, scan.length);
  };

  // The caller's account first: it usually owns the organization trail, which members then reuse.
  const caller = scan.find((a) => a.Id === identity.Account);
  if (caller) await readOne(caller);
  const knownTrails = new Map<string, TrailRecord>();
  for (const t of accounts.get(identity.Account)?.trails ?? []) if (arnAccount(t.Trail.TrailARN) === identity.Account) knownTrails.set(t.Trail.TrailARN, t);
  const limit = pLimit(Math.max(1, options.concurrency));
  await Promise.all(scan.filter((a) => a !== caller).map((a) => limit(() => readOne(a, knownTrails))));

  await readCrossAccountReferences(options, accounts, owned, identity.Account, partition, membersPlan, raw);

  const inventory: Inventory = {
    schemaVersion: 1,
    collectedAt,
    tool: options.tool,
    partition,
    organization,
    accounts: [...accounts.values()].sort((a, b) => a.AccountId.localeCompare(b.AccountId)),
    ...(selection.skipped.length
      ? { notScanned: selection.skipped.map(({ account, reason }) => ({ AccountId: account.Id, ...(account.Name ? { Name: account.Name } : {}), reason })) }
      : {}),
  };
  return { inventory, raw, skipped: selection.skipped, callerAccountId: identity.Account };
}

function newSession(options: SweepOptions, target: AwsTarget, accountId: string): { session: Session; clients: ClientCache } {
  const clients = new ClientCache(target);
  const session = new Session({
    accountId,
    partition: 'aws',
    globalRegion: target.globalRegion,
    clients,
    ...(options.keepRaw ? { keepRaw: true } : {}),
    ...(options.onCall ? { onCall: options.onCall } : {}),
  });
  return { session, clients };
}

function targetFor(options: SweepOptions, accountId: string, callerAccount: string, partition: string): AwsTarget {
  return accountId === callerAccount ? options.target : memberTarget(options.target, accountId, partition, options.role);
}

async function readAccount(
  options: SweepOptions,
  accountId: string,
  callerAccount: string,
  partition: string,
  plan: Plan,
  owned: Map<string, Set<string>>,
  raw: RawResponse[],
  knownTrails?: ReadonlyMap<string, TrailRecord>,
): Promise<AccountInventory> {
  const target = targetFor(options, accountId, callerAccount, partition);
  const denied = await checkCredentials(target);
  if (denied) {
    options.onCall?.({ accountId, region: options.target.globalRegion, service: 'sts', operation: 'AssumeRole', ok: false, retries: 0 });
    return notScanned(accountId, denied.errorName, `cannot assume ${options.role.roleName} in ${accountId}: ${denied.message}`, 'AssumeRole', 'sts');
  }
  const { session, clients } = newSession(options, target, accountId);
  try {
    const buckets = plan.has('owned-buckets') ? await listOwnedBuckets(session) : undefined;
    if (buckets) owned.set(accountId, buckets);
    const { account } = await collectAccount(session, {
      plan,
      ...(options.regions ? { regions: options.regions } : {}),
      ...(knownTrails ? { knownTrails } : {}),
      ownedReferencesOnly: true,
      ownedBuckets: buckets ?? new Set(),
    });
    raw.push(...session.raw);
    return account;
  } finally {
    clients.destroy();
  }
}

/**
 * Buckets and keys referenced by a trail in one account and owned by another: read once, in
 * the owner's account, with the owner's credentials, and stored there.
 */
async function readCrossAccountReferences(
  options: SweepOptions,
  accounts: Map<string, AccountInventory>,
  owned: Map<string, Set<string>>,
  callerAccount: string,
  partition: string,
  plan: Plan,
  raw: RawResponse[],
): Promise<void> {
  const haveBucket = new Set([...accounts.values()].flatMap((a) => Object.keys(a.buckets)));
  const haveKey = new Set([...accounts.values()].flatMap((a) => Object.values(a.keys).flatMap((k) => [k.KeyMetadata.Arn, k.KeyMetadata.KeyId])));
  const wanted = new Map<string, { buckets: Set<string>; keys: Set<string> }>();
  const want = (owner: string) => wanted.get(owner) ?? wanted.set(owner, { buckets: new Set(), keys: new Set() }).get(owner)!;
  const ownerOf = new Map<string, string>();
  for (const [account, names] of owned) for (const name of names) ownerOf.set(name, account);
  const bucketOwner = (name: string) => ownerOf.get(name);
  const wantsBuckets = [...plan].some((s) => s.startsWith('bucket-'));
  const wantsKeys = [...plan].some((s) => s.startsWith('key-'));
  const ownerUnknown = new Set<string>();
  for (const account of accounts.values()) {
    for (const { Trail } of account.trails) {
      // A bucket no swept account owns is tried with the credentials of the account whose trail
      // names it: it may belong to an account outside the sweep (AccessDenied), or be gone
      // (NoSuchBucket: a deleted log bucket whose name anyone could register).
      const owner = Trail.S3BucketName ? bucketOwner(Trail.S3BucketName) : undefined;
      if (Trail.S3BucketName && !owner) ownerUnknown.add(Trail.S3BucketName);
      const bucketAt = Trail.S3BucketName && (owner ?? (account.Regions.length > 0 ? account.AccountId : undefined));
      if (wantsBuckets && Trail.S3BucketName && !haveBucket.has(Trail.S3BucketName) && bucketAt) want(bucketAt).buckets.add(Trail.S3BucketName);
      const keyAt = Trail.KmsKeyId?.startsWith('arn:') ? arnAccount(Trail.KmsKeyId) : undefined;
      if (wantsKeys && Trail.KmsKeyId && keyAt && !haveKey.has(Trail.KmsKeyId) && accounts.has(keyAt)) want(keyAt).keys.add(Trail.KmsKeyId);
    }
  }
  const limit = pLimit(Math.max(1, options.concurrency));
  await Promise.all(
    [...wanted].map(([owner, refs]) =>
      limit(async () => {
        const inventory = accounts.get(owner);
        if (!inventory || (await checkCredentials(targetFor(options, owner, callerAccount, partition)))) return;
        const { session, clients } = newSession(options, targetFor(options, owner, callerAccount, partition), owner);
        try {
          await Promise.all([
            ...[...refs.buckets].map(async (name) => {
              const bucket = await collectBucket(session, plan, name);
              if (!bucket) return;
              if (!ownerUnknown.has(name)) inventory.buckets[name] = bucket;
              // Readable but owned outside this sweep: kept without an owner, except in a shard,
              // where the owner may be another shard's account and reads it itself.
              else if (!options.shard) inventory.buckets[name] = { ...bucket, OwnerAccountId: undefined };
            }),
            ...[...refs.keys].map(async (id) => {
              const key = await collectKey(session, plan, id);
              if (key) inventory.keys[key.KeyMetadata.Arn] = key;
            }),
          ]);
          inventory.errors.push(...session.errors);
          raw.push(...session.raw);
        } finally {
          clients.destroy();
        }
      }),
    ),
  );
}

/** An account that could not be read at all: one error that every rule about it will report. */
function notScanned(accountId: string, errorName: string, message: string, operation = 'Sweep', service = 'trailguard'): AccountInventory {
  const error: ApiError = { accountId, region: 'global', service, operation, errorName, message };
  return { AccountId: accountId, Regions: [], trails: [], buckets: {}, keys: {}, logGroups: {}, alarms: [], topics: {}, eventRules: [], eventDataStores: [], errors: [error] };
}

function describe(errors: ApiError[]): string {
  const last = errors.at(-1);
  return last ? `${last.service}:${last.operation} failed with ${last.errorName} (${last.message})` : 'no answer';
}
