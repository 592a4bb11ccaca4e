/**
 * Terraform AWS provider resources → the inventory's AWS shapes (what the collector records
 * for the same configuration). Attribute names are the provider's (v5); defaults are AWS's
 * when the attribute is left out. Each mapper writes its records into the account.
 */
import type { AdvancedEventSelector, EventSelector, LifecycleRule, TrailRecord } from '../../inventory/types.js';
import * as acc from '../account-changes.js';
import { arnIn, bool, list, opt, policyDocument, str, tags, type MapContext, type TypeMapping } from '../map-context.js';
import { JOINED_BY, LIVE_TOPIC, LIVE_TRAIL_STATUS } from '../live-only.js';
import type { IacResource, Target } from '../resource.js';
import { findUnknown, Unknown } from '../value.js';

type Values = Record<string, unknown>;

const s = str;
const arn = arnIn;

// ---- CloudTrail

function trailName(v: Values, address: string): string {
  return s(v.name) ?? address;
}

function trailRecord(ctx: MapContext): TrailRecord | undefined {
  const v = ctx.values;
  const { target: t } = ctx;
  const name = trailName(v, ctx.resource.address);
  const trailArn = s(v.arn) ?? arn(t, 'cloudtrail', `trail/${name}`);
  const home = s(v.home_region) ?? t.region;
  const call = (operation: string) => ({ service: 'cloudtrail', operation, resource: trailArn });
  const field = <T>(value: unknown, section: string) => ctx.known<T>(value, call('GetTrail'), [section, ...(JOINED_BY[section] ?? [])]);
  const basic = ctx.known<Values[]>(v.event_selector, call('GetEventSelectors'));
  const advanced = ctx.known<Values[]>(v.advanced_event_selector, call('GetEventSelectors'));
  const insights = ctx.known<Values[]>(v.insight_selector, call('GetInsightSelectors'));
  const snsTopic = field<string>(v.sns_topic_name, 'Trail.SnsTopicName');
  const Trail: TrailRecord['Trail'] = {
    Name: name,
    TrailARN: trailArn,
    HomeRegion: home,
    ...opt('S3BucketName', field<string>(v.s3_bucket_name, 'Trail.S3BucketName')),
    ...opt('S3KeyPrefix', field<string>(v.s3_key_prefix, 'Trail.S3KeyPrefix')),
    ...(str(snsTopic)
      ? { SnsTopicName: snsTopic!.startsWith('arn:') ? snsTopic!.split(':').pop()! : snsTopic!, SnsTopicARN: snsTopic!.startsWith('arn:') ? snsTopic! : arn(t, 'sns', snsTopic!) }
      : {}),
    IncludeGlobalServiceEvents: bool(field(v.include_global_service_events, 'Trail.IncludeGlobalServiceEvents'), true),
    IsMultiRegionTrail: bool(field(v.is_multi_region_trail, 'Trail.IsMultiRegionTrail'), false),
    LogFileValidationEnabled: bool(field(v.enable_log_file_validation, 'Trail.LogFileValidationEnabled'), false),
    ...opt('CloudWatchLogsLogGroupArn', field<string>(v.cloud_watch_logs_group_arn, 'Trail.CloudWatchLogsLogGroupArn')),
    ...opt('CloudWatchLogsRoleArn', field<string>(v.cloud_watch_logs_role_arn, 'Trail.CloudWatchLogsRoleArn')),
    ...opt('KmsKeyId', field<string>(v.kms_key_id, 'Trail.KmsKeyId')),
    HasCustomEventSelectors: list(basic).length > 0 || list(advanced).length > 0,
    HasInsightSelectors: list(insights).length > 0,
    IsOrganizationTrail: bool(field(v.is_organization_trail, 'Trail.IsOrganizationTrail'), false),
  };
  const isLogging = ctx.known<boolean>(v.enable_logging, call('GetTrailStatus'), ['Status.IsLogging']);
  const record: TrailRecord = { Trail, Status: { IsLogging: bool(isLogging, true) } };
  // Selectors known only after apply are an error (recorded above), never the default.
  if (!findUnknown(v.event_selector) && !findUnknown(v.advanced_event_selector)) {
    if (list(advanced).length > 0) record.AdvancedEventSelectors = list(advanced).map(advancedSelector);
    else record.EventSelectors = list(basic).length > 0 ? list(basic).map(basicSelector) : [DEFAULT_SELECTOR];
  }
  if (insights !== undefined && list(insights).length > 0) record.InsightSelectors = list(insights).map((i) => ({ InsightType: String(i.insight_type) }));
  const trailTags = tags(ctx.known(v.tags, call('ListTags')));
  if (trailTags) record.Tags = trailTags;
  return record;
}

/** What GetEventSelectors returns for a trail created without selectors. */
const DEFAULT_SELECTOR: EventSelector = { ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [], ExcludeManagementEventSources: [] };

function basicSelector(e: Values): EventSelector {
  return {
    ReadWriteType: (s(e.read_write_type) ?? 'All') as EventSelector['ReadWriteType'],
    IncludeManagementEvents: bool(e.include_management_events, true),
    DataResources: list(e.data_resource).map((d) => ({ Type: String(d.type), Values: (d.values as string[] | null) ?? [] })),
    ExcludeManagementEventSources: (e.exclude_management_event_sources as string[] | null) ?? [],
  };
}

export function advancedSelector(e: Values): AdvancedEventSelector {
  const ops = ['equals', 'starts_with', 'ends_with', 'not_equals', 'not_starts_with', 'not_ends_with'] as const;
  const aws = { equals: 'Equals', starts_with: 'StartsWith', ends_with: 'EndsWith', not_equals: 'NotEquals', not_starts_with: 'NotStartsWith', not_ends_with: 'NotEndsWith' } as const;
  return {
    ...opt('Name', s(e.name)),
    FieldSelectors: list(e.field_selector).map((f) => {
      const out: AdvancedEventSelector['FieldSelectors'][number] = { Field: String(f.field) };
      for (const op of ops) if (Array.isArray(f[op]) && (f[op] as unknown[]).length > 0) out[aws[op]] = [...(f[op] as string[])].sort();
      return out;
    }),
  };
}

const cloudtrail: TypeMapping = {
  identity: (v, address, t) => {
    const name = trailName(v, address);
    return { name, id: s(v.id) ?? name, arn: s(v.arn) ?? arn(t, 'cloudtrail', `trail/${name}`) };
  },
  map(ctx) {
    const record = trailRecord(ctx);
    if (!record) return;
    if (ctx.remove) return acc.removeTrail(ctx.account, record.Trail.TrailARN, record.Trail.Name);
    // A trail the plan leaves as it is keeps the delivery status the live inventory read.
    const live = unchanged(ctx) ? ctx.account.trails.find((t) => t.Trail.TrailARN === record.Trail.TrailARN)?.Status : undefined;
    if (live) record.Status = { ...live, IsLogging: record.Status!.IsLogging };
    acc.putTrail(ctx.account, record);
    ctx.locate(record.Trail.TrailARN);
    if (!live) ctx.liveOnly({ service: 'cloudtrail', operation: 'GetTrailStatus', resource: record.Trail.TrailARN }, LIVE_TRAIL_STATUS, `the delivery status of trail ${record.Trail.Name}`);
  },
};

const eventDataStore: TypeMapping = {
  identity: (v, address, t) => {
    const storeArn = s(v.arn) ?? arn(t, 'cloudtrail', `eventdatastore/${address}`);
    return { arn: storeArn, id: storeArn, name: s(v.name) ?? address };
  },
  map(ctx) {
    const v = ctx.values;
    const storeArn = s(v.arn) ?? arn(ctx.target, 'cloudtrail', `eventdatastore/${ctx.resource.address}`);
    const call = { service: 'cloudtrail', operation: 'GetEventDataStore', resource: storeArn };
    const selectors = ctx.known<Values[]>(v.advanced_event_selector, call, ['EventDataStore.AdvancedEventSelectors']);
    const kms = ctx.known<string>(v.kms_key_id, call, ['EventDataStore.KmsKeyId']);
    const record = {
      EventDataStoreArn: storeArn,
      Name: s(v.name) ?? ctx.resource.address,
      Status: 'ENABLED',
      MultiRegionEnabled: bool(v.multi_region_enabled, true),
      OrganizationEnabled: bool(v.organization_enabled, false),
      RetentionPeriod: typeof v.retention_period === 'number' ? v.retention_period : 2555,
      TerminationProtectionEnabled: bool(v.termination_protection_enabled, true),
      ...opt('KmsKeyId', kms),
      ...opt('BillingMode', s(v.billing_mode)),
      ...(selectors && list(selectors).length > 0 ? { AdvancedEventSelectors: list(selectors).map(advancedSelector) } : {}),
      Region: ctx.target.region,
    };
    acc.putEventDataStore(ctx.account, record, ctx.remove);
    ctx.locate(storeArn);
  },
};

// ---- S3

function bucketName(v: Values, address: string): string {
  return s(v.bucket) ?? address;
}

const bucket: TypeMapping = {
  identity: (v, address, t) => {
    const name = bucketName(v, address);
    return { id: name, bucket: name, arn: `arn:${t.partition}:s3:::${name}`, region: s(v.region) ?? t.region };
  },
  map(ctx) {
    const name = bucketName(ctx.values, ctx.resource.address);
    if (ctx.remove) return acc.removeBucket(ctx.account, name);
    const region = s(ctx.values.region) ?? ctx.target.region;
    const lockEnabled = bool(ctx.values.object_lock_enabled, false);
    // A new bucket is what S3 makes of CreateBucket: SSE-S3 by default (since 2023), ACLs disabled, policy and public access block
    // absent until their own resources set them, versioning never enabled.
    const live = ctx.account.buckets[name];
    acc.putBucket(ctx.account, {
      ...(live && ctx.resource.action !== 'create' ? live : {}),
      Name: name,
      OwnerAccountId: ctx.target.accountId,
      Region: region,
      ...(live && ctx.resource.action !== 'create'
        ? {}
        : {
            Encryption: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' }, BucketKeyEnabled: false }] },
            OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
            Versioning: {},
            ...(lockEnabled ? { ObjectLock: { ObjectLockEnabled: 'Enabled' } } : {}),
          }),
    });
    ctx.locate(`arn:${ctx.target.partition}:s3:::${name}`);
  },
};

/** A bucket configuration resource: the bucket it configures, and the section it sets (or clears, when deleted). */
function bucketSection(operation: string, section: string, read: (v: Values, ctx: MapContext) => unknown, whenDeleted?: unknown): TypeMapping {
  return {
    dependent: true,
    identity: (v, address) => ({ id: s(v.bucket) ?? address }),
    map(ctx) {
      const name = s(ctx.values.bucket);
      const call = { service: 's3', operation, resource: name ?? ctx.resource.address };
      if (!name) return void ctx.known(ctx.values.bucket, call);
      const record = acc.bucketRecord(ctx.account, name);
      if (!record) return;
      acc.dropErrors(ctx.account, [name, `arn:${ctx.target.partition}:s3:::${name}`], [operation]);
      if (ctx.remove) {
        if (whenDeleted === undefined) delete (record as unknown as Values)[section];
        else (record as unknown as Values)[section] = whenDeleted;
        return;
      }
      const value = ctx.known(read(ctx.values, ctx), call);
      if (value === undefined) delete (record as unknown as Values)[section];
      else (record as unknown as Values)[section] = value;
    },
  };
}

function lifecycleRule(r: Values): LifecycleRule {
  const filter = list(r.filter)[0];
  const and = filter ? list(filter.and)[0] : undefined;
  const tag = filter ? list(filter.tag)[0] : undefined;
  return {
    ...opt('ID', s(r.id)),
    Status: (s(r.status) ?? 'Enabled') as LifecycleRule['Status'],
    ...(filter
      ? {
          Filter: {
            ...(and
              ? {
                  And: {
                    ...opt('Prefix', s(and.prefix)),
                    ...opt('Tags', tags(and.tags)),
                    ...opt('ObjectSizeGreaterThan', num(and.object_size_greater_than)),
                    ...opt('ObjectSizeLessThan', num(and.object_size_less_than)),
                  },
                }
              : {}),
            ...(tag ? { Tag: { Key: String(tag.key), Value: String(tag.value) } } : {}),
            ...(and || tag ? {} : { Prefix: s(filter.prefix) ?? '' }),
            ...opt('ObjectSizeGreaterThan', num(filter.object_size_greater_than)),
            ...opt('ObjectSizeLessThan', num(filter.object_size_less_than)),
          },
        }
      : s(r.prefix) !== undefined
        ? { Prefix: s(r.prefix)! }
        : { Filter: { Prefix: '' } }),
    ...nonEmpty(
      'Transitions',
      list(r.transition).map((x) => ({ ...opt('Days', num(x.days)), ...opt('Date', s(x.date)), ...opt('StorageClass', s(x.storage_class)) })),
    ),
    ...nonEmpty(
      'NoncurrentVersionTransitions',
      list(r.noncurrent_version_transition).map((x) => ({ ...opt('NoncurrentDays', num(x.noncurrent_days)), ...opt('StorageClass', s(x.storage_class)) })),
    ),
    ...(list(r.expiration)[0] ? { Expiration: expiration(list(r.expiration)[0]!) } : {}),
    ...(list(r.noncurrent_version_expiration)[0] ? { NoncurrentVersionExpiration: { ...opt('NoncurrentDays', num(list(r.noncurrent_version_expiration)[0]!.noncurrent_days)) } } : {}),
  };
}

function expiration(e: Values): NonNullable<LifecycleRule['Expiration']> {
  return { ...opt('Days', num(e.days)), ...opt('Date', s(e.date)), ...(e.expired_object_delete_marker === true ? { ExpiredObjectDeleteMarker: true } : {}) };
}

function num(x: unknown): number | undefined {
  return typeof x === 'number' && x !== 0 ? x : typeof x === 'string' && x !== '' && !Number.isNaN(Number(x)) && Number(x) !== 0 ? Number(x) : undefined;
}

function nonEmpty<K extends string, V>(key: K, values: V[]): { [P in K]?: V[] } {
  return values.length ? ({ [key]: values } as { [P in K]: V[] }) : {};
}

const bucketVersioning = bucketSection(
  'GetBucketVersioning',
  'Versioning',
  (v) => {
    const c = list(v.versioning_configuration)[0];
    const status = s(c?.status);
    return { ...(status && status !== 'Disabled' ? { Status: status } : {}), ...opt('MFADelete', s(c?.mfa_delete)) };
  },
  { Status: 'Suspended' },
);

const bucketLifecycle = bucketSection('GetBucketLifecycleConfiguration', 'Lifecycle', (v) => ({ Rules: list(v.rule).map(lifecycleRule) }));

const bucketEncryption = bucketSection(
  'GetBucketEncryption',
  'Encryption',
  (v) => ({
    Rules: list(v.rule).map((r) => {
      const d = list(r.apply_server_side_encryption_by_default)[0];
      return {
        ...(d ? { ApplyServerSideEncryptionByDefault: { SSEAlgorithm: String(d.sse_algorithm), ...opt('KMSMasterKeyID', s(d.kms_master_key_id)) } } : {}),
        BucketKeyEnabled: bool(r.bucket_key_enabled, false),
      };
    }),
  }),
  { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' }, BucketKeyEnabled: false }] },
);

const bucketPublicAccessBlock = bucketSection('GetPublicAccessBlock', 'PublicAccessBlock', (v) => ({
  BlockPublicAcls: bool(v.block_public_acls, false),
  IgnorePublicAcls: bool(v.ignore_public_acls, false),
  BlockPublicPolicy: bool(v.block_public_policy, false),
  RestrictPublicBuckets: bool(v.restrict_public_buckets, false),
}));

const bucketPolicy = bucketSection('GetBucketPolicy', 'Policy', (v) => (v.policy instanceof Unknown ? v.policy : policyDocument(v.policy)));

const bucketLogging = bucketSection('GetBucketLogging', 'Logging', (v) => ({ ...opt('TargetBucket', v.target_bucket), ...opt('TargetPrefix', s(v.target_prefix) ?? '') }));

const bucketObjectLock = bucketSection('GetObjectLockConfiguration', 'ObjectLock', (v) => {
  const retention = list(list(v.rule)[0]?.default_retention)[0];
  return {
    ObjectLockEnabled: s(v.object_lock_enabled) ?? 'Enabled',
    ...(retention ? { Rule: { DefaultRetention: { ...opt('Mode', s(retention.mode)), ...opt('Days', num(retention.days)), ...opt('Years', num(retention.years)) } } } : {}),
  };
});

const bucketReplication = bucketSection('GetBucketReplication', 'Replication', (v) => ({
  ...opt('Role', v.role),
  Rules: list(v.rule).map((r) => ({
    ...opt('ID', s(r.id)),
    Status: s(r.status) ?? 'Enabled',
    ...opt('Priority', num(r.priority)),
    Destination: { Bucket: list(r.destination)[0]?.bucket, ...opt('StorageClass', s(list(r.destination)[0]?.storage_class)) },
  })),
}));

const bucketOwnership = bucketSection('GetBucketOwnershipControls', 'OwnershipControls', (v) => ({ Rules: list(v.rule).map((r) => ({ ObjectOwnership: String(r.object_ownership) })) }));

// ---- KMS

function keyIdentity(v: Values, address: string, t: Target) {
  const keyId = s(v.key_id) ?? address;
  return { key_id: keyId, id: keyId, arn: s(v.arn) ?? arn(t, 'kms', `key/${keyId}`) };
}

const kmsKey: TypeMapping = {
  identity: keyIdentity,
  map(ctx) {
    const v = ctx.values;
    const id = keyIdentity(v, ctx.resource.address, ctx.target);
    if (ctx.remove) return acc.removeKey(ctx.account, id.arn);
    const call = (operation: string) => ({ service: 'kms', operation, resource: id.arn });
    const rotation = bool(ctx.known(v.enable_key_rotation, call('GetKeyRotationStatus')), false);
    const spec = s(v.customer_master_key_spec) ?? 'SYMMETRIC_DEFAULT';
    const policy = ctx.known(v.policy, call('GetKeyPolicy'));
    const enabled = bool(v.is_enabled, true);
    acc.putKey(ctx.account, {
      KeyMetadata: {
        KeyId: id.key_id,
        Arn: id.arn,
        AWSAccountId: ctx.target.accountId,
        KeyManager: 'CUSTOMER',
        KeyState: enabled ? 'Enabled' : 'Disabled',
        Enabled: enabled,
        KeySpec: spec,
        KeyUsage: s(v.key_usage) ?? 'ENCRYPT_DECRYPT',
        Origin: s(v.custom_key_store_id) ? 'AWS_CLOUDHSM' : 'AWS_KMS',
        MultiRegion: bool(v.multi_region, false),
        ...opt('Description', s(v.description)),
      },
      KeyRotationEnabled: rotation,
      ...(rotation ? { RotationPeriodInDays: num(v.rotation_period_in_days) ?? 365 } : {}),
      // Without a policy, KMS gives the key its default policy: the account's IAM policies decide.
      KeyPolicy: ((policy !== undefined ? policyDocument(policy) : undefined) as never) ?? defaultKeyPolicy(ctx.target),
    });
    if (policy === undefined && v.policy instanceof Unknown) delete ctx.account.keys[id.arn]!.KeyPolicy;
    ctx.locate(id.arn);
  },
};

export function defaultKeyPolicy(t: Target) {
  return {
    Version: '2012-10-17',
    Id: 'key-default-1',
    Statement: [{ Sid: 'Enable IAM User Permissions', Effect: 'Allow' as const, Principal: { AWS: `arn:${t.partition}:iam::${t.accountId}:root` }, Action: 'kms:*', Resource: '*' }],
  };
}

const kmsAlias: TypeMapping = {
  dependent: true,
  identity: (v, address, t) => ({ name: s(v.name) ?? address, id: s(v.name) ?? address, arn: s(v.arn) ?? arn(t, 'kms', s(v.name) ?? address) }),
  map(ctx) {
    const name = s(ctx.values.name);
    const target = s(ctx.values.target_key_id);
    const key = target ? acc.findKey(ctx.account, target) : undefined;
    if (!name || !key) return;
    key.Aliases = [...new Set([...(key.Aliases ?? []).filter((a) => a !== name), ...(ctx.remove ? [] : [name])])].sort();
  },
};

// ---- CloudWatch Logs, CloudWatch, SNS, EventBridge

function logGroupIdentity(v: Values, address: string, t: Target) {
  const name = s(v.name) ?? address;
  return { name, id: name, arn: s(v.arn) ?? arn(t, 'logs', `log-group:${name}`) };
}

const logGroup: TypeMapping = {
  identity: logGroupIdentity,
  map(ctx) {
    const v = ctx.values;
    const id = logGroupIdentity(v, ctx.resource.address, ctx.target);
    const key = id.arn.replace(/:\*$/, '');
    if (ctx.remove) return acc.removeLogGroup(ctx.account, key);
    const call = { service: 'logs', operation: 'DescribeLogGroups', resource: key };
    const kms = ctx.known<string>(v.kms_key_id, call, ['LogGroup.kmsKeyId']);
    const retention = num(v.retention_in_days);
    acc.putLogGroup(ctx.account, key, { LogGroup: { logGroupName: id.name, arn: `${key}:*`, ...opt('retentionInDays', retention), ...opt('kmsKeyId', kms) }, Region: ctx.target.region });
    ctx.locate(key);
  },
};

const metricFilter: TypeMapping = {
  dependent: true,
  identity: (v, address) => ({ id: s(v.name) ?? address, name: s(v.name) ?? address }),
  map(ctx) {
    const v = ctx.values;
    const t = list(v.metric_transformation);
    acc.putMetricFilter(
      ctx.account,
      {
        filterName: String(v.name),
        filterPattern: s(v.pattern) ?? '',
        ...opt('logGroupName', s(v.log_group_name)),
        metricTransformations: t.map((m) => ({
          metricName: String(m.name),
          metricNamespace: String(m.namespace),
          ...opt('metricValue', s(m.value)),
          ...opt('defaultValue', num(m.default_value)),
        })),
      },
      ctx.remove,
    );
  },
};

const alarm: TypeMapping = {
  dependent: true,
  identity: (v, address, t) => ({ id: s(v.alarm_name) ?? address, arn: s(v.arn) ?? arn(t, 'cloudwatch', `alarm:${s(v.alarm_name) ?? address}`) }),
  map(ctx) {
    const v = ctx.values;
    const name = s(v.alarm_name) ?? ctx.resource.address;
    const strings = (x: unknown) => (Array.isArray(x) ? x.filter((a): a is string => typeof a === 'string').sort() : []);
    acc.putAlarm(
      ctx.account,
      {
        AlarmName: name,
        AlarmArn: s(v.arn) ?? arn(ctx.target, 'cloudwatch', `alarm:${name}`),
        ...opt('MetricName', s(v.metric_name)),
        ...opt('Namespace', s(v.namespace)),
        ActionsEnabled: bool(v.actions_enabled, true),
        AlarmActions: strings(v.alarm_actions),
        OKActions: strings(v.ok_actions),
        InsufficientDataActions: strings(v.insufficient_data_actions),
        ...opt('Statistic', s(v.statistic)),
        ...opt('Threshold', typeof v.threshold === 'number' ? v.threshold : undefined),
        ...opt('ComparisonOperator', s(v.comparison_operator)),
        Dimensions: Object.entries((v.dimensions as Record<string, string> | null) ?? {}).map(([Name, Value]) => ({ Name, Value })),
      },
      ctx.remove,
    );
  },
};

function topicIdentity(v: Values, address: string, t: Target) {
  const name = s(v.name) ?? address;
  const topicArn = s(v.arn) ?? arn(t, 'sns', name);
  return { name, id: topicArn, arn: topicArn };
}

const topic: TypeMapping = {
  identity: topicIdentity,
  map(ctx) {
    const id = topicIdentity(ctx.values, ctx.resource.address, ctx.target);
    const live = unchanged(ctx) && ctx.account.topics[id.arn] !== undefined;
    acc.putTopic(
      ctx.account,
      { TopicArn: id.arn, Attributes: { TopicArn: id.arn, ...(s(ctx.values.kms_master_key_id) ? { KmsMasterKeyId: s(ctx.values.kms_master_key_id)! } : {}) } },
      ctx.remove,
    );
    if (!ctx.remove && !live) ctx.liveOnly({ service: 'sns', operation: 'ListSubscriptionsByTopic', resource: id.arn }, LIVE_TOPIC, `which subscriptions of topic ${id.name} are confirmed`);
  },
};

/** The plan leaves the resource as the live inventory (if any) read it. */
function unchanged(ctx: MapContext): boolean {
  return ctx.resource.action === 'no-op';
}

const subscription: TypeMapping = {
  dependent: true,
  identity: (v, address) => ({ id: s(v.arn) ?? address, arn: s(v.arn) ?? address }),
  map(ctx) {
    const v = ctx.values;
    const topicArn = s(v.topic_arn);
    if (!topicArn) return;
    acc.putSubscription(
      ctx.account,
      topicArn,
      { SubscriptionArn: s(v.arn) ?? 'PendingConfirmation', Protocol: String(v.protocol), Endpoint: String(v.endpoint), TopicArn: topicArn },
      ctx.remove,
    );
  },
};

function ruleIdentity(v: Values, address: string, t: Target) {
  const name = s(v.name) ?? address;
  const bus = s(v.event_bus_name) ?? 'default';
  return { name, id: name, arn: s(v.arn) ?? arn(t, 'events', bus === 'default' ? `rule/${name}` : `rule/${bus}/${name}`) };
}

const eventRule: TypeMapping = {
  identity: ruleIdentity,
  map(ctx) {
    const v = ctx.values;
    const id = ruleIdentity(v, ctx.resource.address, ctx.target);
    const state = s(v.state) ?? (v.is_enabled === false ? 'DISABLED' : 'ENABLED');
    const pattern = ctx.known<string>(v.event_pattern, { service: 'events', operation: 'ListRules', resource: id.arn });
    acc.putEventRule(
      ctx.account,
      {
        Rule: { Name: id.name, Arn: id.arn, ...opt('EventPattern', pattern), State: state, EventBusName: s(v.event_bus_name) ?? 'default', ...opt('Description', s(v.description)) },
        Region: ctx.target.region,
      },
      ctx.remove,
    );
    ctx.locate(id.arn);
  },
};

const eventTarget: TypeMapping = {
  dependent: true,
  identity: (v, address) => ({ id: s(v.target_id) ?? address }),
  map(ctx) {
    const v = ctx.values;
    const targetArn = ctx.known<string>(v.arn, { service: 'events', operation: 'ListTargetsByRule', resource: String(v.rule) });
    if (!s(v.rule) || !targetArn) return;
    acc.putEventTarget(ctx.account, String(v.rule), { Id: s(v.target_id) ?? ctx.resource.address, Arn: targetArn }, ctx.remove);
  },
};

// ---- Organizations

const organization: TypeMapping = {
  identity: (v, address, t) => ({
    id: s(v.id) ?? 'o-exampleorgid',
    arn: s(v.arn) ?? `arn:${t.partition}:organizations::${t.accountId}:organization/${s(v.id) ?? 'o-exampleorgid'}`,
    master_account_id: s(v.master_account_id) ?? t.accountId,
  }),
  map(ctx) {
    if (ctx.remove) return void delete ctx.inventory.organization;
    const v = ctx.values;
    const org = acc.organizationRecord(ctx.inventory);
    const id = s(v.id) ?? org.Organization?.Id ?? 'o-exampleorgid';
    const master = s(v.master_account_id) ?? org.Organization?.MasterAccountId ?? ctx.target.accountId;
    org.Organization = {
      ...org.Organization,
      Id: id,
      Arn: s(v.arn) ?? org.Organization?.Arn ?? `arn:${ctx.target.partition}:organizations::${master}:organization/${id}`,
      FeatureSet: s(v.feature_set) ?? 'ALL',
      MasterAccountId: master,
    };
    const principals = ctx.known<string[]>(v.aws_service_access_principals, { service: 'organizations', operation: 'ListAWSServiceAccessForOrganization', resource: id });
    if (principals !== undefined) org.EnabledServicePrincipals = [...(principals ?? [])].sort().map((ServicePrincipal) => ({ ServicePrincipal }));
    org.errors = org.errors.filter((e) => e.operation !== 'ListAWSServiceAccessForOrganization' && e.operation !== 'DescribeOrganization');
    ctx.locate(org.Organization.Arn!);
  },
};

function policyIdentity(v: Values, address: string, t: Target) {
  const id = s(v.id) ?? address;
  return { id, arn: s(v.arn) ?? `arn:${t.partition}:organizations::${t.accountId}:policy/${id}` };
}

const scp: TypeMapping = {
  identity: policyIdentity,
  map(ctx) {
    const v = ctx.values;
    if ((s(v.type) ?? 'SERVICE_CONTROL_POLICY') !== 'SERVICE_CONTROL_POLICY') return;
    const id = policyIdentity(v, ctx.resource.address, ctx.target);
    const org = acc.organizationRecord(ctx.inventory);
    const content = ctx.known<string>(v.content, { service: 'organizations', operation: 'DescribePolicy', resource: id.id });
    acc.putPolicy(
      org,
      {
        PolicySummary: { Id: id.id, Arn: id.arn, Name: s(v.name) ?? ctx.resource.address, Type: 'SERVICE_CONTROL_POLICY', AwsManaged: false },
        ...opt('Content', typeof content === 'string' ? content : content === undefined ? undefined : JSON.stringify(content)),
      },
      ctx.remove,
    );
  },
};

const scpAttachment: TypeMapping = {
  dependent: true,
  identity: (v, address) => ({ id: address }),
  map(ctx) {
    const policyId = s(ctx.values.policy_id);
    const targetId = s(ctx.values.target_id);
    if (policyId && targetId && ctx.inventory.organization) acc.putPolicyTarget(ctx.inventory.organization, policyId, targetId, ctx.remove);
  },
};

const delegatedAdministrator: TypeMapping = {
  dependent: true,
  identity: (v, address) => ({ id: address }),
  map(ctx) {
    const account = s(ctx.values.account_id);
    const principal = s(ctx.values.service_principal);
    if (!account || !principal || !ctx.inventory.organization) return;
    const org = ctx.inventory.organization;
    const admins = (org.DelegatedAdministrators ?? {})[principal] ?? [];
    org.DelegatedAdministrators = { ...org.DelegatedAdministrators, [principal]: [...admins.filter((a) => a.Id !== account), ...(ctx.remove ? [] : [{ Id: account }])] };
  },
};

export const TERRAFORM_TYPES: Record<string, TypeMapping> = {
  aws_cloudtrail: cloudtrail,
  aws_cloudtrail_event_data_store: eventDataStore,
  aws_s3_bucket: bucket,
  aws_s3_bucket_versioning: bucketVersioning,
  aws_s3_bucket_lifecycle_configuration: bucketLifecycle,
  aws_s3_bucket_server_side_encryption_configuration: bucketEncryption,
  aws_s3_bucket_public_access_block: bucketPublicAccessBlock,
  aws_s3_bucket_policy: bucketPolicy,
  aws_s3_bucket_logging: bucketLogging,
  aws_s3_bucket_object_lock_configuration: bucketObjectLock,
  aws_s3_bucket_replication_configuration: bucketReplication,
  aws_s3_bucket_ownership_controls: bucketOwnership,
  aws_kms_key: kmsKey,
  aws_kms_alias: kmsAlias,
  aws_cloudwatch_log_group: logGroup,
  aws_cloudwatch_log_metric_filter: metricFilter,
  aws_cloudwatch_metric_alarm: alarm,
  aws_sns_topic: topic,
  aws_sns_topic_subscription: subscription,
  aws_cloudwatch_event_rule: eventRule,
  aws_cloudwatch_event_target: eventTarget,
  aws_organizations_organization: organization,
  aws_organizations_policy: scp,
  aws_organizations_policy_attachment: scpAttachment,
  aws_organizations_delegated_administrator: delegatedAdministrator,
};

/** Identity of a resource trailguard does not map (an IAM role a trail names): its known attributes, an ARN-like placeholder otherwise. */
export function genericIdentity(r: IacResource, t: Target): Record<string, string> {
  const service = r.type.replace(/^aws_/, '').split('_')[0]!;
  const name = s(r.values.name) ?? r.address;
  return { id: name, name, arn: service === 'iam' ? arn(t, 'iam', `${r.type.replace(/^aws_iam_/, '')}/${name}`, true) : arn(t, service, name) };
}
