/**
 * CloudFormation resource types → the inventory's AWS shapes. CloudFormation's property names
 * are mostly the API's own; the differences (KMSKeyId, IsLogging, LifecycleConfiguration's
 * shorthand, embedded BucketPolicy and Subscription) are translated here.
 */
import type { AdvancedEventSelector, EventSelector, LifecycleRule, TrailRecord } from '../../inventory/types.js';
import * as acc from '../account-changes.js';
import { JOINED_BY, LIVE_ONLY_ERROR, LIVE_TOPIC, LIVE_TRAIL_STATUS } from '../live-only.js';
import { arnIn, bool, list, opt, policyDocument, str, tags, type TypeMapping } from '../map-context.js';
import type { IacResource, Target } from '../resource.js';
import { defaultKeyPolicy } from '../terraform/map.js';
import { findUnknown, Unknown } from '../value.js';

type Values = Record<string, unknown>;
const s = str;
const arn = arnIn;
const num = (x: unknown): number | undefined => (typeof x === 'number' ? x : typeof x === 'string' && x !== '' && !Number.isNaN(Number(x)) ? Number(x) : undefined);

/** A name property that is a known string, or the logical id standing for the name CloudFormation generates. */
function nameOf(value: unknown, logicalId: string): string {
  return typeof value === 'string' && value !== '' ? value : logicalId;
}

/** Ref and GetAtt of each type, with placeholders (the logical id) for what CloudFormation generates. */
export function cloudFormationIdentity(r: IacResource, t: Target): Record<string, string> {
  const v = r.values;
  const id = r.address;
  switch (r.type) {
    case 'AWS::S3::Bucket': {
      const name = nameOf(v.BucketName, id);
      return { Ref: name, Arn: `arn:${t.partition}:s3:::${name}`, DomainName: `${name}.s3.amazonaws.com` };
    }
    case 'AWS::KMS::Key':
      return { Ref: id, KeyId: id, Arn: arn(t, 'kms', `key/${id}`) };
    case 'AWS::KMS::Alias':
      return { Ref: nameOf(v.AliasName, id) };
    case 'AWS::Logs::LogGroup': {
      const name = nameOf(v.LogGroupName, id);
      return { Ref: name, Arn: `${arn(t, 'logs', `log-group:${name}`)}:*` };
    }
    case 'AWS::SNS::Topic': {
      const name = nameOf(v.TopicName, id);
      return { Ref: arn(t, 'sns', name), TopicArn: arn(t, 'sns', name), TopicName: name };
    }
    case 'AWS::CloudTrail::Trail': {
      const name = nameOf(v.TrailName, id);
      return { Ref: name, Arn: arn(t, 'cloudtrail', `trail/${name}`) };
    }
    case 'AWS::CloudTrail::EventDataStore': {
      const storeArn = arn(t, 'cloudtrail', `eventdatastore/${id}`);
      return { Ref: storeArn, EventDataStoreArn: storeArn };
    }
    case 'AWS::Events::Rule': {
      const name = nameOf(v.Name, id);
      return { Ref: name, Arn: arn(t, 'events', `rule/${name}`) };
    }
    case 'AWS::IAM::Role': {
      const name = nameOf(v.RoleName, id);
      return { Ref: name, Arn: arn(t, 'iam', `role/${name}`, true), RoleId: id };
    }
    case 'AWS::Organizations::Organization':
      return { Ref: 'o-exampleorgid', Id: 'o-exampleorgid', Arn: `arn:${t.partition}:organizations::${t.accountId}:organization/o-exampleorgid`, ManagementAccountId: t.accountId };
    case 'AWS::Organizations::Policy':
      return { Ref: id, Id: id, Arn: `arn:${t.partition}:organizations::${t.accountId}:policy/${id}` };
    default: {
      const service = r.type.split('::')[1]?.toLowerCase() ?? 'unknown';
      return { Ref: id, Arn: arn(t, service, id) };
    }
  }
}

const identity = (): Record<string, string> => ({});

function pick(v: unknown, keys: string[]): Values {
  const o = (v ?? {}) as Values;
  return Object.fromEntries(keys.filter((k) => o[k] !== undefined && o[k] !== null).map((k) => [k, o[k]]));
}

const trail: TypeMapping = {
  identity,
  map(ctx) {
    const v = ctx.values;
    const t = ctx.target;
    const name = nameOf(v.TrailName, ctx.resource.address);
    const trailArn = arn(t, 'cloudtrail', `trail/${name}`);
    const call = (operation: string) => ({ service: 'cloudtrail', operation, resource: trailArn });
    if (ctx.remove) return acc.removeTrail(ctx.account, trailArn, name);
    const field = <T>(value: unknown, section: string) => ctx.known<T>(value, call('GetTrail'), [section, ...(JOINED_BY[section] ?? [])]);
    const basic = ctx.known<Values[]>(v.EventSelectors, call('GetEventSelectors'));
    const advanced = ctx.known<Values[]>(v.AdvancedEventSelectors, call('GetEventSelectors'));
    const insights = ctx.known<Values[]>(v.InsightSelectors, call('GetInsightSelectors'));
    const topic = field<string>(v.SnsTopicName, 'Trail.SnsTopicName');
    const Trail: TrailRecord['Trail'] = {
      Name: name,
      TrailARN: trailArn,
      HomeRegion: t.region,
      ...opt('S3BucketName', field<string>(v.S3BucketName, 'Trail.S3BucketName')),
      ...opt('S3KeyPrefix', field<string>(v.S3KeyPrefix, 'Trail.S3KeyPrefix')),
      ...(s(topic) ? { SnsTopicName: topic!.startsWith('arn:') ? topic!.split(':').pop()! : topic!, SnsTopicARN: topic!.startsWith('arn:') ? topic! : arn(t, 'sns', topic!) } : {}),
      IncludeGlobalServiceEvents: bool(field(v.IncludeGlobalServiceEvents, 'Trail.IncludeGlobalServiceEvents'), true),
      IsMultiRegionTrail: bool(field(v.IsMultiRegionTrail, 'Trail.IsMultiRegionTrail'), false),
      LogFileValidationEnabled: bool(field(v.EnableLogFileValidation, 'Trail.LogFileValidationEnabled'), false),
      ...opt('CloudWatchLogsLogGroupArn', field<string>(v.CloudWatchLogsLogGroupArn, 'Trail.CloudWatchLogsLogGroupArn')),
      ...opt('CloudWatchLogsRoleArn', field<string>(v.CloudWatchLogsRoleArn, 'Trail.CloudWatchLogsRoleArn')),
      ...opt('KmsKeyId', field<string>(v.KMSKeyId, 'Trail.KmsKeyId')),
      HasCustomEventSelectors: list(basic).length > 0 || list(advanced).length > 0,
      HasInsightSelectors: list(insights).length > 0,
      IsOrganizationTrail: bool(field(v.IsOrganizationTrail, 'Trail.IsOrganizationTrail'), false),
    };
    const isLogging = ctx.known<boolean>(v.IsLogging, call('GetTrailStatus'), ['Status.IsLogging']);
    const record: TrailRecord = { Trail, Status: { IsLogging: bool(isLogging, false) } };
    // Selectors known only after apply are an error (recorded above), never the default.
    if (!findUnknown(v.EventSelectors) && !findUnknown(v.AdvancedEventSelectors)) {
      if (list(advanced).length > 0) record.AdvancedEventSelectors = list(advanced).map(advancedSelector);
      else
        record.EventSelectors =
          list(basic).length > 0 ? list(basic).map(basicSelector) : [{ ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [], ExcludeManagementEventSources: [] }];
    }
    if (list(insights).length > 0) record.InsightSelectors = list(insights).map((i) => ({ InsightType: String(i.InsightType) }));
    const trailTags = tags(ctx.known(v.Tags, call('ListTags')));
    if (trailTags) record.Tags = trailTags;
    acc.putTrail(ctx.account, record);
    ctx.locate(trailArn);
    ctx.liveOnly(call('GetTrailStatus'), LIVE_TRAIL_STATUS, `the delivery status of trail ${name}`);
  },
};

function basicSelector(e: Values): EventSelector {
  return {
    ReadWriteType: (s(e.ReadWriteType) ?? 'All') as EventSelector['ReadWriteType'],
    IncludeManagementEvents: bool(e.IncludeManagementEvents, true),
    DataResources: list(e.DataResources).map((d) => ({ Type: String(d.Type), Values: (d.Values as string[] | undefined) ?? [] })),
    ExcludeManagementEventSources: (e.ExcludeManagementEventSources as string[] | undefined) ?? [],
  };
}

function advancedSelector(e: Values): AdvancedEventSelector {
  const ops = ['Equals', 'StartsWith', 'EndsWith', 'NotEquals', 'NotStartsWith', 'NotEndsWith'] as const;
  return {
    ...opt('Name', s(e.Name)),
    FieldSelectors: list(e.FieldSelectors).map((f) => {
      const out: AdvancedEventSelector['FieldSelectors'][number] = { Field: String(f.Field) };
      for (const op of ops) if (Array.isArray(f[op]) && (f[op] as unknown[]).length > 0) out[op] = [...(f[op] as string[])].sort();
      return out;
    }),
  };
}

const eventDataStore: TypeMapping = {
  identity,
  map(ctx) {
    const v = ctx.values;
    const storeArn = arn(ctx.target, 'cloudtrail', `eventdatastore/${ctx.resource.address}`);
    const call = { service: 'cloudtrail', operation: 'GetEventDataStore', resource: storeArn };
    const selectors = ctx.known<Values[]>(v.AdvancedEventSelectors, call, ['EventDataStore.AdvancedEventSelectors']);
    const kms = ctx.known<string>(v.KmsKeyId, call, ['EventDataStore.KmsKeyId']);
    acc.putEventDataStore(
      ctx.account,
      {
        EventDataStoreArn: storeArn,
        Name: nameOf(v.Name, ctx.resource.address),
        Status: 'ENABLED',
        MultiRegionEnabled: bool(v.MultiRegionEnabled, true),
        OrganizationEnabled: bool(v.OrganizationEnabled, false),
        RetentionPeriod: num(v.RetentionPeriod) ?? 2557,
        TerminationProtectionEnabled: bool(v.TerminationProtectionEnabled, true),
        ...opt('KmsKeyId', kms),
        ...opt('BillingMode', s(v.BillingMode)),
        ...(selectors && list(selectors).length > 0 ? { AdvancedEventSelectors: list(selectors).map(advancedSelector) } : {}),
        Region: ctx.target.region,
      },
      ctx.remove,
    );
    ctx.locate(storeArn);
  },
};

function lifecycleRule(r: Values): LifecycleRule {
  const transitions = [...list(r.Transitions), ...list(r.Transition ? [r.Transition] : [])];
  const noncurrent = [...list(r.NoncurrentVersionTransitions), ...list(r.NoncurrentVersionTransition ? [r.NoncurrentVersionTransition] : [])];
  const tagFilters = list(r.TagFilters).map((f) => ({ Key: String(f.Key), Value: String(f.Value) }));
  const prefix = s(r.Prefix) ?? '';
  const noncurrentExpiration = num((r.NoncurrentVersionExpiration as Values | undefined)?.NoncurrentDays) ?? num(r.NoncurrentVersionExpirationInDays);
  return {
    ...opt('ID', s(r.Id)),
    Status: (s(r.Status) ?? 'Enabled') as LifecycleRule['Status'],
    Filter: tagFilters.length > 0 ? { And: { Prefix: prefix, Tags: tagFilters } } : { Prefix: prefix },
    ...(transitions.length
      ? { Transitions: transitions.map((x) => ({ ...opt('Days', num(x.TransitionInDays)), ...opt('Date', s(x.TransitionDate)), ...opt('StorageClass', s(x.StorageClass)) })) }
      : {}),
    ...(noncurrent.length ? { NoncurrentVersionTransitions: noncurrent.map((x) => ({ ...opt('NoncurrentDays', num(x.TransitionInDays)), ...opt('StorageClass', s(x.StorageClass)) })) } : {}),
    ...(r.ExpirationInDays !== undefined || r.ExpirationDate !== undefined || r.ExpiredObjectDeleteMarker !== undefined
      ? { Expiration: { ...opt('Days', num(r.ExpirationInDays)), ...opt('Date', s(r.ExpirationDate)), ...(r.ExpiredObjectDeleteMarker === true ? { ExpiredObjectDeleteMarker: true } : {}) } }
      : {}),
    ...(noncurrentExpiration !== undefined ? { NoncurrentVersionExpiration: { NoncurrentDays: noncurrentExpiration } } : {}),
  };
}

const bucket: TypeMapping = {
  identity,
  map(ctx) {
    const v = ctx.values;
    const name = nameOf(v.BucketName, ctx.resource.address);
    if (ctx.remove) return acc.removeBucket(ctx.account, name);
    const call = (operation: string) => ({ service: 's3', operation, resource: name });
    const section = <T>(value: unknown, operation: string) => ctx.known<T>(value, call(operation));
    const versioning = section<Values>(v.VersioningConfiguration, 'GetBucketVersioning');
    const lifecycle = section<Values>(v.LifecycleConfiguration, 'GetBucketLifecycleConfiguration');
    const encryption = section<Values>(v.BucketEncryption, 'GetBucketEncryption');
    const pab = section<Values>(v.PublicAccessBlockConfiguration, 'GetPublicAccessBlock');
    const logging = section<Values>(v.LoggingConfiguration, 'GetBucketLogging');
    const lock = section<Values>(v.ObjectLockConfiguration, 'GetObjectLockConfiguration');
    const replication = section<Values>(v.ReplicationConfiguration, 'GetBucketReplication');
    const ownership = section<Values>(v.OwnershipControls, 'GetBucketOwnershipControls');
    const retention = (lock?.Rule as Values | undefined)?.DefaultRetention as Values | undefined;
    const lockEnabled = bool(v.ObjectLockEnabled, false) || s(lock?.ObjectLockEnabled) === 'Enabled';
    acc.putBucket(ctx.account, {
      Name: name,
      OwnerAccountId: ctx.target.accountId,
      Region: ctx.target.region,
      Encryption: encryption
        ? {
            Rules: list(encryption.ServerSideEncryptionConfiguration).map((r) => ({
              ...(r.ServerSideEncryptionByDefault ? { ApplyServerSideEncryptionByDefault: pick(r.ServerSideEncryptionByDefault, ['SSEAlgorithm', 'KMSMasterKeyID']) as never } : {}),
              BucketKeyEnabled: bool(r.BucketKeyEnabled, false),
            })),
          }
        : { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' }, BucketKeyEnabled: false }] },
      OwnershipControls: ownership ? { Rules: list(ownership.Rules).map((r) => ({ ObjectOwnership: String(r.ObjectOwnership) })) } : { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      Versioning: versioning && s(versioning.Status) ? { Status: s(versioning.Status) as 'Enabled' | 'Suspended' } : {},
      ...(lifecycle ? { Lifecycle: { Rules: list(lifecycle.Rules).map(lifecycleRule) } } : {}),
      ...(pab
        ? {
            PublicAccessBlock: {
              BlockPublicAcls: bool(pab.BlockPublicAcls, false),
              IgnorePublicAcls: bool(pab.IgnorePublicAcls, false),
              BlockPublicPolicy: bool(pab.BlockPublicPolicy, false),
              RestrictPublicBuckets: bool(pab.RestrictPublicBuckets, false),
            },
          }
        : {}),
      ...(logging ? { Logging: { ...opt('TargetBucket', s(logging.DestinationBucketName)), TargetPrefix: s(logging.LogFilePrefix) ?? '' } } : {}),
      ...(lockEnabled ? { ObjectLock: { ObjectLockEnabled: 'Enabled', ...(retention ? { Rule: { DefaultRetention: pick(retention, ['Mode', 'Days', 'Years']) } } : {}) } } : {}),
      ...(replication
        ? {
            Replication: {
              ...opt('Role', s(replication.Role)),
              Rules: list(replication.Rules).map((r) => ({
                ...opt('ID', s(r.Id)),
                Status: s(r.Status) ?? 'Enabled',
                ...opt('Priority', num(r.Priority)),
                Destination: pick(r.Destination, ['Bucket', 'StorageClass']),
              })),
            },
          }
        : {}),
    });
    ctx.locate(`arn:${ctx.target.partition}:s3:::${name}`);
  },
};

const bucketPolicy: TypeMapping = {
  identity,
  dependent: true,
  map(ctx) {
    const name = s(ctx.values.Bucket);
    if (!name) return void ctx.known(ctx.values.Bucket, { service: 's3', operation: 'GetBucketPolicy', resource: ctx.resource.address });
    const record = acc.bucketRecord(ctx.account, name);
    if (!record) return;
    const policy = ctx.known(ctx.values.PolicyDocument, { service: 's3', operation: 'GetBucketPolicy', resource: name });
    if (ctx.remove || policy === undefined) delete record.Policy;
    else record.Policy = policyDocument(policy) as never;
  },
};

const kmsKey: TypeMapping = {
  identity,
  map(ctx) {
    const v = ctx.values;
    const id = ctx.resource.address;
    const keyArn = arn(ctx.target, 'kms', `key/${id}`);
    if (ctx.remove) return acc.removeKey(ctx.account, keyArn);
    const call = (operation: string) => ({ service: 'kms', operation, resource: keyArn });
    const rotation = bool(ctx.known(v.EnableKeyRotation, call('GetKeyRotationStatus')), false);
    const policy = ctx.known(v.KeyPolicy, call('GetKeyPolicy'));
    const enabled = bool(v.Enabled, true);
    acc.putKey(ctx.account, {
      KeyMetadata: {
        KeyId: id,
        Arn: keyArn,
        AWSAccountId: ctx.target.accountId,
        KeyManager: 'CUSTOMER',
        KeyState: enabled ? 'Enabled' : 'Disabled',
        Enabled: enabled,
        KeySpec: s(v.KeySpec) ?? 'SYMMETRIC_DEFAULT',
        KeyUsage: s(v.KeyUsage) ?? 'ENCRYPT_DECRYPT',
        Origin: s(v.Origin) ?? 'AWS_KMS',
        MultiRegion: bool(v.MultiRegion, false),
        ...opt('Description', s(v.Description)),
      },
      KeyRotationEnabled: rotation,
      ...(rotation ? { RotationPeriodInDays: num(v.RotationPeriodInDays) ?? 365 } : {}),
      ...(v.KeyPolicy instanceof Unknown ? {} : { KeyPolicy: (policy !== undefined ? policyDocument(policy) : defaultKeyPolicy(ctx.target)) as never }),
    });
    ctx.locate(keyArn);
  },
};

const kmsAlias: TypeMapping = {
  identity,
  dependent: true,
  map(ctx) {
    const name = s(ctx.values.AliasName);
    const target = s(ctx.values.TargetKeyId);
    const key = target ? acc.findKey(ctx.account, target) : undefined;
    if (name && key) key.Aliases = [...new Set([...(key.Aliases ?? []), name])].sort();
  },
};

const logGroup: TypeMapping = {
  identity,
  map(ctx) {
    const v = ctx.values;
    const name = nameOf(v.LogGroupName, ctx.resource.address);
    const key = arn(ctx.target, 'logs', `log-group:${name}`);
    if (ctx.remove) return acc.removeLogGroup(ctx.account, key);
    const kms = ctx.known<string>(v.KmsKeyId, { service: 'logs', operation: 'DescribeLogGroups', resource: key }, ['LogGroup.kmsKeyId']);
    acc.putLogGroup(ctx.account, key, {
      LogGroup: { logGroupName: name, arn: `${key}:*`, ...opt('retentionInDays', num(v.RetentionInDays)), ...opt('kmsKeyId', kms) },
      Region: ctx.target.region,
    });
    ctx.locate(key);
  },
};

const metricFilter: TypeMapping = {
  identity,
  dependent: true,
  map(ctx) {
    const v = ctx.values;
    acc.putMetricFilter(
      ctx.account,
      {
        filterName: nameOf(v.FilterName, ctx.resource.address),
        filterPattern: s(v.FilterPattern) ?? '',
        ...opt('logGroupName', s(v.LogGroupName)),
        metricTransformations: list(v.MetricTransformations).map((m) => ({
          metricName: String(m.MetricName),
          metricNamespace: String(m.MetricNamespace),
          ...opt('metricValue', s(m.MetricValue)),
          ...opt('defaultValue', num(m.DefaultValue)),
        })),
      },
      ctx.remove,
    );
  },
};

const alarm: TypeMapping = {
  identity,
  dependent: true,
  map(ctx) {
    const v = ctx.values;
    const name = nameOf(v.AlarmName, ctx.resource.address);
    const strings = (x: unknown) => (Array.isArray(x) ? x.filter((a): a is string => typeof a === 'string').sort() : []);
    acc.putAlarm(
      ctx.account,
      {
        AlarmName: name,
        AlarmArn: arn(ctx.target, 'cloudwatch', `alarm:${name}`),
        ...opt('MetricName', s(v.MetricName)),
        ...opt('Namespace', s(v.Namespace)),
        ActionsEnabled: bool(v.ActionsEnabled, true),
        AlarmActions: strings(v.AlarmActions),
        OKActions: strings(v.OKActions),
        InsufficientDataActions: strings(v.InsufficientDataActions),
        ...opt('Statistic', s(v.Statistic)),
        ...opt('Threshold', num(v.Threshold)),
        ...opt('ComparisonOperator', s(v.ComparisonOperator)),
        Dimensions: list(v.Dimensions).map((d) => ({ Name: String(d.Name), Value: String(d.Value) })),
      },
      ctx.remove,
    );
  },
};

const topic: TypeMapping = {
  identity,
  map(ctx) {
    const v = ctx.values;
    const name = nameOf(v.TopicName, ctx.resource.address);
    const topicArn = arn(ctx.target, 'sns', name);
    const subscriptions = list(v.Subscription).map((x) => ({ SubscriptionArn: 'PendingConfirmation', Protocol: String(x.Protocol), Endpoint: String(x.Endpoint), TopicArn: topicArn }));
    acc.putTopic(ctx.account, { TopicArn: topicArn, Attributes: { TopicArn: topicArn, ...opt('KmsMasterKeyId', s(v.KmsMasterKeyId)) }, Subscriptions: subscriptions }, ctx.remove);
    if (!ctx.remove) ctx.liveOnly({ service: 'sns', operation: 'ListSubscriptionsByTopic', resource: topicArn }, LIVE_TOPIC, `which subscriptions of topic ${name} are confirmed`);
  },
};

const subscription: TypeMapping = {
  identity,
  dependent: true,
  map(ctx) {
    const v = ctx.values;
    const topicArn = s(v.TopicArn);
    if (topicArn)
      acc.putSubscription(ctx.account, topicArn, { SubscriptionArn: 'PendingConfirmation', Protocol: String(v.Protocol), Endpoint: String(v.Endpoint), TopicArn: topicArn }, ctx.remove);
  },
};

const eventRule: TypeMapping = {
  identity,
  map(ctx) {
    const v = ctx.values;
    const name = nameOf(v.Name, ctx.resource.address);
    const ruleArn = arn(ctx.target, 'events', `rule/${name}`);
    const pattern = ctx.known<unknown>(v.EventPattern, { service: 'events', operation: 'ListRules', resource: ruleArn });
    const targets = ctx.known<Values[]>(v.Targets, { service: 'events', operation: 'ListTargetsByRule', resource: ruleArn });
    acc.putEventRule(
      ctx.account,
      {
        Rule: {
          Name: name,
          Arn: ruleArn,
          ...opt('EventPattern', typeof pattern === 'string' ? pattern : pattern === undefined ? undefined : JSON.stringify(pattern)),
          State: s(v.State) ?? 'ENABLED',
          EventBusName: s(v.EventBusName) ?? 'default',
          ...opt('Description', s(v.Description)),
        },
        Region: ctx.target.region,
        Targets: list(targets).map((x) => ({ Id: String(x.Id), Arn: String(x.Arn) })),
      },
      ctx.remove,
    );
    ctx.locate(ruleArn);
  },
};

const organization: TypeMapping = {
  identity,
  map(ctx) {
    if (ctx.remove) return void delete ctx.inventory.organization;
    const org = acc.organizationRecord(ctx.inventory);
    const id = org.Organization?.Id ?? 'o-exampleorgid';
    const master = org.Organization?.MasterAccountId ?? ctx.target.accountId;
    org.Organization = {
      ...org.Organization,
      Id: id,
      Arn: org.Organization?.Arn ?? `arn:${ctx.target.partition}:organizations::${master}:organization/${id}`,
      FeatureSet: s(ctx.values.FeatureSet) ?? 'ALL',
      MasterAccountId: master,
    };
    ctx.locate(org.Organization.Arn!);
    // CloudFormation cannot enable trusted service access: what is enabled is a live fact.
    if (org.EnabledServicePrincipals === undefined) {
      org.errors.push({
        accountId: ctx.target.accountId,
        region: ctx.target.region,
        service: 'organizations',
        operation: 'ListAWSServiceAccessForOrganization',
        resource: id,
        errorName: LIVE_ONLY_ERROR,
        message: `(the organization's trusted service access, which CloudFormation does not set) exists only in a live organization`,
      });
    }
  },
};

const scp: TypeMapping = {
  identity,
  map(ctx) {
    const v = ctx.values;
    if ((s(v.Type) ?? 'SERVICE_CONTROL_POLICY') !== 'SERVICE_CONTROL_POLICY') return;
    const org = acc.organizationRecord(ctx.inventory);
    const id = ctx.resource.address;
    const content = ctx.known<unknown>(v.Content, { service: 'organizations', operation: 'DescribePolicy', resource: id });
    const targets = ctx.known<string[]>(v.TargetIds, { service: 'organizations', operation: 'ListTargetsForPolicy', resource: id });
    acc.putPolicy(
      org,
      {
        PolicySummary: {
          Id: id,
          Arn: `arn:${ctx.target.partition}:organizations::${ctx.target.accountId}:policy/${id}`,
          Name: nameOf(v.Name, id),
          Type: 'SERVICE_CONTROL_POLICY',
          AwsManaged: false,
        },
        ...opt('Content', typeof content === 'string' ? content : content === undefined ? undefined : JSON.stringify(content)),
        Targets: (targets ?? []).map((TargetId) => ({ TargetId })),
      },
      ctx.remove,
    );
  },
};

export const CLOUDFORMATION_TYPES: Record<string, TypeMapping> = {
  'AWS::CloudTrail::Trail': trail,
  'AWS::CloudTrail::EventDataStore': eventDataStore,
  'AWS::S3::Bucket': bucket,
  'AWS::S3::BucketPolicy': bucketPolicy,
  'AWS::KMS::Key': kmsKey,
  'AWS::KMS::Alias': kmsAlias,
  'AWS::Logs::LogGroup': logGroup,
  'AWS::Logs::MetricFilter': metricFilter,
  'AWS::CloudWatch::Alarm': alarm,
  'AWS::SNS::Topic': topic,
  'AWS::SNS::Subscription': subscription,
  'AWS::Events::Rule': eventRule,
  'AWS::Organizations::Organization': organization,
  'AWS::Organizations::Policy': scp,
};
