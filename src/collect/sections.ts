/**
 * The collector's unit of work: a section of the inventory and the read-only API calls that
 * fill it. A collection runs a set of sections (the plan); docs/api-calls.md and the IAM
 * policy are generated from this table, so what is documented is what runs.
 */

/** How often an operation runs for one account. */
export type CallScope =
  | 'once'
  | 'per enabled region'
  | 'per trail'
  | 'per trail with Insights'
  | 'per bucket'
  | 'per key'
  | 'per customer key'
  | 'per log group'
  | 'per log group region'
  | 'per alarm topic'
  | 'per matching EventBridge rule'
  | 'per event data store'
  | 'per SCP'
  | 'per OU'
  | 'per region with a Config recorder'
  | 'per region with VPCs';

export interface SectionCall {
  service: string;
  operation: string;
  /** The IAM action the call needs; empty when it needs none (sts:GetCallerIdentity). */
  iamAction: string;
  scope: CallScope;
}

export interface Section<Id extends string = SectionId> {
  /** Inventory paths the section fills. */
  fills: string;
  calls: readonly SectionCall[];
  /** Sections whose results this one's calls start from (the trails whose buckets it reads...). */
  needs?: readonly Id[];
}

/** Checks, as it declares them, that every section's needs name sections of the same table. */
function sectionTable<const T extends { [Id in keyof T]: Section<Extract<keyof T, string>> }>(table: T): T {
  return table;
}

const c = (service: string, operation: string, scope: CallScope, iamAction = `${service}:${operation}`): SectionCall => ({
  service,
  operation,
  iamAction,
  scope,
});

const TABLE = sectionTable({
  identity: { fills: 'accounts[].CallerIdentity', calls: [c('sts', 'GetCallerIdentity', 'once', '')] },
  regions: {
    fills: 'accounts[].Regions',
    // ec2:DescribeRegions is the fallback when account:ListRegions is denied.
    calls: [c('account', 'ListRegions', 'once'), c('ec2', 'DescribeRegions', 'once')],
  },
  trails: {
    fills: 'accounts[].trails[].Trail',
    calls: [c('cloudtrail', 'ListTrails', 'once'), c('cloudtrail', 'GetTrail', 'per trail')],
  },
  'trail-status': { fills: 'accounts[].trails[].Status', calls: [c('cloudtrail', 'GetTrailStatus', 'per trail')], needs: ['trails'] },
  'trail-event-selectors': {
    fills: 'accounts[].trails[].EventSelectors, AdvancedEventSelectors',
    calls: [c('cloudtrail', 'GetEventSelectors', 'per trail')],
    needs: ['trails'],
  },
  'trail-insight-selectors': {
    fills: 'accounts[].trails[].InsightSelectors',
    calls: [c('cloudtrail', 'GetInsightSelectors', 'per trail with Insights')],
    needs: ['trails'],
  },
  'trail-tags': { fills: 'accounts[].trails[].Tags', calls: [c('cloudtrail', 'ListTags', 'per trail')], needs: ['trails'] },
  'bucket-location': {
    fills: 'accounts[].buckets{}.Region',
    calls: [c('s3', 'GetBucketLocation', 'per bucket')],
    needs: ['trails'],
  },
  'bucket-policy': { fills: 'accounts[].buckets{}.Policy', calls: [c('s3', 'GetBucketPolicy', 'per bucket')], needs: ['bucket-location'] },
  'bucket-policy-status': {
    fills: 'accounts[].buckets{}.PolicyStatus',
    calls: [c('s3', 'GetBucketPolicyStatus', 'per bucket')],
    needs: ['bucket-location'],
  },
  'bucket-acl': { fills: 'accounts[].buckets{}.Acl', calls: [c('s3', 'GetBucketAcl', 'per bucket')], needs: ['bucket-location'] },
  'bucket-ownership-controls': {
    fills: 'accounts[].buckets{}.OwnershipControls',
    calls: [c('s3', 'GetBucketOwnershipControls', 'per bucket')],
    needs: ['bucket-location'],
  },
  'bucket-encryption': {
    fills: 'accounts[].buckets{}.Encryption',
    calls: [c('s3', 'GetBucketEncryption', 'per bucket', 's3:GetEncryptionConfiguration')],
    needs: ['bucket-location'],
  },
  'bucket-lifecycle': {
    fills: 'accounts[].buckets{}.Lifecycle',
    calls: [c('s3', 'GetBucketLifecycleConfiguration', 'per bucket', 's3:GetLifecycleConfiguration')],
    needs: ['bucket-location'],
  },
  'bucket-versioning': {
    fills: 'accounts[].buckets{}.Versioning',
    calls: [c('s3', 'GetBucketVersioning', 'per bucket')],
    needs: ['bucket-location'],
  },
  'bucket-public-access-block': {
    fills: 'accounts[].buckets{}.PublicAccessBlock',
    calls: [c('s3', 'GetPublicAccessBlock', 'per bucket', 's3:GetBucketPublicAccessBlock')],
    needs: ['bucket-location'],
  },
  'bucket-object-lock': {
    fills: 'accounts[].buckets{}.ObjectLock',
    calls: [c('s3', 'GetObjectLockConfiguration', 'per bucket', 's3:GetBucketObjectLockConfiguration')],
    needs: ['bucket-location'],
  },
  'bucket-logging': { fills: 'accounts[].buckets{}.Logging', calls: [c('s3', 'GetBucketLogging', 'per bucket')], needs: ['bucket-location'] },
  'bucket-replication': {
    fills: 'accounts[].buckets{}.Replication',
    calls: [c('s3', 'GetBucketReplication', 'per bucket', 's3:GetReplicationConfiguration')],
    needs: ['bucket-location'],
  },
  'account-public-access-block': {
    fills: 'accounts[].accountPublicAccessBlock',
    calls: [c('s3control', 'GetPublicAccessBlock', 'once', 's3:GetAccountPublicAccessBlock')],
  },
  'key-metadata': { fills: 'accounts[].keys{}.KeyMetadata', calls: [c('kms', 'DescribeKey', 'per key')], needs: ['trails'] },
  'key-rotation': {
    fills: 'accounts[].keys{}.KeyRotationEnabled, RotationPeriodInDays',
    calls: [c('kms', 'GetKeyRotationStatus', 'per key')],
    needs: ['trails'],
  },
  'key-policy': { fills: 'accounts[].keys{}.KeyPolicy', calls: [c('kms', 'GetKeyPolicy', 'per key')], needs: ['trails'] },
  'key-aliases': { fills: 'accounts[].keys{}.Aliases', calls: [c('kms', 'ListAliases', 'per key')], needs: ['trails'] },
  'all-customer-keys': {
    fills: 'accounts[].keys{} (every customer-managed key)',
    calls: [c('kms', 'ListKeys', 'per enabled region'), c('kms', 'DescribeKey', 'per customer key'), c('kms', 'GetKeyRotationStatus', 'per customer key')],
  },
  'log-groups': {
    fills: 'accounts[].logGroups{}.LogGroup',
    calls: [c('logs', 'DescribeLogGroups', 'per log group')],
    needs: ['trails'],
  },
  'metric-filters': {
    fills: 'accounts[].logGroups{}.MetricFilters',
    calls: [c('logs', 'DescribeMetricFilters', 'per log group')],
    needs: ['log-groups'],
  },
  alarms: { fills: 'accounts[].alarms', calls: [c('cloudwatch', 'DescribeAlarms', 'per log group region')], needs: ['metric-filters'] },
  'alarm-topics': {
    fills: 'accounts[].topics{}',
    calls: [c('sns', 'ListSubscriptionsByTopic', 'per alarm topic')],
    needs: ['alarms'],
  },
  'event-rules': {
    fills: 'accounts[].eventRules',
    calls: [c('events', 'ListRules', 'per enabled region'), c('events', 'ListTargetsByRule', 'per matching EventBridge rule')],
  },
  'event-data-stores': {
    fills: 'accounts[].eventDataStores',
    calls: [c('cloudtrail', 'ListEventDataStores', 'per enabled region'), c('cloudtrail', 'GetEventDataStore', 'per event data store')],
  },
  organization: {
    fills: 'organization.Organization',
    calls: [c('organizations', 'DescribeOrganization', 'once')],
  },
  'organization-accounts': {
    fills: 'organization.Accounts',
    calls: [c('organizations', 'ListAccounts', 'once')],
    needs: ['organization'],
  },
  'organization-services': {
    fills: 'organization.EnabledServicePrincipals, DelegatedAdministrators',
    calls: [c('organizations', 'ListAWSServiceAccessForOrganization', 'once'), c('organizations', 'ListDelegatedAdministrators', 'once')],
    needs: ['organization'],
  },
  'organization-policies': {
    fills: 'organization.Policies',
    calls: [c('organizations', 'ListPolicies', 'once'), c('organizations', 'DescribePolicy', 'per SCP'), c('organizations', 'ListTargetsForPolicy', 'per SCP')],
    needs: ['organization'],
  },
  'organization-structure': {
    fills: 'organization.Roots, OrganizationalUnits, AccountParents (sweeps with --ou)',
    calls: [c('organizations', 'ListRoots', 'once'), c('organizations', 'ListOrganizationalUnitsForParent', 'per OU'), c('organizations', 'ListAccountsForParent', 'per OU')],
    needs: ['organization'],
  },
  'owned-buckets': {
    fills: 'which account owns each trail bucket (organization sweeps)',
    calls: [c('s3', 'ListBuckets', 'once', 's3:ListAllMyBuckets')],
  },
  'config-recorders': {
    fills: 'accounts[].configRecorders{region}',
    calls: [c('config', 'DescribeConfigurationRecorders', 'per enabled region'), c('config', 'DescribeConfigurationRecorderStatus', 'per region with a Config recorder')],
  },
  'vpc-flow-logs': {
    fills: 'accounts[].vpcs{region}.Vpcs, FlowLogs',
    calls: [c('ec2', 'DescribeVpcs', 'per enabled region'), c('ec2', 'DescribeFlowLogs', 'per region with VPCs')],
  },
  'security-hub': { fills: 'accounts[].securityHub{region}.Hub', calls: [c('securityhub', 'DescribeHub', 'per enabled region')] },
});

export type SectionId = keyof typeof TABLE;
export const SECTIONS: Readonly<Record<SectionId, Section>> = TABLE;
/** In the table's order (the order docs/api-calls.md lists them in). */
export const SECTION_IDS = Object.keys(TABLE) as readonly SectionId[];

export type Plan = ReadonlySet<SectionId>;

/** Sections only an organization sweep runs (discovery and cross-account ownership). */
export const SWEEP_SECTIONS: readonly SectionId[] = ['organization-structure', 'owned-buckets'];

/** Everything a single-account scan can read. */
export const FULL_PLAN: Plan = new Set(SECTION_IDS.filter((id) => !SWEEP_SECTIONS.includes(id)));

/** Everything, sweep sections included: what docs/iam-policy.json grants. */
export const ALL_SECTIONS: Plan = new Set(SECTION_IDS);

/** Adds what the chosen sections need, and what that needs; every account's identity and regions are read. */
export function closePlan(sections: Iterable<SectionId>): Plan {
  const out = new Set<SectionId>(['identity', 'regions']);
  const add = (id: SectionId): void => {
    if (out.has(id)) return;
    out.add(id);
    for (const need of SECTIONS[id].needs ?? []) add(need);
  };
  for (const id of sections) add(id);
  return out;
}
