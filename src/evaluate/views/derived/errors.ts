/**
 * The one table from a failed API operation to the view sections it leaves unreadable. A rule
 * reading such a section gets `error` naming the call, never `fail` or `pass` on a guess.
 * Section paths are relative to the view's data (Bucket.* and KmsKey.* read the same in the
 * trail view as in the bucket and key views).
 */
import type { ApiError } from '../../../inventory/types.js';
import type { SectionError } from '../../../rules/types.js';

/**
 * `monitoring`: sections of one control's node in the account view's derived.monitoring (monitoring.ts).
 * `region`: the account view's per-region facts (regional-reads.ts), named without `derived.`.
 */
export type ErrorKind = 'trail' | 'bucket' | 'key' | 'log-group' | 'topic' | 'event-data-store' | 'account' | 'organization' | 'monitoring' | 'region';

const SELECTOR_FACTS = ['EventSelectors', 'AdvancedEventSelectors', 'derived.managementEvents', 'derived.logsAllManagementEvents', 'derived.s3DataEvents', 'derived.dataEventTypes'];

/** An account the sweep could not enter (its member role could not be assumed, or the sweep was interrupted): nothing about it is known. */
const WHOLE_ACCOUNT = ['Regions', 'IsManagementAccount', 'AccountPublicAccessBlock', 'derived'];

/** operation → the kind of resource it is about → sections it feeds. */
export const ERROR_FEEDS: Readonly<Record<string, Partial<Record<ErrorKind, readonly string[]>>>> = {
  // CloudTrail
  GetTrail: { trail: ['Trail'] },
  // ListTrails and DescribeTrails leave the account's trail list partial (account.ts), not unknown.
  DescribeTrails: { trail: ['Trail'] },
  GetTrailStatus: { trail: ['Status', 'derived.hoursSince'] },
  GetEventSelectors: { trail: SELECTOR_FACTS },
  GetInsightSelectors: { trail: ['InsightSelectors'] },
  ListTags: { trail: ['Tags'] },
  ListEventDataStores: { account: ['derived.eventDataStores'] },
  GetEventDataStore: { 'event-data-store': ['EventDataStore'] },
  // S3 (the bucket's sections) and S3 Control (the account's public access block). derived.publicAccess
  // weighs several of these and is unknown only when a failure could change it (bucket-public-access.ts).
  HeadBucket: { bucket: ['Bucket'] },
  GetBucketLocation: { bucket: ['Bucket.Region'] },
  GetBucketPolicy: { bucket: ['Bucket.Policy', 'derived.bucketPolicy'] },
  GetBucketPolicyStatus: { bucket: ['Bucket.PolicyStatus'] },
  GetBucketAcl: { bucket: ['Bucket.Acl'] },
  GetBucketOwnershipControls: { bucket: ['Bucket.OwnershipControls'] },
  GetBucketEncryption: { bucket: ['Bucket.Encryption'] },
  GetBucketLifecycleConfiguration: { bucket: ['Bucket.Lifecycle', 'derived.lifecycle'] },
  GetBucketVersioning: { bucket: ['Bucket.Versioning'] },
  GetPublicAccessBlock: { bucket: ['Bucket.PublicAccessBlock'], account: ['AccountPublicAccessBlock'] },
  GetObjectLockConfiguration: { bucket: ['Bucket.ObjectLock', 'derived.objectLock'] },
  GetBucketLogging: { bucket: ['Bucket.Logging'] },
  GetBucketReplication: { bucket: ['Bucket.Replication'] },
  // KMS
  DescribeKey: { key: ['KmsKey'] },
  GetKeyRotationStatus: { key: ['KmsKey.KeyRotationEnabled', 'KmsKey.RotationPeriodInDays'] },
  GetKeyPolicy: { key: ['KmsKey.KeyPolicy', 'derived.keyPolicy'] },
  ListAliases: { key: ['KmsKey.Aliases'] },
  // CloudWatch Logs, CloudWatch, SNS
  DescribeLogGroups: { 'log-group': ['LogGroup'] },
  DescribeMetricFilters: { 'log-group': ['MetricFilters', 'derived.filters'] },
  DescribeAlarms: { 'log-group': ['derived.filters'] },
  GetTopicAttributes: { topic: ['Attributes'] },
  ListSubscriptionsByTopic: { topic: ['subscriptions', 'confirmedSubscriptions'] },
  // EventBridge (the alternative to a metric filter for derived.monitoring.<control>.eventbridge)
  ListRules: { monitoring: ['eventbridge'] },
  ListTargetsByRule: { monitoring: ['eventbridge'] },
  // Per-region services of the account view: unknown only where a region's answer is missing (regional-reads.ts)
  DescribeConfigurationRecorders: { region: ['configRecorders'] },
  DescribeConfigurationRecorderStatus: { region: ['configRecorders'] },
  DescribeVpcs: { region: ['flowLogs'] },
  DescribeFlowLogs: { region: ['flowLogs'] },
  DescribeHub: { region: ['securityHub'] },
  // Organization sweeps: the member role, and accounts an interrupted sweep never reached
  AssumeRole: { account: WHOLE_ACCOUNT },
  Sweep: { account: WHOLE_ACCOUNT },
  // Regions
  ListRegions: { account: ['Regions'] },
  DescribeRegions: { account: ['Regions'] },
  // Organizations
  DescribeOrganization: { organization: ['Organization', 'derived.organizationTrails', 'derived.organizationTrailReach'] },
  ListAccounts: { organization: ['Accounts', 'derived.organizationTrailReach', 'derived.cloudTrailScp'] },
  ListRoots: { organization: ['Roots'] },
  ListOrganizationalUnitsForParent: { organization: ['OrganizationalUnits'] },
  ListAccountsForParent: { organization: ['AccountParents'] },
  ListParents: { organization: ['AccountParents'] },
  ListAWSServiceAccessForOrganization: { organization: ['EnabledServicePrincipals', 'derived.cloudTrailTrustedAccess'] },
  // It leaves derived.organizationTrails partial (organization.ts): the management account's are still known.
  ListDelegatedAdministrators: { organization: ['DelegatedAdministrators', 'derived.organizationTrailReach', 'derived.cloudTrailDelegatedAdministrators'] },
  ListPolicies: { organization: ['Policies'] },
  DescribePolicy: { organization: ['Policies'] },
  ListTargetsForPolicy: { organization: ['Policies'] },
};

export type SectionErrors = Record<string, SectionError>;

export function toSectionError(e: ApiError): SectionError {
  return {
    accountId: e.accountId,
    region: e.region,
    service: e.service,
    operation: e.operation,
    errorName: e.errorName,
    message: e.message,
    ...(e.resource !== undefined ? { resource: e.resource } : {}),
  };
}

/**
 * The sections of one resource left unreadable by the errors that `about` says concern it.
 * The first error per section wins (errors keep the collector's order, so this is stable).
 */
export function sectionErrors(errors: readonly ApiError[], kind: ErrorKind, about: (e: ApiError) => boolean): SectionErrors {
  const out: SectionErrors = {};
  for (const e of errors) {
    const sections = ERROR_FEEDS[e.operation]?.[kind];
    if (!sections || !about(e)) continue;
    for (const section of sections) out[section] ??= toSectionError(e);
  }
  return out;
}

/** Section errors under another path (a log group's `MetricFilters` is `LogGroup.MetricFilters` in the trail view). */
export function rebase(errors: SectionErrors, prefix: string): SectionErrors {
  const out: SectionErrors = {};
  for (const [path, error] of Object.entries(errors)) out[`${prefix}.${path}`] = error;
  return out;
}

/** The error for a referenced resource no account in the inventory read, and no call failed for: it was not collected. */
export function notCollected(operation: string, service: string, message: string, accountId?: string, region?: string, resource?: string): SectionError {
  return {
    operation,
    service,
    errorName: 'NotCollected',
    message,
    ...(accountId ? { accountId } : {}),
    ...(region ? { region } : {}),
    ...(resource ? { resource } : {}),
  };
}
