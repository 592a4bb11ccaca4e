/**
 * One account's audit configuration, following the plan: identity and regions, the trails
 * (each once, at home), then what the trails reference (buckets, keys, log groups and their
 * monitoring chain), then the per-region sections. Failures are recorded and the rest goes on.
 */
import pLimit from 'p-limit';
import type { AccountInventory, KeyRecord, LogGroupRecord, OrganizationInventory, TopicRecord, TrailRecord } from '../inventory/types.js';
import { collectAlarms, metricKey } from './cloudwatch.js';
import { collectEventDataStores, collectTrails } from './cloudtrail.js';
import { closeRegions } from './closed-regions.js';
import { collectConfigRecorders } from './config.js';
import { collectEventRules } from './eventbridge.js';
import { collectCallerIdentity, collectRegions } from './identity.js';
import { collectCustomerKeys, collectKey } from './kms.js';
import { collectLogGroup, logGroupKey } from './logs.js';
import { collectOrganization } from './organizations.js';
import { arnAccount } from './plain.js';
import { collectAccountPublicAccessBlock, collectBucket } from './s3.js';
import { collectSecurityHub } from './securityhub.js';
import { FULL_PLAN, type Plan } from './sections.js';
import type { Session } from './session.js';
import { collectTopic } from './sns.js';
import { collectVpcs } from './vpc.js';

export interface AccountCollectOptions {
  plan: Plan;
  /** --regions: scan only these (the others are listed as excluded). */
  regions?: readonly string[];
  /** Trails already read in their owner account during a sweep, by ARN. */
  knownTrails?: ReadonlyMap<string, TrailRecord>;
  /** Read buckets, keys and log groups only when this account owns them (a sweep reads each in its owner). */
  ownedReferencesOnly?: boolean;
  /** Buckets this account owns (from ListBuckets), when ownedReferencesOnly is set. */
  ownedBuckets?: ReadonlySet<string>;
  /** The caller, when already identified (then sts:GetCallerIdentity is not called again). */
  identity?: AccountInventory['CallerIdentity'];
}

export interface AccountCollection {
  account: AccountInventory;
  organization?: OrganizationInventory;
}

export async function collectAccount(session: Session, options: AccountCollectOptions): Promise<AccountCollection> {
  const { plan } = options;
  const account: AccountInventory = {
    AccountId: session.accountId,
    Regions: [],
    trails: [],
    buckets: {},
    keys: {},
    logGroups: {},
    alarms: [],
    topics: {},
    eventRules: [],
    eventDataStores: [],
    errors: session.errors,
  };
  const identity = options.identity ?? (await collectCallerIdentity(session));
  if (identity) account.CallerIdentity = identity;
  if (identity?.Account && session.accountId !== identity.Account) {
    session.bindAccount(identity.Account);
    account.AccountId = identity.Account;
  }

  const [regions, organization] = await Promise.all([collectRegions(session, options.regions), plan.has('organization') ? collectOrganization(session, plan) : Promise.resolve(undefined)]);
  account.Regions = regions ?? [];
  const scanned = account.Regions.filter((r) => r.Enabled && !r.Excluded).map((r) => r.RegionName);

  // Region by region, a few at a time: each region's clients are dropped once its calls are done,
  // which keeps a sweep's memory flat (a client per service and region is most of it).
  const perRegion: Promise<void>[] = [pLimitAll(scanned, REGIONS_AT_ONCE, (region) => collectRegion(session, plan, region, account))];
  if (plan.has('account-public-access-block')) {
    perRegion.push(
      collectAccountPublicAccessBlock(session).then((pab) => {
        if (pab) account.accountPublicAccessBlock = pab;
      }),
    );
  }

  if (plan.has('trails')) {
    account.trails = await collectTrails(session, plan, options.knownTrails);
    await collectReferences(session, options, account);
  }
  if (plan.has('all-customer-keys')) await collectCustomerKeys(session, plan, scanned, account.keys);
  await Promise.all(perRegion);
  account.eventDataStores.sort((a, b) => a.EventDataStoreArn.localeCompare(b.EventDataStoreArn));
  account.eventRules.sort((a, b) => a.Rule.Arn.localeCompare(b.Rule.Arn));
  if (account.configRecorders) account.configRecorders = sortRecord(account.configRecorders);
  if (account.vpcs) account.vpcs = sortRecord(account.vpcs);
  if (account.securityHub) account.securityHub = sortRecord(account.securityHub);
  // A partial plan is recorded, so that evaluation reports what was left out instead of reading it as absent.
  if ([...FULL_PLAN].some((section) => !plan.has(section))) account.collected = [...plan].sort();
  account.keys = sortRecord(account.keys);
  account.buckets = sortRecord(account.buckets);
  // Organization errors belong to the organization, not to the account that read it.
  const orgErrors = session.errors.filter((e) => e.service === 'organizations');
  if (organization) organization.errors = sortErrors(orgErrors);
  // A region an SCP closes is recorded as closed, with its refusals, not as errors.
  const open = closeRegions(account.Regions, session.errors, session.answered, session.globalRegion);
  account.errors = sortErrors(open.filter((e) => e.service !== 'organizations'));
  return { account, ...(organization ? { organization } : {}) };
}

const REGIONS_AT_ONCE = 4;

/** The per-region sections for one region, merged into the account. */
async function collectRegion(session: Session, plan: Plan, region: string, account: AccountInventory): Promise<void> {
  const only = [region];
  await Promise.all([
    plan.has('event-data-stores') && collectEventDataStores(session, only).then((s) => void account.eventDataStores.push(...s)),
    plan.has('event-rules') && collectEventRules(session, only).then((r) => void account.eventRules.push(...r)),
    plan.has('config-recorders') && collectConfigRecorders(session, only).then((r) => void (account.configRecorders = { ...account.configRecorders, ...r })),
    plan.has('vpc-flow-logs') && collectVpcs(session, only).then((v) => void (account.vpcs = { ...account.vpcs, ...v })),
    plan.has('security-hub') && collectSecurityHub(session, only).then((h) => void (account.securityHub = { ...account.securityHub, ...h })),
  ]);
  session.clients.release(region);
}

async function pLimitAll<T>(items: T[], concurrency: number, run: (item: T) => Promise<void>): Promise<void> {
  const limit = pLimit(concurrency);
  await Promise.all(items.map((item) => limit(() => run(item))));
}

/** Buckets, keys and log groups the trails name, each read once. */
async function collectReferences(session: Session, options: AccountCollectOptions, account: AccountInventory): Promise<void> {
  const { plan } = options;
  const mine = (arn: string | undefined) => !options.ownedReferencesOnly || (arn !== undefined && arnAccount(arn) === session.accountId);
  const bucketNames = unique(account.trails.map((t) => t.Trail.S3BucketName)).filter((name) => !options.ownedReferencesOnly || options.ownedBuckets?.has(name));
  const keyIds = unique(account.trails.map((t) => t.Trail.KmsKeyId)).filter((k) => mine(k));
  const logGroupArns = unique(account.trails.map((t) => t.Trail.CloudWatchLogsLogGroupArn).map((a) => a && logGroupKey(a)))
    // Another account's log group can't be described from here: the owner's collection reads it.
    .filter((arn) => arnAccount(arn) === session.accountId);

  const wantsBuckets = [...plan].some((s) => s.startsWith('bucket-'));
  const wantsKeys = [...plan].some((s) => s.startsWith('key-'));
  await Promise.all([
    ...(wantsBuckets
      ? bucketNames.map(async (name) => {
          const bucket = await collectBucket(session, plan, name);
          if (bucket) account.buckets[name] = bucket;
        })
      : []),
    ...(wantsKeys
      ? keyIds.map(async (id) => {
          const key: KeyRecord | undefined = await collectKey(session, plan, id);
          if (key) account.keys[key.KeyMetadata.Arn] = key;
        })
      : []),
    ...(plan.has('log-groups') ? [collectMonitoring(session, plan, logGroupArns, account)] : []),
  ]);
}

/** Log group → metric filters → alarms on their metrics → the alarms' SNS topics and subscribers. */
async function collectMonitoring(session: Session, plan: Plan, arns: string[], account: AccountInventory): Promise<void> {
  const groups = (await Promise.all(arns.map((arn) => collectLogGroup(session, plan, arn)))).filter((g): g is LogGroupRecord => g !== undefined);
  for (const group of groups) account.logGroups[logGroupKey(group.LogGroup.arn ?? `${group.Region}:${group.LogGroup.logGroupName}`)] = group;
  account.logGroups = sortRecord(account.logGroups);
  if (!plan.has('alarms')) return;
  const metricsByRegion = new Map<string, Set<string>>();
  for (const group of groups) {
    for (const filter of group.MetricFilters ?? []) {
      for (const t of filter.metricTransformations ?? []) {
        const set = metricsByRegion.get(group.Region) ?? new Set<string>();
        set.add(metricKey(t.metricNamespace, t.metricName));
        metricsByRegion.set(group.Region, set);
      }
    }
  }
  const alarms = await Promise.all([...metricsByRegion].map(([region, metrics]) => collectAlarms(session, region, metrics)));
  account.alarms = alarms.flat().sort((a, b) => a.AlarmArn.localeCompare(b.AlarmArn));
  if (!plan.has('alarm-topics')) return;
  const topicArns = unique(account.alarms.flatMap((a) => [...(a.AlarmActions ?? [])]).filter((arn) => arn.includes(':sns:')));
  const topics: TopicRecord[] = await Promise.all(topicArns.map((arn) => collectTopic(session, arn)));
  account.topics = Object.fromEntries(topics.map((t) => [t.TopicArn, t]));
}

function unique(values: Array<string | undefined>): string[] {
  return [...new Set(values.filter((v): v is string => Boolean(v)))].sort();
}

function sortRecord<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}

function sortErrors<T extends { region: string; service: string; operation: string; resource?: string }>(errors: T[]): T[] {
  const key = (e: T) => `${e.region}\u0000${e.service}\u0000${e.operation}\u0000${e.resource ?? ''}`;
  return [...errors].sort((a, b) => key(a).localeCompare(key(b)));
}
