/**
 * An organization sweep: discover the accounts from the management account, read each one
 * with its member role (the caller's own account with its own credentials), concurrently and
 * each failure isolated to its account, then read the buckets and keys that trails reference
 * in other accounts with their owners' credentials, so evaluation joins them on facts.
 */
import pLimit from 'p-limit';
import { memberTarget, type AwsTarget, type MemberRole } from '../collect/aws-target.js';
import { ClientCache } from '../collect/clients.js';
import { collectOrganization } from '../collect/organizations.js';
import { arnAccount } from '../collect/plain.js';
import type { Plan } from '../collect/sections.js';
import { Session, type CallEvent, type RawResponse } from '../collect/session.js';
import { identifyCaller, type Caller } from '../collect/identity.js';
import { InputError } from '../errors.js';
import type { AccountInventory, ApiError, Inventory, OrgAccount, TrailRecord } from '../inventory/types.js';
import { startWorkers } from './parallel.js';
import { LocalReader, notScanned, type AccountReader } from './reader.js';
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
  /** Accounts read at once, in all threads together. */
  concurrency: number;
  /** Threads reading accounts, this one included (default 1: no worker threads); see parallel.ts. */
  workers?: number;
  shard?: Shard;
  keepRaw?: boolean;
  now?: Date;
  tool: { name: string; version: string };
  onCall?: ((event: CallEvent) => void) | undefined;
  /** Called once the accounts to read are known. */
  onPlan?: ((accounts: number) => void) | undefined;
  /** Called as each account finishes (for progress and the on-disk journal). */
  onAccount?: ((account: AccountInventory, done: number, total: number) => void) | undefined;
  /** Aborted (Ctrl-C): accounts not started are recorded as not scanned. */
  signal?: AbortSignal | undefined;
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
  const discovery = discoverySession(options, identity.Account);
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
  // One target per account for the whole sweep, all in this thread: each member role is assumed once.
  const targets = new Map<string, AwsTarget>([[identity.Account, options.target]]);
  const targetFor = (accountId: string): AwsTarget => {
    let target = targets.get(accountId);
    if (!target) targets.set(accountId, (target = memberTarget(options.target, accountId, partition, options.role)));
    return target;
  };
  const local = new LocalReader({
    targetFor,
    globalRegion: options.target.globalRegion,
    roleName: options.role.roleName,
    plan: membersPlan,
    ...(options.regions ? { regions: options.regions } : {}),
    ...(options.keepRaw ? { keepRaw: true } : {}),
    ...(options.onCall ? { onCall: options.onCall } : {}),
  });
  // With more than one, the members are read in `workers` worker threads; this one reads the
  // caller's account, makes every AssumeRole and merges (its heap stays small: see parallel.ts).
  const { credentials: _credentials, assumedRole: _assumedRole, ...workerTarget } = options.target;
  const threads = Math.min(options.workers ?? 1, scan.length - 1);
  const workers = startWorkers(
    threads > 1 ? threads : 0,
    {
      target: workerTarget,
      roleName: options.role.roleName,
      plan: membersPlan,
      ...(options.regions ? { regions: options.regions } : {}),
      keepRaw: Boolean(options.keepRaw),
      reportCalls: Boolean(options.onCall),
    },
    targetFor,
    options.onCall,
  );
  const readers: AccountReader[] = workers.length ? workers : [local];
  try {
    const accounts = await readAccounts(options, scan, identity.Account, readers, local, raw);
    await readCrossAccountReferences(options, accounts, membersPlan, raw);
    const inventory: Inventory = {
      schemaVersion: 1,
      collectedAt,
      tool: options.tool,
      partition,
      organization,
      accounts: [...accounts.values()].map((a) => a.inventory).sort((a, b) => a.AccountId.localeCompare(b.AccountId)),
      ...(selection.skipped.length
        ? { notScanned: selection.skipped.map(({ account, reason }) => ({ AccountId: account.Id, ...(account.Name ? { Name: account.Name } : {}), reason })) }
        : {}),
    };
    return { inventory, raw, skipped: selection.skipped, callerAccountId: identity.Account };
  } finally {
    await Promise.all(readers.map((r) => r.close()));
  }
}

function discoverySession(options: SweepOptions, accountId: string): { session: Session; clients: ClientCache } {
  const clients = new ClientCache(options.target);
  const session = new Session({
    accountId,
    partition: 'aws',
    globalRegion: options.target.globalRegion,
    clients,
    ...(options.keepRaw ? { keepRaw: true } : {}),
    ...(options.onCall ? { onCall: options.onCall } : {}),
  });
  return { session, clients };
}

/** An account as read: its inventory, the buckets it owns, and the reader whose thread read it. */
interface ReadAccount {
  inventory: AccountInventory;
  owned?: ReadonlySet<string>;
  reader: AccountReader;
}

/**
 * Reads every account, `concurrency` at once, each on the reader with the fewest accounts in
 * flight. The caller's account first, in this thread (its credentials are the caller's own): it
 * usually owns the organization trail, which members then reuse.
 */
async function readAccounts(
  options: SweepOptions,
  scan: OrgAccount[],
  callerAccount: string,
  readers: AccountReader[],
  local: AccountReader,
  raw: RawResponse[],
): Promise<Map<string, ReadAccount>> {
  const accounts = new Map<string, ReadAccount>();
  const inFlight = new Map(readers.map((r) => [r, 0]));
  let done = 0;
  const readOne = async (account: OrgAccount, reader: AccountReader | undefined, knownTrails?: ReadonlyMap<string, TrailRecord>): Promise<void> => {
    if (options.signal?.aborted) {
      accounts.set(account.Id, { inventory: notScanned(account.Id, 'Interrupted', 'the sweep was interrupted before this account was read'), reader: local });
    } else {
      const chosen = reader ?? readers.reduce((best, r) => (inFlight.get(r)! < inFlight.get(best)! ? r : best));
      inFlight.set(chosen, inFlight.get(chosen)! + 1);
      try {
        const read = await chosen.read(account.Id, knownTrails);
        raw.push(...read.raw);
        accounts.set(account.Id, { inventory: read.inventory, ...(read.owned ? { owned: new Set(read.owned) } : {}), reader: chosen });
      } finally {
        inFlight.set(chosen, inFlight.get(chosen)! - 1);
      }
    }
    options.onAccount?.(accounts.get(account.Id)!.inventory, ++done, scan.length);
  };

  const caller = scan.find((a) => a.Id === callerAccount);
  if (caller) await readOne(caller, local);
  const knownTrails = new Map<string, TrailRecord>();
  for (const t of accounts.get(callerAccount)?.inventory.trails ?? []) if (arnAccount(t.Trail.TrailARN) === callerAccount) knownTrails.set(t.Trail.TrailARN, t);
  const limit = pLimit(Math.max(1, options.concurrency));
  await Promise.all(scan.filter((a) => a !== caller).map((a) => limit(() => readOne(a, undefined, knownTrails))));
  return accounts;
}

/**
 * Buckets and keys referenced by a trail in one account and owned by another: read once, in
 * the owner's account, with the owner's credentials (by the thread that read that account), and
 * stored there.
 */
async function readCrossAccountReferences(options: SweepOptions, accounts: Map<string, ReadAccount>, plan: Plan, raw: RawResponse[]): Promise<void> {
  const inventories = [...accounts.values()].map((a) => a.inventory);
  const haveBucket = new Set(inventories.flatMap((a) => Object.keys(a.buckets)));
  const haveKey = new Set(inventories.flatMap((a) => Object.values(a.keys).flatMap((k) => [k.KeyMetadata.Arn, k.KeyMetadata.KeyId])));
  const wanted = new Map<string, { buckets: Set<string>; keys: Set<string> }>();
  const want = (owner: string) => wanted.get(owner) ?? wanted.set(owner, { buckets: new Set(), keys: new Set() }).get(owner)!;
  const ownerOf = new Map<string, string>();
  for (const [account, { owned }] of accounts) for (const name of owned ?? []) ownerOf.set(name, account);
  const wantsBuckets = [...plan].some((s) => s.startsWith('bucket-'));
  const wantsKeys = [...plan].some((s) => s.startsWith('key-'));
  const ownerUnknown = new Set<string>();
  for (const account of inventories) {
    for (const { Trail } of account.trails) {
      // A bucket no swept account owns is tried with the credentials of the account whose trail
      // names it: it may belong to an account outside the sweep (AccessDenied), or be gone
      // (NoSuchBucket: a deleted log bucket whose name anyone could register).
      const owner = Trail.S3BucketName ? ownerOf.get(Trail.S3BucketName) : undefined;
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
        const account = accounts.get(owner);
        if (!account) return;
        const read = await account.reader.readReferences(owner, [...refs.buckets], [...refs.keys]);
        if (!read) return;
        const { inventory } = account;
        for (const [name, bucket] of Object.entries(read.buckets)) {
          if (!ownerUnknown.has(name)) inventory.buckets[name] = bucket;
          // Readable but owned outside this sweep: kept without an owner, except in a shard,
          // where the owner may be another shard's account and reads it itself.
          else if (!options.shard) inventory.buckets[name] = { ...bucket, OwnerAccountId: undefined };
        }
        Object.assign(inventory.keys, read.keys);
        inventory.errors.push(...read.errors);
        raw.push(...read.raw);
      }),
    ),
  );
}

function describe(errors: ApiError[]): string {
  const last = errors.at(-1);
  return last ? `${last.service}:${last.operation} failed with ${last.errorName} (${last.message})` : 'no answer';
}
