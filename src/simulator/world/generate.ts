/**
 * Builds large worlds for benchmarks and sweeps: a Control Tower-like organization
 * (management account with the organization trail, a log-archive account holding its bucket
 * and key, an audit account) and N-3 member accounts with a seeded mix of compliant and
 * broken configurations. Deterministic from the seed; no validation pass, so 1,000 accounts
 * build in milliseconds.
 */
import { mulberry32 } from '../faults.js';
import { DEFAULT_ENABLED_REGIONS } from './regions.js';
import type { AccountSpec, BucketSpec, RoleSpec, TrailSpec, WorldSpec } from './spec.js';

export interface GenerateOptions {
  /** Total accounts, management, log archive and audit included (at least 3). */
  accounts: number;
  /** How many of the default-enabled regions exist (default 17). */
  regions?: number;
  seed?: number;
  /** Share of member accounts with some broken configuration (default 0.4). */
  brokenShare?: number;
  memberRoleName?: string;
}

export const MANAGEMENT_ACCOUNT = '100000000000';
export const LOG_ARCHIVE_ACCOUNT = '100000000001';
export const AUDIT_ACCOUNT = '100000000002';

export function generateWorld(options: GenerateOptions): WorldSpec {
  const seed = options.seed ?? 1;
  const rng = mulberry32(seed);
  const regions = DEFAULT_ENABLED_REGIONS.slice(0, options.regions ?? DEFAULT_ENABLED_REGIONS.length);
  const home = regions.includes('us-east-1') ? 'us-east-1' : (regions[0] as string);
  const roleName = options.memberRoleName ?? 'OrganizationAccountAccessRole';
  const memberRole: RoleSpec = {
    RoleName: roleName,
    AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${MANAGEMENT_ACCOUNT}:root` }, Action: 'sts:AssumeRole' }] },
  };
  const orgBucket = `org-trail-logs-${seed}`;
  const keyId = `00000000-0000-4000-8000-${String(seed).padStart(12, '0')}`;
  const keyArn = `arn:aws:kms:${home}:${LOG_ARCHIVE_ACCOUNT}:key/${keyId}`;
  const management: AccountSpec = {
    Id: MANAGEMENT_ACCOUNT,
    Name: 'management',
    roles: [],
    trails: [
      {
        Name: 'org-trail',
        HomeRegion: home,
        S3BucketName: orgBucket,
        IsMultiRegionTrail: true,
        IsOrganizationTrail: true,
        LogFileValidationEnabled: true,
        KmsKeyId: keyArn,
        CloudWatchLogsLogGroupArn: `arn:aws:logs:${home}:${MANAGEMENT_ACCOUNT}:log-group:org-trail:*`,
      },
    ],
    logGroups: [
      {
        logGroupName: 'org-trail',
        Region: home,
        retentionInDays: 365,
        metricFilters: [
          {
            filterName: 'root-usage',
            filterPattern: '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }',
            metricTransformations: [{ metricName: 'RootUsage', metricNamespace: 'CISBenchmark' }],
          },
        ],
      },
    ],
    alarms: [{ AlarmName: 'root-usage', Region: home, MetricName: 'RootUsage', Namespace: 'CISBenchmark', AlarmActions: [`arn:aws:sns:${home}:${MANAGEMENT_ACCOUNT}:security-alerts`] }],
    topics: [{ Name: 'security-alerts', Region: home, Subscriptions: [{ Protocol: 'email', Endpoint: 'security@example.com' }] }],
  };
  const logArchive: AccountSpec = {
    Id: LOG_ARCHIVE_ACCOUNT,
    Name: 'log-archive',
    Parent: 'Security',
    roles: [memberRole],
    buckets: [
      {
        Name: orgBucket,
        Region: home,
        Policy: {
          Version: '2012-10-17',
          Statement: [
            { Sid: 'CloudTrailWrite', Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:PutObject', Resource: `arn:aws:s3:::${orgBucket}/*` },
            {
              Sid: 'ManagementRead',
              Effect: 'Allow',
              Principal: { AWS: `arn:aws:iam::${MANAGEMENT_ACCOUNT}:root` },
              Action: ['s3:Get*', 's3:List*'],
              Resource: [`arn:aws:s3:::${orgBucket}`, `arn:aws:s3:::${orgBucket}/*`],
            },
          ],
        },
        Versioning: { Status: 'Enabled' },
        Lifecycle: { Rules: [{ ID: 'archive', Status: 'Enabled', Filter: { Prefix: '' }, Transitions: [{ Days: 90, StorageClass: 'GLACIER' }] }] },
        ObjectLock: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: 365 } } },
        Encryption: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: keyArn }, BucketKeyEnabled: true }] },
      },
    ],
    keys: [
      {
        KeyId: keyId,
        Region: home,
        Aliases: ['alias/org-trail'],
        KeyRotationEnabled: true,
        Policy: {
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${LOG_ARCHIVE_ACCOUNT}:root` }, Action: 'kms:*', Resource: '*' },
            { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${MANAGEMENT_ACCOUNT}:root` }, Action: ['kms:Describe*', 'kms:Get*', 'kms:List*'], Resource: '*' },
          ],
        },
      },
    ],
  };
  const audit: AccountSpec = { Id: AUDIT_ACCOUNT, Name: 'audit', Parent: 'Security', roles: [memberRole] };
  const accounts: AccountSpec[] = [management, logArchive, audit];
  const brokenShare = options.brokenShare ?? 0.4;
  for (let i = 3; i < options.accounts; i++) {
    const id = String(100000000000 + i);
    const account: AccountSpec = { Id: id, Name: `member-${i}`, Parent: 'Workloads', roles: [memberRole] };
    if (rng() < brokenShare) addBrokenSetup(account, rng, home, regions);
    else if (rng() < 0.3) addOwnTrail(account, home, true);
    accounts.push(account);
  }
  return {
    regions: { defaultEnabled: regions, optIn: [] },
    organization: {
      MasterAccountId: MANAGEMENT_ACCOUNT,
      OrganizationalUnits: [{ Name: 'Security' }, { Name: 'Workloads' }],
      EnabledServicePrincipals: ['cloudtrail.amazonaws.com'],
      DelegatedAdministrators: { 'cloudtrail.amazonaws.com': [AUDIT_ACCOUNT] },
    },
    accounts,
    options: { seed },
  };
}

function addOwnTrail(account: AccountSpec, home: string, compliant: boolean, overrides: Partial<TrailSpec> = {}): void {
  const bucket: BucketSpec = {
    Name: `trail-logs-${account.Id}`,
    Region: home,
    Versioning: compliant ? { Status: 'Enabled' } : undefined,
    Lifecycle: compliant ? { Rules: [{ ID: 'archive', Status: 'Enabled', Filter: { Prefix: '' }, Transitions: [{ Days: 90, StorageClass: 'GLACIER' }] }] } : undefined,
  };
  account.buckets = [bucket];
  account.trails = [{ Name: 'account-trail', HomeRegion: home, S3BucketName: bucket.Name, IsMultiRegionTrail: true, LogFileValidationEnabled: compliant, ...overrides }];
}

/** One of the failures scanners must tell apart from the organization trail's coverage. */
function addBrokenSetup(account: AccountSpec, rng: () => number, home: string, regions: string[]): void {
  const pick = Math.floor(rng() * 5);
  if (pick === 0) addOwnTrail(account, home, false, { IsMultiRegionTrail: false, HomeRegion: regions[Math.floor(rng() * regions.length)] as string });
  else if (pick === 1) addOwnTrail(account, home, false, { Status: { IsLogging: false, StopLoggingTime: '2025-06-01T00:00:00Z' } });
  else if (pick === 2)
    addOwnTrail(account, home, true, {
      AdvancedEventSelectors: [
        {
          Name: 'read-only',
          FieldSelectors: [
            { Field: 'eventCategory', Equals: ['Management'] },
            { Field: 'readOnly', Equals: ['true'] },
          ],
        },
      ],
    });
  else if (pick === 3) {
    addOwnTrail(account, home, false);
    if (account.buckets?.[0]) account.buckets[0].Encryption = null;
  } else account.Status = 'SUSPENDED';
}
