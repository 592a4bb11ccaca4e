/**
 * The inventory indexed once for the view builders: every record found in ANY account, keyed the
 * way other resources reference it, and every API error keyed by the resource it was about.
 */
import { logGroupArnKey, parseArn } from '../../inventory/arn.js';
import type { AccountInventory, ApiError, BucketRecord, Inventory, KeyRecord, LogGroupRecord, MetricAlarm, TopicRecord, TrailRecord } from '../../inventory/types.js';
import { orgFacts, trailOwner, type OrgFacts } from './derived/ownership.js';
import { enabledRegions } from './derived/regions.js';

/** A record and the account whose inventory it came from. */
export interface Found<T> {
  record: T;
  /** The account whose credentials read it. */
  readBy: string;
}

export interface TrailEntry extends Found<TrailRecord> {
  /** Accounts whose inventories list the trail. */
  seenIn: Set<string>;
}

export interface ViewContext {
  inventory: Inventory;
  partition: string;
  org: OrgFacts;
  /** Accounts in AccountId order. */
  accounts: AccountInventory[];
  accountById: Map<string, AccountInventory>;
  regionsByAccount: Map<string, string[]>;
  /** One entry per TrailARN, the owner's record preferred, in TrailARN order. */
  trails: TrailEntry[];
  buckets: Map<string, Found<BucketRecord>>;
  /** By key ARN, alias ARN, key id and `region:account:alias/name`. */
  keys: Map<string, Found<KeyRecord>>;
  /** By log group ARN without `:*`. */
  logGroups: Map<string, Found<LogGroupRecord>>;
  topics: Map<string, Found<TopicRecord>>;
  alarms: Array<{ alarm: MetricAlarm; accountId: string; region: string }>;
  /** Who references what, so each view finds its trails without scanning them all. */
  trailsByBucket: Map<string, TrailEntry[]>;
  trailsByKey: Map<KeyRecord, TrailEntry[]>;
  trailsByLogGroup: Map<string, TrailEntry[]>;
  /** Event data store ARNs by the key they encrypt with. */
  storesByKey: Map<KeyRecord, string[]>;
  /** Trails by owner account, and every organization trail: the candidates to cover an account. */
  trailsByOwner: Map<string, TrailEntry[]>;
  organizationTrails: TrailEntry[];
  /** Errors about a resource (ARN, name or id), from every account. */
  errorsByResource: Map<string, ApiError[]>;
  /** Errors with no resource, by account. */
  accountErrors: Map<string, ApiError[]>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function byId<T>(items: T[], id: (x: T) => string): T[] {
  return [...items].sort((a, b) => (id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0));
}

export function buildContext(inventory: Inventory): ViewContext {
  const accounts = byId(inventory.accounts, (a) => a.AccountId);
  const ctx: ViewContext = {
    inventory,
    partition: inventory.partition,
    org: orgFacts(inventory),
    accounts,
    accountById: new Map(accounts.map((a) => [a.AccountId, a])),
    regionsByAccount: new Map(accounts.map((a) => [a.AccountId, enabledRegions(a)])),
    trails: [],
    trailsByBucket: new Map(),
    trailsByKey: new Map(),
    trailsByLogGroup: new Map(),
    storesByKey: new Map(),
    trailsByOwner: new Map(),
    organizationTrails: [],
    buckets: new Map(),
    keys: new Map(),
    logGroups: new Map(),
    topics: new Map(),
    alarms: [],
    errorsByResource: new Map(),
    accountErrors: new Map(),
  };
  const trails = new Map<string, TrailEntry>();
  for (const account of accounts) {
    const readBy = account.AccountId;
    for (const record of account.trails) {
      const arn = record.Trail.TrailARN;
      const existing = trails.get(arn);
      if (!existing) trails.set(arn, { record, readBy, seenIn: new Set([readBy]) });
      else {
        existing.seenIn.add(readBy);
        // The owner's own record wins: a member's copy of an organization trail may lack what only the owner can read.
        if (readBy === trailOwner(record.Trail)) Object.assign(existing, { record, readBy });
      }
    }
    for (const [name, record] of Object.entries(account.buckets)) {
      const existing = ctx.buckets.get(name);
      if (!existing || (record.OwnerAccountId === readBy && existing.record.OwnerAccountId !== existing.readBy)) {
        ctx.buckets.set(name, { record: { ...record, Name: record.Name || name }, readBy });
      }
    }
    for (const [arn, record] of Object.entries(account.keys)) indexKey(ctx, arn, { record, readBy });
    for (const [arn, record] of Object.entries(account.logGroups)) {
      const key = logGroupArnKey(record.LogGroup.arn ?? arn);
      if (!ctx.logGroups.has(key)) ctx.logGroups.set(key, { record, readBy });
    }
    for (const [arn, record] of Object.entries(account.topics)) if (!ctx.topics.has(arn)) ctx.topics.set(arn, { record, readBy });
    for (const alarm of account.alarms) {
      const parsed = parseArn(alarm.AlarmArn);
      ctx.alarms.push({ alarm, accountId: parsed?.accountId || readBy, region: parsed?.region ?? '' });
    }
    for (const error of account.errors) {
      if (error.resource) push(ctx.errorsByResource, error.resource, error);
      else push(ctx.accountErrors, error.accountId || readBy, error);
    }
  }
  ctx.trails = byId([...trails.values()], (t) => t.record.Trail.TrailARN);
  indexReferences(ctx);
  return ctx;
}

function indexReferences(ctx: ViewContext): void {
  for (const entry of ctx.trails) {
    const trail = entry.record.Trail;
    if (trail.S3BucketName) push(ctx.trailsByBucket, trail.S3BucketName, entry);
    const key = trail.KmsKeyId ? ctx.keys.get(trail.KmsKeyId)?.record : undefined;
    if (key) push(ctx.trailsByKey, key, entry);
    if (trail.CloudWatchLogsLogGroupArn) push(ctx.trailsByLogGroup, logGroupArnKey(trail.CloudWatchLogsLogGroupArn), entry);
    push(ctx.trailsByOwner, trailOwner(trail), entry);
    if (trail.IsOrganizationTrail) ctx.organizationTrails.push(entry);
  }
  for (const account of ctx.accounts) {
    for (const store of account.eventDataStores) {
      const key = store.KmsKeyId ? ctx.keys.get(store.KmsKeyId)?.record : undefined;
      if (key) push(ctx.storesByKey, key, store.EventDataStoreArn);
    }
  }
}

function indexKey(ctx: ViewContext, arn: string, found: Found<KeyRecord>): void {
  const meta = found.record.KeyMetadata;
  const parsed = parseArn(meta.Arn ?? arn);
  const names = [meta.Arn, arn, meta.KeyId];
  for (const alias of found.record.Aliases ?? []) {
    if (alias.startsWith('arn:')) names.push(alias);
    else if (parsed) names.push(`arn:${parsed.partition}:kms:${parsed.region}:${parsed.accountId}:${alias}`);
  }
  for (const name of names) if (name && !ctx.keys.has(name)) ctx.keys.set(name, found);
}

/** The errors recorded about any of these resource identifiers (ARN, name, id), from every account. */
export function errorsAbout(ctx: ViewContext, ...ids: Array<string | undefined>): ApiError[] {
  const seen = new Set<ApiError>();
  for (const id of ids) if (id) for (const e of ctx.errorsByResource.get(id) ?? []) seen.add(e);
  return [...seen];
}

/** The enabled regions of an account; for an account outside the inventory, those of the account that read the record. */
export function regionsOf(ctx: ViewContext, accountId: string, fallbackAccountId?: string): string[] {
  return ctx.regionsByAccount.get(accountId) ?? (fallbackAccountId ? ctx.regionsByAccount.get(fallbackAccountId) : undefined) ?? [];
}
