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

export interface Section {
  id: SectionId;
  /** Inventory paths the section fills. */
  fills: string;
  calls: SectionCall[];
}

export const SECTION_IDS = [
  'identity',
  'regions',
  'trails',
  'trail-status',
  'trail-event-selectors',
  'trail-insight-selectors',
  'trail-tags',
  'bucket-location',
  'bucket-policy',
  'bucket-policy-status',
  'bucket-acl',
  'bucket-ownership-controls',
  'bucket-encryption',
  'bucket-lifecycle',
  'bucket-versioning',
  'bucket-public-access-block',
  'bucket-object-lock',
  'bucket-logging',
  'bucket-replication',
  'account-public-access-block',
  'key-metadata',
  'key-rotation',
  'key-policy',
  'key-aliases',
  'all-customer-keys',
  'log-groups',
  'metric-filters',
  'alarms',
  'alarm-topics',
  'event-rules',
  'event-data-stores',
  'organization',
  'organization-accounts',
  'organization-services',
  'organization-policies',
  'organization-structure',
  'owned-buckets',
  'config-recorders',
  'vpc-flow-logs',
  'security-hub',
] as const;
export type SectionId = (typeof SECTION_IDS)[number];

const c = (service: string, operation: string, scope: CallScope, iamAction = `${service}:${operation}`): SectionCall => ({
  service,
  operation,
  iamAction,
  scope,
});

export const SECTIONS: Record<SectionId, Section> = {
  identity: { id: 'identity', fills: 'accounts[].CallerIdentity', calls: [c('sts', 'GetCallerIdentity', 'once', '')] },
  regions: {
    id: 'regions',
    fills: 'accounts[].Regions',
    // ec2:DescribeRegions is the fallback when account:ListRegions is denied.
    calls: [c('account', 'ListRegions', 'once'), c('ec2', 'DescribeRegions', 'once')],
  },
  trails: {
    id: 'trails',
    fills: 'accounts[].trails[].Trail',
    calls: [c('cloudtrail', 'ListTrails', 'once'), c('cloudtrail', 'GetTrail', 'per trail')],
  },
  'trail-status': { id: 'trail-status', fills: 'accounts[].trails[].Status', calls: [c('cloudtrail', 'GetTrailStatus', 'per trail')] },
  'trail-event-selectors': {
    id: 'trail-event-selectors',
    fills: 'accounts[].trails[].EventSelectors, AdvancedEventSelectors',
    calls: [c('cloudtrail', 'GetEventSelectors', 'per trail')],
  },
  'trail-insight-selectors': {
    id: 'trail-insight-selectors',
    fills: 'accounts[].trails[].InsightSelectors',
    calls: [c('cloudtrail', 'GetInsightSelectors', 'per trail with Insights')],
  },
  'trail-tags': { id: 'trail-tags', fills: 'accounts[].trails[].Tags', calls: [c('cloudtrail', 'ListTags', 'per trail')] },
  'bucket-location': {
    id: 'bucket-location',
    fills: 'accounts[].buckets{}.Region',
    calls: [c('s3', 'GetBucketLocation', 'per bucket')],
  },
  'bucket-policy': { id: 'bucket-policy', fills: 'accounts[].buckets{}.Policy', calls: [c('s3', 'GetBucketPolicy', 'per bucket')] },
  'bucket-policy-status': {
    id: 'bucket-policy-status',
    fills: 'accounts[].buckets{}.PolicyStatus',
    calls: [c('s3', 'GetBucketPolicyStatus', 'per bucket')],
  },
  'bucket-acl': { id: 'bucket-acl', fills: 'accounts[].buckets{}.Acl', calls: [c('s3', 'GetBucketAcl', 'per bucket')] },
  'bucket-ownership-controls': {
    id: 'bucket-ownership-controls',
    fills: 'accounts[].buckets{}.OwnershipControls',
    calls: [c('s3', 'GetBucketOwnershipControls', 'per bucket')],
  },
  'bucket-encryption': {
    id: 'bucket-encryption',
    fills: 'accounts[].buckets{}.Encryption',
    calls: [c('s3', 'GetBucketEncryption', 'per bucket', 's3:GetEncryptionConfiguration')],
  },
  'bucket-lifecycle': {
    id: 'bucket-lifecycle',
    fills: 'accounts[].buckets{}.Lifecycle',
    calls: [c('s3', 'GetBucketLifecycleConfiguration', 'per bucket', 's3:GetLifecycleConfiguration')],
  },
  'bucket-versioning': {
    id: 'bucket-versioning',
    fills: 'accounts[].buckets{}.Versioning',
    calls: [c('s3', 'GetBucketVersioning', 'per bucket')],
  },
  'bucket-public-access-block': {
    id: 'bucket-public-access-block',
    fills: 'accounts[].buckets{}.PublicAccessBlock',
    calls: [c('s3', 'GetPublicAccessBlock', 'per bucket', 's3:GetBucketPublicAccessBlock')],
  },
  'bucket-object-lock': {
    id: 'bucket-object-lock',
    fills: 'accounts[].buckets{}.ObjectLock',
    calls: [c('s3', 'GetObjectLockConfiguration', 'per bucket', 's3:GetBucketObjectLockConfiguration')],
  },
  'bucket-logging': { id: 'bucket-logging', fills: 'accounts[].buckets{}.Logging', calls: [c('s3', 'GetBucketLogging', 'per bucket')] },
  'bucket-replication': {
    id: 'bucket-replication',
    fills: 'accounts[].buckets{}.Replication',
    calls: [c('s3', 'GetBucketReplication', 'per bucket', 's3:GetReplicationConfiguration')],
  },
  'account-public-access-block': {
    id: 'account-public-access-block',
    fills: 'accounts[].accountPublicAccessBlock',
    calls: [c('s3control', 'GetPublicAccessBlock', 'once', 's3:GetAccountPublicAccessBlock')],
  },
  'key-metadata': { id: 'key-metadata', fills: 'accounts[].keys{}.KeyMetadata', calls: [c('kms', 'DescribeKey', 'per key')] },
  'key-rotation': {
    id: 'key-rotation',
    fills: 'accounts[].keys{}.KeyRotationEnabled, RotationPeriodInDays',
    calls: [c('kms', 'GetKeyRotationStatus', 'per key')],
  },
  'key-policy': { id: 'key-policy', fills: 'accounts[].keys{}.KeyPolicy', calls: [c('kms', 'GetKeyPolicy', 'per key')] },
  'key-aliases': { id: 'key-aliases', fills: 'accounts[].keys{}.Aliases', calls: [c('kms', 'ListAliases', 'per key')] },
  'all-customer-keys': {
    id: 'all-customer-keys',
    fills: 'accounts[].keys{} (every customer-managed key)',
    calls: [
      c('kms', 'ListKeys', 'per enabled region'),
      c('kms', 'DescribeKey', 'per customer key'),
      c('kms', 'GetKeyRotationStatus', 'per customer key'),
    ],
  },
  'log-groups': {
    id: 'log-groups',
    fills: 'accounts[].logGroups{}.LogGroup',
    calls: [c('logs', 'DescribeLogGroups', 'per log group')],
  },
  'metric-filters': {
    id: 'metric-filters',
    fills: 'accounts[].logGroups{}.MetricFilters',
    calls: [c('logs', 'DescribeMetricFilters', 'per log group')],
  },
  alarms: { id: 'alarms', fills: 'accounts[].alarms', calls: [c('cloudwatch', 'DescribeAlarms', 'per log group region')] },
  'alarm-topics': {
    id: 'alarm-topics',
    fills: 'accounts[].topics{}',
    calls: [c('sns', 'ListSubscriptionsByTopic', 'per alarm topic')],
  },
  'event-rules': {
    id: 'event-rules',
    fills: 'accounts[].eventRules',
    calls: [c('events', 'ListRules', 'per enabled region'), c('events', 'ListTargetsByRule', 'per matching EventBridge rule')],
  },
  'event-data-stores': {
    id: 'event-data-stores',
    fills: 'accounts[].eventDataStores',
    calls: [c('cloudtrail', 'ListEventDataStores', 'per enabled region'), c('cloudtrail', 'GetEventDataStore', 'per event data store')],
  },
  organization: {
    id: 'organization',
    fills: 'organization.Organization',
    calls: [c('organizations', 'DescribeOrganization', 'once')],
  },
  'organization-accounts': {
    id: 'organization-accounts',
    fills: 'organization.Accounts',
    calls: [c('organizations', 'ListAccounts', 'once')],
  },
  'organization-services': {
    id: 'organization-services',
    fills: 'organization.EnabledServicePrincipals, DelegatedAdministrators',
    calls: [c('organizations', 'ListAWSServiceAccessForOrganization', 'once'), c('organizations', 'ListDelegatedAdministrators', 'once')],
  },
  'organization-policies': {
    id: 'organization-policies',
    fills: 'organization.Policies',
    calls: [
      c('organizations', 'ListPolicies', 'once'),
      c('organizations', 'DescribePolicy', 'per SCP'),
      c('organizations', 'ListTargetsForPolicy', 'per SCP'),
    ],
  },
  'organization-structure': {
    id: 'organization-structure',
    fills: 'organization.Roots, OrganizationalUnits, AccountParents (sweeps with --ou)',
    calls: [
      c('organizations', 'ListRoots', 'once'),
      c('organizations', 'ListOrganizationalUnitsForParent', 'per OU'),
      c('organizations', 'ListAccountsForParent', 'per OU'),
    ],
  },
  'owned-buckets': {
    id: 'owned-buckets',
    fills: 'which account owns each trail bucket (organization sweeps)',
    calls: [c('s3', 'ListBuckets', 'once', 's3:ListAllMyBuckets')],
  },
  'config-recorders': {
    id: 'config-recorders',
    fills: 'accounts[].configRecorders{region}',
    calls: [
      c('config', 'DescribeConfigurationRecorders', 'per enabled region'),
      c('config', 'DescribeConfigurationRecorderStatus', 'per region with a Config recorder'),
    ],
  },
  'vpc-flow-logs': {
    id: 'vpc-flow-logs',
    fills: 'accounts[].vpcs{region}.Vpcs, FlowLogs',
    calls: [c('ec2', 'DescribeVpcs', 'per enabled region'), c('ec2', 'DescribeFlowLogs', 'per region with VPCs')],
  },
  'security-hub': { id: 'security-hub', fills: 'accounts[].securityHub{region}.Hub', calls: [c('securityhub', 'DescribeHub', 'per enabled region')] },
};

/** Sections whose calls need the result of another section first. */
export const SECTION_NEEDS: Partial<Record<SectionId, SectionId[]>> = {
  'trail-status': ['trails'],
  'trail-event-selectors': ['trails'],
  'trail-insight-selectors': ['trails'],
  'trail-tags': ['trails'],
  'log-groups': ['trails'],
  'metric-filters': ['log-groups'],
  alarms: ['metric-filters'],
  'alarm-topics': ['alarms'],
  'organization-accounts': ['organization'],
  'organization-services': ['organization'],
  'organization-policies': ['organization'],
  'organization-structure': ['organization'],
};

export type Plan = ReadonlySet<SectionId>;

/** Sections only an organization sweep runs (discovery and cross-account ownership). */
export const SWEEP_SECTIONS: readonly SectionId[] = ['organization-structure', 'owned-buckets'];

/** Everything a single-account scan can read. */
export const FULL_PLAN: Plan = new Set(SECTION_IDS.filter((id) => !SWEEP_SECTIONS.includes(id)));

/** Everything, sweep sections included: what docs/iam-policy.json grants. */
export const ALL_SECTIONS: Plan = new Set(SECTION_IDS);

/** Adds what the chosen sections depend on (every bucket section needs the bucket's region). */
export function closePlan(sections: Iterable<SectionId>): Plan {
  const out = new Set<SectionId>(['identity', 'regions']);
  const add = (id: SectionId): void => {
    if (out.has(id) && id !== 'identity' && id !== 'regions') return;
    out.add(id);
    if (id.startsWith('bucket-') || id.startsWith('key-')) out.add('trails');
    if (id.startsWith('bucket-')) out.add('bucket-location');
    for (const need of SECTION_NEEDS[id] ?? []) add(need);
  };
  for (const id of sections) add(id);
  return out;
}
