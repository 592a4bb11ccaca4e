/**
 * The catalogue of view fields: every field a rule may read, declared once. Each declaration
 * gives the path, the type, the collection sections it needs, the API operations whose failure
 * leaves it unknown, and a doc line. From it come the planner's needs (plan/view-needs.ts), the
 * error feeds (evaluate/views/derived/errors.ts), the field tables of docs/views.md, the view
 * data's TypeScript types (evaluate/views/view-data.generated.ts, by docs/view-types.ts), the
 * live-only lists of `iac` (iac/live-only.ts), and the load-time check of every path a rule
 * reads (checkViewPath).
 *
 * Fields are declared in groups, one per kind of record an API error can be about (a trail, a
 * bucket, ...); a view mounts groups, some under a prefix (a trail view joins its bucket under
 * `Bucket`, an account view lists trail summaries under `derived.trails[]`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../package-info.js';
import type { SectionId } from '../collect/sections.js';
import { didYouMean } from '../util/did-you-mean.js';
import type { ResourceType } from './types.js';

/** What an API error is about: the records whose sections it leaves unread. */
export type ErrorKind = 'trail' | 'bucket' | 'key' | 'log-group' | 'topic' | 'event-data-store' | 'account' | 'organization' | 'monitoring' | 'region';

export interface FieldSpec {
  /** Relative to where the group is mounted; `[]` marks the elements of an array. */
  path: string;
  /** The value's type, as TypeScript writes it (docs). */
  type: string;
  sections: readonly SectionId[];
  /** Operations whose failure (about this group's record) leaves the field unknown. */
  unknownOn?: readonly string[];
  doc: string;
  /**
   * An AWS record whose inner fields are those of the inventory schema (schemas/inventory.schema.json):
   * `<$defs name>` or `<$defs name>.<property>`. Without it, a field's inner shape is not checked.
   */
  schema?: string;
  /** Every view of the type has the field (else it may be absent: not configured, or unknown with `$errors`). */
  always?: true;
  /**
   * The field judges each region of the account's `Regions`: a rule reading it gets one `skip`
   * per region a service control policy closes to the account (evaluate/closed-regions.ts).
   */
  perRegion?: true;
  /**
   * The field exists, or is complete, only in a live account: a plan or template cannot give it.
   * `iac` without --inventory marks it unknown (`LiveOnly`), so a rule reading it is `skip`
   * "live-only" (iac/live-only.ts lists these from here; evaluate/views/derived/errors.ts reads
   * an error naming only such fields as that mark, not as a failed call).
   */
  liveOnly?: true;
}

export interface FieldGroup {
  kind: ErrorKind;
  fields: readonly FieldSpec[];
}

const SELECTORS: readonly SectionId[] = ['trail-event-selectors'];
const SELECTOR_CALLS = ['GetEventSelectors'];

/** A trail: the trail view's own fields, and each trail summary in account and organization views. */
export const TRAIL_RECORD: FieldGroup = {
  kind: 'trail',
  fields: [
    {
      path: 'Trail',
      always: true,
      type: 'Trail',
      sections: ['trails'],
      unknownOn: ['GetTrail', 'DescribeTrails'],
      schema: 'TrailRecord.Trail',
      doc: 'cloudtrail:GetTrail (`Name`, `TrailARN`, `HomeRegion`, `S3BucketName`, `S3KeyPrefix`, `IsMultiRegionTrail`, `IsOrganizationTrail`, `LogFileValidationEnabled`, `KmsKeyId`, `CloudWatchLogsLogGroupArn`, ...).',
    },
    {
      path: 'Status',
      type: 'GetTrailStatusResponse',
      sections: ['trail-status'],
      unknownOn: ['GetTrailStatus'],
      schema: 'TrailRecord.Status',
      doc: 'cloudtrail:GetTrailStatus (`IsLogging`, `LatestDeliveryError`, ...).',
    },
    {
      path: 'Status.LatestDeliveryError',
      liveOnly: true,
      type: 'string',
      sections: ['trail-status'],
      doc: 'The last S3 delivery error (GetTrailStatus; delivery facts exist only in a live account).',
    },
    {
      path: 'Status.LatestNotificationError',
      liveOnly: true,
      type: 'string',
      sections: ['trail-status'],
      doc: 'The last SNS notification error (GetTrailStatus; delivery facts exist only in a live account).',
    },
    {
      path: 'Status.LatestCloudWatchLogsDeliveryError',
      liveOnly: true,
      type: 'string',
      sections: ['trail-status'],
      doc: 'The last CloudWatch Logs delivery error (GetTrailStatus; delivery facts exist only in a live account).',
    },
    {
      path: 'Status.LatestDigestDeliveryError',
      liveOnly: true,
      type: 'string',
      sections: ['trail-status'],
      doc: 'The last digest delivery error (GetTrailStatus; delivery facts exist only in a live account).',
    },
    {
      path: 'Status.LatestDeliveryTime',
      liveOnly: true,
      type: 'string',
      sections: ['trail-status'],
      doc: 'When the last log file was delivered (GetTrailStatus; delivery facts exist only in a live account).',
    },
    {
      path: 'Status.LatestNotificationTime',
      liveOnly: true,
      type: 'string',
      sections: ['trail-status'],
      doc: 'When the last notification was sent (GetTrailStatus; delivery facts exist only in a live account).',
    },
    {
      path: 'Status.LatestCloudWatchLogsDeliveryTime',
      liveOnly: true,
      type: 'string',
      sections: ['trail-status'],
      doc: 'When events last reached CloudWatch Logs (GetTrailStatus; delivery facts exist only in a live account).',
    },
    {
      path: 'Status.LatestDigestDeliveryTime',
      liveOnly: true,
      type: 'string',
      sections: ['trail-status'],
      doc: 'When the last digest file was delivered (GetTrailStatus; delivery facts exist only in a live account).',
    },
    {
      path: 'Status.StartLoggingTime',
      liveOnly: true,
      type: 'string',
      sections: ['trail-status'],
      doc: 'When logging last started (GetTrailStatus; delivery facts exist only in a live account).',
    },
    {
      path: 'Status.StopLoggingTime',
      liveOnly: true,
      type: 'string',
      sections: ['trail-status'],
      doc: 'When logging last stopped (GetTrailStatus; delivery facts exist only in a live account).',
    },
    {
      path: 'EventSelectors',
      type: 'EventSelector[]',
      sections: SELECTORS,
      unknownOn: SELECTOR_CALLS,
      schema: 'TrailRecord.EventSelectors',
      doc: 'cloudtrail:GetEventSelectors (basic selectors; one of the two is present).',
    },
    {
      path: 'AdvancedEventSelectors',
      type: 'AdvancedEventSelector[]',
      sections: SELECTORS,
      unknownOn: SELECTOR_CALLS,
      schema: 'TrailRecord.AdvancedEventSelectors',
      doc: 'cloudtrail:GetEventSelectors (advanced selectors).',
    },
    {
      path: 'InsightSelectors',
      type: 'InsightSelector[]',
      sections: ['trail-insight-selectors'],
      unknownOn: ['GetInsightSelectors'],
      schema: 'TrailRecord.InsightSelectors',
      doc: 'cloudtrail:GetInsightSelectors; absent when Insights are off.',
    },
    { path: 'Tags', type: 'Tag[]', sections: ['trail-tags'], unknownOn: ['ListTags'], schema: 'TrailRecord.Tags', doc: 'cloudtrail:ListTags.' },
    { path: 'derived.ownerAccountId', always: true, type: 'string', sections: ['trails'], doc: 'Account id in `TrailARN`.' },
    { path: 'derived.isOrganizationTrail', always: true, type: 'boolean', sections: ['trails'], doc: '`Trail.IsOrganizationTrail === true`.' },
    {
      path: 'derived.isShadow',
      always: true,
      type: 'boolean',
      sections: ['trails'],
      doc: "`false` in the trail view (the one evaluation of the trail); `true` in a summary seen from another account (a member's view of an organization trail).",
    },
    {
      path: 'derived.coversRegions',
      always: true,
      type: 'string[]',
      sections: ['trails', 'regions'],
      doc: 'Multi-region: every enabled region of the account looking (the owner for the trail view); single-region: `[HomeRegion]`.',
    },
    {
      path: 'derived.coversAccounts',
      always: true,
      type: 'string[]',
      sections: ['trails', 'organization-accounts'],
      doc: '`[owner]`, or for an organization trail the owner and every known member (Organizations `ListAccounts`, non-suspended, plus accounts that listed the trail).',
    },
    { path: 'derived.logPrefix', always: true, type: 'string', sections: ['trails'], doc: 'Where CloudTrail writes: `<S3KeyPrefix>/AWSLogs/` or `AWSLogs/`.' },
    {
      path: 'derived.managementEvents',
      type: '{ read: boolean; write: boolean; all: boolean; excludedSources: string[] }',
      sections: SELECTORS,
      unknownOn: SELECTOR_CALLS,
      doc: 'Every read (write) management event is recorded, apart from `excludedSources`; `all = read && write`.',
    },
    { path: 'derived.logsAllManagementEvents', type: 'boolean', sections: SELECTORS, unknownOn: SELECTOR_CALLS, doc: '`all` and no excluded source.' },
    {
      path: 'derived.s3DataEvents',
      type: 'S3DataEvents',
      sections: SELECTORS,
      unknownOn: SELECTOR_CALLS,
      doc: '`{ allBuckets: { read, write, excludedPrefixes }, buckets: [{ Name, ReadWriteType, Prefix?, TrailArn }], fullyLoggedBuckets }` (below).',
    },
    {
      path: 'derived.dataEventTypes',
      type: 'DataEventType[]',
      sections: SELECTORS,
      unknownOn: SELECTOR_CALLS,
      doc: '`[{ type, all: { read, write }, resources }]` per data resource type (`AWS::S3::Object`, `AWS::Lambda::Function`, ...): `all` = every resource of the type; `resources` = the ARNs or ARN prefixes selectors name.',
    },
    {
      path: 'derived.hoursSince',
      liveOnly: true,
      always: true,
      type: 'Record<string, number>',
      sections: ['trail-status'],
      unknownOn: ['GetTrailStatus'],
      doc: "Hours (two decimals) from each `Status` time (`LatestDeliveryTime`, `LatestDigestDeliveryTime`, `StartLoggingTime`, ...) to the inventory's `collectedAt`, so re-evaluating a saved inventory does not age it (`derived/status-age.ts`).",
    },
  ],
};

/**
 * A trail as summarised in account and organization views (`derived.trails[]`): its
 * configuration, status and facts, without the raw selector, Insights and tag records, which only
 * the trail view carries. A rule reading those through a summary would find them absent with no
 * error, so the catalogue does not declare them there.
 */
const SUMMARY_LEAVES_OUT = ['EventSelectors', 'AdvancedEventSelectors', 'InsightSelectors', 'Tags'];
const TRAIL_SUMMARY: FieldGroup = { kind: 'trail', fields: TRAIL_RECORD.fields.filter((f) => !SUMMARY_LEAVES_OUT.includes(f.path)) };

/** Only in the trail view, where the trail's KMS key is joined. */
const TRAIL_KEY_FACTS: FieldGroup = {
  kind: 'key',
  fields: [
    {
      path: 'derived.keyPolicy',
      type: '{ allowsTrail: boolean; unscopedCloudTrailGrants: string[]; publicGrants: string[] }',
      sections: ['key-metadata', 'key-policy'],
      unknownOn: ['GetKeyPolicy'],
      doc: 'When the trail names a KMS key: does its policy let CloudTrail (`kms:GenerateDataKey`) encrypt for this trail, which grants are not pinned to trail ARNs of named accounts, which Allows are public (`derived/key-policy.ts`). Error when the key or its policy could not be read.',
    },
  ],
};

const BUCKET_RECORD: FieldGroup = {
  kind: 'bucket',
  fields: [
    {
      path: 'Bucket',
      always: true,
      type: 'BucketRecord',
      sections: ['bucket-location'],
      unknownOn: ['HeadBucket'],
      schema: 'BucketRecord',
      doc: 'The bucket as read by one S3 Get* call per section; absent section = not configured, unless `$errors` says otherwise.',
    },
    { path: 'Bucket.Region', type: 'string', sections: ['bucket-location'], unknownOn: ['GetBucketLocation'], doc: 's3:GetBucketLocation.' },
    { path: 'Bucket.Policy', type: 'PolicyDocument', sections: ['bucket-policy'], unknownOn: ['GetBucketPolicy'], schema: 'BucketRecord.Policy', doc: 's3:GetBucketPolicy, parsed.' },
    {
      path: 'Bucket.PolicyStatus',
      type: 'PolicyStatus',
      sections: ['bucket-policy-status'],
      unknownOn: ['GetBucketPolicyStatus'],
      schema: 'BucketRecord.PolicyStatus',
      doc: 's3:GetBucketPolicyStatus.',
    },
    { path: 'Bucket.Acl', type: 'AccessControlPolicy', sections: ['bucket-acl'], unknownOn: ['GetBucketAcl'], schema: 'BucketRecord.Acl', doc: 's3:GetBucketAcl.' },
    {
      path: 'Bucket.OwnershipControls',
      type: 'OwnershipControls',
      sections: ['bucket-ownership-controls'],
      unknownOn: ['GetBucketOwnershipControls'],
      schema: 'BucketRecord.OwnershipControls',
      doc: 's3:GetBucketOwnershipControls.',
    },
    {
      path: 'Bucket.Encryption',
      type: 'ServerSideEncryptionConfiguration',
      sections: ['bucket-encryption'],
      unknownOn: ['GetBucketEncryption'],
      schema: 'BucketRecord.Encryption',
      doc: 's3:GetBucketEncryption.',
    },
    {
      path: 'Bucket.Lifecycle',
      type: '{ Rules: LifecycleRule[] }',
      sections: ['bucket-lifecycle'],
      unknownOn: ['GetBucketLifecycleConfiguration'],
      schema: 'BucketRecord.Lifecycle',
      doc: 's3:GetBucketLifecycleConfiguration.',
    },
    {
      path: 'Bucket.Versioning',
      type: 'VersioningConfiguration',
      sections: ['bucket-versioning'],
      unknownOn: ['GetBucketVersioning'],
      schema: 'BucketRecord.Versioning',
      doc: 's3:GetBucketVersioning.',
    },
    {
      path: 'Bucket.PublicAccessBlock',
      type: 'PublicAccessBlockConfiguration',
      sections: ['bucket-public-access-block'],
      unknownOn: ['GetPublicAccessBlock'],
      schema: 'BucketRecord.PublicAccessBlock',
      doc: 's3:GetPublicAccessBlock (bucket level).',
    },
    {
      path: 'Bucket.ObjectLock',
      type: 'ObjectLockConfiguration',
      sections: ['bucket-object-lock'],
      unknownOn: ['GetObjectLockConfiguration'],
      schema: 'BucketRecord.ObjectLock',
      doc: 's3:GetObjectLockConfiguration.',
    },
    {
      path: 'Bucket.Logging',
      type: 'LoggingEnabled',
      sections: ['bucket-logging'],
      unknownOn: ['GetBucketLogging'],
      schema: 'BucketRecord.Logging',
      doc: 's3:GetBucketLogging (`{}` when access logging is off).',
    },
    {
      path: 'Bucket.Replication',
      type: 'ReplicationConfiguration',
      sections: ['bucket-replication'],
      unknownOn: ['GetBucketReplication'],
      schema: 'BucketRecord.Replication',
      doc: 's3:GetBucketReplication.',
    },
  ],
};

/** The account-level block of the account that read the bucket. */
const ACCOUNT_BLOCK: FieldGroup = {
  kind: 'account',
  fields: [
    {
      path: 'AccountPublicAccessBlock',
      type: 'PublicAccessBlockConfiguration',
      sections: ['account-public-access-block'],
      unknownOn: ['GetPublicAccessBlock', 'AssumeRole', 'Sweep'],
      schema: 'PublicAccessBlockConfiguration',
      doc: 's3control:GetPublicAccessBlock of the account that read the bucket.',
    },
  ],
};

const BUCKET_FACTS: FieldGroup = {
  kind: 'bucket',
  fields: [
    { path: 'derived.trails', always: true, type: 'string[]', sections: ['trails'], doc: 'ARNs of the trails (from any account) with `S3BucketName` = this bucket.' },
    { path: 'derived.logPrefixes', always: true, type: 'string[]', sections: ['trails'], doc: 'Their log prefixes (`<S3KeyPrefix>/AWSLogs/` or `AWSLogs/`), sorted, distinct.' },
    {
      path: 'derived.lifecycle',
      type: 'Array<{ prefix: string; archiveTransitionDays?: number; expirationDays?: number }>',
      sections: ['trails', 'bucket-lifecycle'],
      unknownOn: ['GetBucketLifecycleConfiguration'],
      doc: 'Per log prefix, the lifecycle rules that reach it (below).',
    },
    { path: 'derived.exists', type: 'boolean', sections: ['trails'], doc: '`true` for a bucket some account read; `false` when the read answered `NoSuchBucket`.' },
    {
      path: 'derived.ownerKnown',
      type: 'boolean',
      sections: ['trails', 'organization-accounts'],
      doc: 'The owner (`OwnerAccountId`) is an account of the organization (when the inventory read ListAccounts), else an account of the inventory. A bucket no swept account lists (ListBuckets) is owned outside the organization (`false`) only when every account of it listed its buckets; otherwise the owner is unknown: an error naming the call, never a guess.',
    },
    {
      path: 'derived.publicAccess',
      type: '{ public: boolean; via: string[] }',
      sections: ['bucket-policy', 'bucket-policy-status', 'bucket-acl', 'bucket-ownership-controls', 'bucket-public-access-block', 'account-public-access-block'],
      doc: 'Public ACL grants unless ignored or disabled, or a public policy unless restricted (`derived/bucket-public-access.ts`). Unknown only when an unreadable section could change the answer; a definite exposure is public whatever else failed.',
    },
    {
      path: 'derived.bucketPolicy',
      type: 'BucketPolicyFacts',
      sections: ['bucket-policy'],
      unknownOn: ['GetBucketPolicy'],
      doc: '`tlsOnly`, `cloudTrailGrants`, `unscopedCloudTrailGrants`, `broadDeleteGrants`, `deleteProtection` from `Bucket.Policy` (`derived/bucket-policy.ts`).',
    },
    {
      path: 'derived.objectLock',
      type: '{ enabled: boolean; mode?: string; defaultRetentionDays?: number }',
      sections: ['bucket-object-lock'],
      unknownOn: ['GetObjectLockConfiguration'],
      doc: 'From `Bucket.ObjectLock` (`derived/object-lock.ts`): absent configuration is `enabled: false`; `Years` count 365 days.',
    },
  ],
};

const KEY_RECORD: FieldGroup = {
  kind: 'key',
  fields: [
    { path: 'KmsKey', always: true, type: 'KeyRecord', sections: ['key-metadata'], unknownOn: ['DescribeKey'], schema: 'KeyRecord', doc: 'The KMS key record.' },
    {
      path: 'KmsKey.KeyMetadata',
      type: 'KeyMetadata',
      sections: ['key-metadata'],
      schema: 'KeyRecord.KeyMetadata',
      doc: 'kms:DescribeKey (`KeyManager`, `KeyState`, `Enabled`, `KeySpec`, `DeletionDate`, ...).',
    },
    { path: 'KmsKey.KeyRotationEnabled', type: 'boolean', sections: ['key-rotation'], unknownOn: ['GetKeyRotationStatus'], doc: 'kms:GetKeyRotationStatus.' },
    { path: 'KmsKey.RotationPeriodInDays', type: 'number', sections: ['key-rotation'], unknownOn: ['GetKeyRotationStatus'], doc: 'kms:GetKeyRotationStatus.' },
    { path: 'KmsKey.KeyPolicy', type: 'PolicyDocument', sections: ['key-policy'], unknownOn: ['GetKeyPolicy'], schema: 'KeyRecord.KeyPolicy', doc: 'kms:GetKeyPolicy, parsed.' },
    { path: 'KmsKey.Aliases', type: 'string[]', sections: ['key-aliases'], unknownOn: ['ListAliases'], doc: 'kms:ListAliases.' },
  ],
};

const KEY_FACTS: FieldGroup = {
  kind: 'key',
  fields: [
    { path: 'derived.trails', always: true, type: 'string[]', sections: ['trails'], doc: 'ARNs of trails whose `KmsKeyId` names this key (by key ARN, alias ARN, id or alias).' },
    { path: 'derived.eventDataStores', always: true, type: 'string[]', sections: ['event-data-stores'], doc: 'ARNs of event data stores encrypted with it.' },
  ],
};

const LOG_GROUP_RECORD: FieldGroup = {
  kind: 'log-group',
  fields: [
    {
      path: 'LogGroup',
      always: true,
      type: 'LogGroup',
      sections: ['log-groups'],
      unknownOn: ['DescribeLogGroups'],
      doc: 'logs:DescribeLogGroups entry (`logGroupName`, `arn`, `retentionInDays`, `kmsKeyId`, ...).',
    },
    { path: 'MetricFilters', type: 'MetricFilter[]', sections: ['metric-filters'], unknownOn: ['DescribeMetricFilters'], doc: 'logs:DescribeMetricFilters.' },
  ],
};

const LOG_GROUP_FACTS: FieldGroup = {
  kind: 'log-group',
  fields: [
    { path: 'derived.trails', always: true, type: 'string[]', sections: ['trails'], doc: 'ARNs of trails whose `CloudWatchLogsLogGroupArn` is this log group.' },
    {
      path: 'derived.filters',
      type: 'FilterFacts[]',
      sections: ['metric-filters'],
      unknownOn: ['DescribeMetricFilters', 'DescribeAlarms'],
      doc: "`[{ filterName, filterPattern, metricTransformations, alarms }]`; `alarms`: metric alarms in the log group's account and region on one of the filter's metrics, each `{ AlarmName, AlarmArn, ActionsEnabled, AlarmActions, topics }`.",
    },
    { path: 'derived.filters[].filterName', always: true, type: 'string', sections: ['metric-filters'], doc: 'The metric filter.' },
    { path: 'derived.filters[].filterPattern', type: 'string', sections: ['metric-filters'], doc: 'Its pattern, as written.' },
    { path: 'derived.filters[].metricTransformations', always: true, type: 'MetricTransformation[]', sections: ['metric-filters'], doc: 'The metrics it publishes.' },
    { path: 'derived.filters[].alarms', always: true, type: 'AlarmFacts[]', sections: ['alarms'], doc: "The alarms on the filter's metric." },
    { path: 'derived.filters[].alarms[].AlarmName', always: true, type: 'string', sections: ['alarms'], doc: 'cloudwatch:DescribeAlarms.' },
    { path: 'derived.filters[].alarms[].AlarmArn', always: true, type: 'string', sections: ['alarms'], doc: 'cloudwatch:DescribeAlarms.' },
    { path: 'derived.filters[].alarms[].ActionsEnabled', type: 'boolean', sections: ['alarms'], doc: 'cloudwatch:DescribeAlarms.' },
    { path: 'derived.filters[].alarms[].AlarmActions', always: true, type: 'string[]', sections: ['alarms'], doc: 'cloudwatch:DescribeAlarms.' },
    {
      path: 'derived.filters[].alarms[].topics',
      always: true,
      type: 'TopicFacts[]',
      sections: ['alarm-topics'],
      doc: 'The SNS topics among `AlarmActions`, each `{ TopicArn, Attributes, subscriptions, confirmedSubscriptions, $errors }`.',
    },
  ],
};

/** An SNS topic among an alarm's actions (elements of `derived.filters[].alarms[].topics`). */
export const TOPIC: FieldGroup = {
  kind: 'topic',
  fields: [
    { path: 'TopicArn', always: true, type: 'string', sections: ['alarm-topics'], doc: 'The topic.' },
    { path: 'Attributes', type: 'Record<string, string>', sections: ['alarm-topics'], unknownOn: ['GetTopicAttributes'], doc: 'sns:GetTopicAttributes.' },
    { path: 'subscriptions', type: 'Subscription[]', sections: ['alarm-topics'], unknownOn: ['ListSubscriptionsByTopic'], doc: 'sns:ListSubscriptionsByTopic.' },
    {
      path: 'confirmedSubscriptions',
      liveOnly: true,
      type: 'number',
      sections: ['alarm-topics'],
      unknownOn: ['ListSubscriptionsByTopic'],
      doc: 'Subscriptions whose `SubscriptionArn` is not `PendingConfirmation`.',
    },
  ],
};

const MONITORING_SECTIONS: readonly SectionId[] = ['trails', 'trail-status', 'trail-event-selectors', 'log-groups', 'metric-filters', 'alarms', 'alarm-topics', 'event-rules'];

export const ACCOUNT: FieldGroup = {
  kind: 'account',
  fields: [
    { path: 'AccountId', always: true, type: 'string', sections: [], doc: 'The account.' },
    {
      path: 'Regions',
      liveOnly: true,
      always: true,
      type: 'string[]',
      sections: ['regions'],
      unknownOn: ['ListRegions', 'DescribeRegions', 'AssumeRole', 'Sweep'],
      doc: 'Names of the regions that must be covered: enabled, not left out by `--regions`, and not closed to the account by a service control policy (`run.closedRegions`; rules reading a per-region fact skip such a region with the reason).',
    },
    {
      path: 'IsManagementAccount',
      always: true,
      type: 'boolean',
      sections: ['organization'],
      unknownOn: ['AssumeRole', 'Sweep'],
      doc: "The account is the organization's management account.",
    },
    {
      path: 'derived',
      liveOnly: true,
      always: true,
      type: 'object',
      sections: [],
      unknownOn: ['AssumeRole', 'Sweep'],
      doc: 'Everything below: unknown as a whole when the sweep could not enter the account (its role could not be assumed, or the sweep was interrupted).',
    },
    {
      path: 'derived.trails',
      type: 'TrailSummary[]',
      sections: ['trails'],
      doc: 'Summaries of every trail that records the account: its own, and organization trails that it listed or that are owned by the management account or a CloudTrail delegated administrator while it is a member. Each `{ Trail, Status, derived, $errors }` (the trail fields above, seen from this account), in TrailARN order. Partial when its ListTrails failed: the trails found are known, more may exist.',
    },
    {
      path: 'derived.coveredRegions',
      perRegion: true,
      type: 'string[]',
      sections: ['trails', 'trail-status', 'regions'],
      doc: 'Regions of `Regions` covered by a logging trail in `derived.trails`. Partial when the trail list is.',
    },
    {
      path: 'derived.uncoveredRegions',
      perRegion: true,
      type: 'string[]',
      sections: ['trails', 'trail-status', 'regions'],
      doc: 'The others. Unknown when a trail whose status or configuration could not be read, or a trail the listing may have missed, could cover one of them; `[]` is known as soon as the known trails cover every region.',
    },
    {
      path: 'derived.s3DataEvents',
      type: 'AccountS3DataEvents',
      sections: ['trails', 'trail-status', 'trail-event-selectors'],
      doc: "The logging trails together: `allBuckets: { read, write, excludedPrefixes, excludedBuckets }`, `buckets: [{ Name, ReadWriteType, Prefix?, TrailArns }]`, `fullyLoggedBuckets` (`derived/s3-excluded-buckets.ts`). Unknown when a covering trail's status or selectors are unreadable, or the trail list is partial.",
    },
    {
      path: 'derived.dataEventTypesRecorded',
      type: '{ read: string[]; write: string[] }',
      sections: ['trails', 'trail-status', 'trail-event-selectors'],
      doc: 'The data resource types whose read (write) events some logging multi-region trail records for every resource of the type (`derived/data-event-types-recorded.ts`). Partial when the trail list is.',
    },
    { path: 'derived.monitoring', type: 'Record<string, ControlFacts>', sections: MONITORING_SECTIONS, doc: 'The CIS monitoring chain, per control variant and strictness: see below.' },
    {
      path: 'derived.configRecorders',
      perRegion: true,
      type: 'ConfigRecorderFacts',
      sections: ['config-recorders'],
      doc: 'AWS Config per region of `Regions` (`derived/config-recorders.ts`): `regionsRecordingAll`, `regionsMissing`, `regionsRecordingGlobalTypes`, `regionsWithoutGlobalTypes`, `regionsWithoutServiceLinkedRole`, `regionsUnread`.',
    },
    {
      path: 'derived.flowLogs',
      perRegion: true,
      type: 'FlowLogFacts',
      sections: ['vpc-flow-logs'],
      doc: 'VPC flow logs (`derived/flow-logs.ts`), VPCs as `region/vpc-id`: `ownedVpcs`, `vpcsWithout`, `vpcsWithoutRejected`, `vpcsWithoutAll`, `vpcsDeliveryFailing`, `sharedVpcs`, `regionsUnread`.',
    },
    {
      path: 'derived.securityHub',
      perRegion: true,
      type: '{ regionsEnabled: string[]; regionsDisabled: string[]; regionsUnread: string[] }',
      sections: ['security-hub'],
      doc: 'DescribeHub per region (`derived/security-hub.ts`).',
    },
  ],
};

/** Per-region facts of the account view (named without `derived.`): unknown only where a region's answer is missing (regional-reads.ts). */
const REGION_FACTS: FieldGroup = {
  kind: 'region',
  fields: [
    {
      path: 'configRecorders',
      type: 'ConfigRecorderFacts',
      sections: ['config-recorders'],
      unknownOn: ['DescribeConfigurationRecorders', 'DescribeConfigurationRecorderStatus'],
      doc: 'As `derived.configRecorders`.',
    },
    { path: 'flowLogs', type: 'FlowLogFacts', sections: ['vpc-flow-logs'], unknownOn: ['DescribeVpcs', 'DescribeFlowLogs'], doc: 'As `derived.flowLogs`.' },
    { path: 'securityHub', type: 'SecurityHubFacts', sections: ['security-hub'], unknownOn: ['DescribeHub'], doc: 'As `derived.securityHub`.' },
  ],
};

/** One control's node in the account view's `derived.monitoring` (monitoring.ts). */
const MONITORING_NODE: FieldGroup = {
  kind: 'monitoring',
  fields: [
    { path: 'eventbridge', type: 'EventBridgeOutcome', sections: ['event-rules'], unknownOn: ['ListRules', 'ListTargetsByRule'], doc: 'The EventBridge alternative to a metric filter.' },
  ],
};

export const ORGANIZATION: FieldGroup = {
  kind: 'organization',
  fields: [
    {
      path: 'Organization',
      type: 'Organization',
      sections: ['organization'],
      unknownOn: ['DescribeOrganization'],
      schema: 'OrganizationInventory.Organization',
      doc: 'organizations:DescribeOrganization.',
    },
    {
      path: 'Accounts',
      liveOnly: true,
      type: 'Account[]',
      sections: ['organization-accounts'],
      unknownOn: ['ListAccounts'],
      schema: 'OrganizationInventory.Accounts',
      doc: 'organizations:ListAccounts.',
    },
    { path: 'Roots', type: 'Root[]', sections: ['organization-structure'], unknownOn: ['ListRoots'], doc: 'organizations:ListRoots.' },
    {
      path: 'OrganizationalUnits',
      type: 'OrganizationalUnit[]',
      sections: ['organization-structure'],
      unknownOn: ['ListOrganizationalUnitsForParent'],
      doc: 'organizations:ListOrganizationalUnitsForParent.',
    },
    {
      path: 'AccountParents',
      type: 'Record<string, string>',
      sections: ['organization-structure'],
      unknownOn: ['ListAccountsForParent', 'ListParents'],
      doc: 'organizations:ListAccountsForParent, ListParents.',
    },
    {
      path: 'EnabledServicePrincipals',
      type: 'EnabledServicePrincipal[]',
      sections: ['organization-services'],
      unknownOn: ['ListAWSServiceAccessForOrganization'],
      schema: 'OrganizationInventory.EnabledServicePrincipals',
      doc: 'organizations:ListAWSServiceAccessForOrganization.',
    },
    {
      path: 'DelegatedAdministrators',
      liveOnly: true,
      type: 'Record<string, DelegatedAdministrator[]>',
      sections: ['organization-services'],
      unknownOn: ['ListDelegatedAdministrators'],
      doc: 'organizations:ListDelegatedAdministrators, by service principal.',
    },
    {
      path: 'Policies',
      liveOnly: true,
      type: 'Policy[]',
      sections: ['organization-policies'],
      unknownOn: ['ListPolicies', 'DescribePolicy', 'ListTargetsForPolicy'],
      doc: 'organizations:ListPolicies + DescribePolicy + ListTargetsForPolicy (service control policies).',
    },
    {
      path: 'derived.organizationTrails',
      liveOnly: true,
      type: 'TrailSummary[]',
      sections: ['trails', 'organization-services'],
      unknownOn: ['DescribeOrganization'],
      doc: 'Summaries (as in the account view, seen from the owner) of the trails with `IsOrganizationTrail` owned by the management account or a CloudTrail delegated administrator. Partial when ListDelegatedAdministrators failed, or an account that may own one was not read or could not list its trails.',
    },
    {
      path: 'derived.organizationTrailReach',
      liveOnly: true,
      always: true,
      type: 'AccountReach[]',
      sections: ['trails', 'organization-accounts'],
      unknownOn: ['DescribeOrganization', 'ListAccounts', 'ListDelegatedAdministrators'],
      doc: 'One entry per ACTIVE account of `Accounts`: `{ AccountId, Name, seenOrganizationTrails, missingOrganizationTrails, $errors? }`; `missingOrganizationTrails` is unknown (an element error) when the account is not in the inventory or its trail listing failed (`derived/organization-reach.ts`).',
    },
    {
      path: 'derived.cloudTrailDelegatedAdministrators',
      liveOnly: true,
      always: true,
      type: 'string[]',
      sections: ['organization-services'],
      unknownOn: ['ListDelegatedAdministrators'],
      doc: 'Account ids delegated for `cloudtrail.amazonaws.com`.',
    },
    {
      path: 'derived.cloudTrailTrustedAccess',
      always: true,
      type: 'boolean',
      sections: ['organization-services'],
      unknownOn: ['ListAWSServiceAccessForOrganization'],
      doc: '`cloudtrail.amazonaws.com` is an enabled service principal.',
    },
    {
      path: 'derived.cloudTrailScp',
      liveOnly: true,
      always: true,
      type: 'CloudTrailScpFacts',
      sections: ['organization-accounts', 'organization-policies', 'organization-structure'],
      unknownOn: ['ListAccounts'],
      doc: '`{ accounts: [{ AccountId, Name?, missingActions, $errors? }], denyingPolicies, exemptPrincipals }` (`derived/scp-cloudtrail.ts`): which of `cloudtrail:DeleteTrail`, `PutEventSelectors`, `StopLogging`, `UpdateTrail` no SCP above each ACTIVE member denies.',
    },
  ],
};

const EVENT_DATA_STORE: FieldGroup = {
  kind: 'event-data-store',
  fields: [
    {
      path: 'EventDataStore',
      always: true,
      type: 'EventDataStore',
      sections: ['event-data-stores'],
      unknownOn: ['GetEventDataStore'],
      schema: 'EventDataStoreRecord',
      doc: 'cloudtrail:GetEventDataStore (`Status`, `MultiRegionEnabled`, `OrganizationEnabled`, `RetentionPeriod`, `TerminationProtectionEnabled`, `KmsKeyId`, `AdvancedEventSelectors`, `Region`).',
    },
    { path: 'derived.ownerAccountId', always: true, type: 'string', sections: ['event-data-stores'], doc: 'The account of the event data store.' },
    { path: 'derived.managementEvents', type: 'ManagementEvents', sections: ['event-data-stores'], doc: 'As for trails, from its advanced selectors.' },
    { path: 'derived.logsAllManagementEvents', type: 'boolean', sections: ['event-data-stores'], doc: 'As for trails.' },
    { path: 'derived.s3DataEvents', type: 'S3DataEvents', sections: ['event-data-stores'], doc: 'As for trails.' },
    { path: 'derived.dataEventTypes', type: 'DataEventType[]', sections: ['event-data-stores'], doc: 'As for trails.' },
  ],
};

interface Mount {
  group: FieldGroup;
  /** Where the group's paths start in the view (`Bucket.` has no prefix: its paths carry it). */
  at?: string;
  /** A referenced record joined when found (a trail's bucket): absent otherwise, its `always` fields too. */
  joined?: true;
}

export interface ViewSpec {
  /** Sections every view of the type needs, whatever a rule reads. */
  base: readonly SectionId[];
  mounts: readonly Mount[];
}

/** The views and the groups they are made of. */
export const VIEWS: Readonly<Record<ResourceType, ViewSpec>> = {
  trail: {
    base: ['trails'],
    mounts: [
      { group: TRAIL_RECORD },
      { group: TRAIL_KEY_FACTS },
      { group: BUCKET_RECORD, joined: true },
      { group: KEY_RECORD, joined: true },
      { group: LOG_GROUP_RECORD, at: 'LogGroup.', joined: true },
    ],
  },
  account: {
    base: ['regions'],
    mounts: [{ group: ACCOUNT }, { group: TRAIL_SUMMARY, at: 'derived.trails[].' }],
  },
  organization: {
    base: ['organization'],
    mounts: [{ group: ORGANIZATION }, { group: TRAIL_SUMMARY, at: 'derived.organizationTrails[].' }],
  },
  bucket: {
    base: ['trails', 'bucket-location'],
    mounts: [{ group: BUCKET_RECORD }, { group: ACCOUNT_BLOCK }, { group: BUCKET_FACTS }],
  },
  key: { base: ['trails', 'key-metadata'], mounts: [{ group: KEY_RECORD }, { group: KEY_FACTS }] },
  'event-data-store': { base: ['event-data-stores'], mounts: [{ group: EVENT_DATA_STORE }] },
  'log-group': {
    base: ['trails', 'log-groups'],
    mounts: [{ group: LOG_GROUP_RECORD }, { group: LOG_GROUP_FACTS }, { group: TOPIC, at: 'derived.filters[].alarms[].topics[].' }],
  },
};

/** Groups that no view mounts as such: their fields feed errors inside other fields. */
const ERROR_ONLY_GROUPS: readonly FieldGroup[] = [REGION_FACTS, MONITORING_NODE];

/** The declared field a read path falls under (the longest prefix), if any. */
export function fieldOf(resource: ResourceType, path: string): (FieldSpec & { kind: ErrorKind }) | undefined {
  const read = path.replace(/\[\d+\]/g, '[]');
  return viewFields(resource)
    .filter((f) => read === f.path || read.startsWith(`${f.path}.`) || read.startsWith(`${f.path}[]`))
    .sort((a, b) => b.path.length - a.path.length)[0];
}

/** A view's fields with their full paths. */
export function viewFields(resource: ResourceType): Array<FieldSpec & { kind: ErrorKind }> {
  return VIEWS[resource].mounts.flatMap(({ group, at = '' }) => group.fields.map((f) => ({ ...f, path: `${at}${f.path}`, kind: group.kind })));
}

/** Every group, once: what the error feeds are derived from. */
export function allGroups(): FieldGroup[] {
  return [...new Set([...Object.values(VIEWS).flatMap((v) => v.mounts.map((m) => m.group)), ...ERROR_ONLY_GROUPS])];
}

/**
 * The calls whose failure in an account may hide resources of each view type there: a rule about
 * the type then gets one `error` result on the account (evaluate/views/gaps.ts). Assuming the
 * member role (AssumeRole) and reaching the account at all (Sweep) hide everything.
 */
const WHOLE_ACCOUNT = ['AssumeRole', 'Sweep'];
const TRAIL_LISTING = ['ListTrails', 'DescribeTrails'];
export const LISTED_BY: Readonly<Record<ResourceType, readonly string[]>> = {
  organization: ['DescribeOrganization', ...WHOLE_ACCOUNT],
  account: [],
  trail: [...TRAIL_LISTING, ...WHOLE_ACCOUNT],
  // Buckets, keys and log groups are found through the trails that name them (GetTrail), keys also by ListKeys.
  bucket: [...TRAIL_LISTING, 'GetTrail', ...WHOLE_ACCOUNT],
  key: [...TRAIL_LISTING, 'GetTrail', 'ListKeys', 'DescribeKey', ...WHOLE_ACCOUNT],
  'log-group': [...TRAIL_LISTING, 'GetTrail', 'DescribeLogGroups', ...WHOLE_ACCOUNT],
  'event-data-store': ['ListEventDataStores', 'ListRegions', 'DescribeRegions', ...WHOLE_ACCOUNT],
};

type SchemaNode = { $ref?: string; properties?: Record<string, SchemaNode>; items?: SchemaNode; additionalProperties?: boolean | SchemaNode };
let inventoryDefs: Record<string, SchemaNode> | undefined;

/** The inventory schema's node for a field's `schema` (`TrailRecord.Trail`). */
function schemaNode(ref: string): SchemaNode | undefined {
  inventoryDefs ??= (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'schemas', 'inventory.schema.json'), 'utf8')) as { $defs: Record<string, SchemaNode> }).$defs;
  const [def, ...properties] = ref.split('.');
  let node = inventoryDefs[def!];
  for (const p of properties) node = node && resolve(node).properties?.[p];
  return node;
}

function resolve(node: SchemaNode): SchemaNode {
  return node.$ref ? (schemaNode(node.$ref.replace('#/$defs/', '')) ?? {}) : node;
}

/**
 * Why a rule may not read `path` in a view of `resource`, or undefined when the catalogue declares
 * it: a declared field, an object holding declared fields (`derived`), or a field inside an AWS
 * record that the inventory schema names. `[n]` indexes read as the array's elements (`[]`).
 */
export function undeclaredPath(resource: ResourceType, path: string): string | undefined {
  const read = path.replace(/\[\d+\]/g, '[]');
  // The error and partial-list maps are every view's.
  if (read.startsWith('$errors') || read.startsWith('$partial')) return undefined;
  const fields = viewFields(resource);
  if (fields.some((f) => f.path === read || f.path.startsWith(`${read}.`) || f.path.startsWith(`${read}[]`))) return undefined;
  const covering = fields.filter((f) => read.startsWith(`${f.path}.`) || read.startsWith(`${f.path}[]`)).sort((a, b) => b.path.length - a.path.length)[0];
  // A field whose inner fields are declared (`derived`) is no licence to read undeclared ones under it.
  const grouping = covering && !covering.schema && fields.some((f) => f.path.startsWith(`${covering.path}.`) || f.path.startsWith(`${covering.path}[]`));
  if (!covering || grouping)
    return `\`${path}\` is not a field of the ${resource} view${didYouMean(
      read,
      fields.map((f) => f.path),
    )} (fields: docs/views.md)`;
  if (!covering.schema) return undefined;
  let node: SchemaNode | undefined = schemaNode(covering.schema);
  let at = covering.path;
  for (const part of read
    .slice(covering.path.length)
    .split(/(?=\[\])|\./)
    .filter(Boolean)) {
    node = node && resolve(node);
    if (!node) return undefined;
    if (part === '[]') {
      node = node.items;
      at += '[]';
      continue;
    }
    const properties = node.properties;
    // A record whose keys are not listed (tags, policies) takes any name.
    if (!properties || (node.additionalProperties !== undefined && node.additionalProperties !== false && !properties[part])) return undefined;
    if (!properties[part]) return `\`${path}\`: \`${at}\` has no field \`${part}\`${didYouMean(part, Object.keys(properties))} (fields: schemas/inventory.schema.json)`;
    node = properties[part];
    at += `.${part}`;
  }
  return undefined;
}
