/**
 * The world file's shape (schemas/world.schema.json is its validator). Entries use AWS's own
 * field names, so a trail here reads like a DescribeTrails entry and a bucket like the
 * inventory's BucketRecord; only the containers (accounts, trails, buckets...) are ours.
 */
import type { AdvancedEventSelector, EventDataStoreRecord, EventSelector, LifecycleRule, PolicyDocument, PublicAccessBlockConfiguration, TrailRecord } from '../../inventory/types.js';

export interface WorldSpec {
  /** Every region of the partition; default: the 17 default-enabled commercial regions plus the opt-in ones. */
  regions?: { defaultEnabled?: string[]; optIn?: string[] };
  organization?: OrganizationSpec;
  accounts: AccountSpec[];
  faults?: FaultSpec[];
  options?: { pageSize?: number; seed?: number };
  /** Generated log and digest files for trails of the world (src/simulator/trail-logs.ts). */
  trailLogs?: TrailLogsSpec[];
}

export interface OrganizationSpec {
  Id?: string;
  FeatureSet?: 'ALL' | 'CONSOLIDATED_BILLING';
  MasterAccountId: string;
  RootId?: string;
  OrganizationalUnits?: Array<{ Name: string; Id?: string; Parent?: string }>;
  EnabledServicePrincipals?: string[];
  /** Service principal → account ids. */
  DelegatedAdministrators?: Record<string, string[]>;
  Policies?: Array<{
    Name: string;
    Id?: string;
    Type?: string;
    Description?: string;
    AwsManaged?: boolean;
    Content: string | Record<string, unknown>;
    /** Root ("root"), OU names or account ids. */
    Targets?: string[];
  }>;
}

export interface AccountSpec {
  Id: string;
  Name?: string;
  Email?: string;
  Status?: 'ACTIVE' | 'SUSPENDED' | 'PENDING_CLOSURE';
  JoinedMethod?: 'INVITED' | 'CREATED';
  JoinedTimestamp?: string;
  /** OU name (or id); default the root. Accounts outside the organization set `InOrganization: false`. */
  Parent?: string;
  InOrganization?: boolean;
  /**
   * false: the organization trails' rollout failed here (CloudTrail could not create its
   * service-linked role in the account), so the account neither lists nor records them.
   */
  ReceivesOrganizationTrails?: boolean;
  /** Opt-in regions this account enabled. */
  OptInRegions?: string[];
  /** s3control GetPublicAccessBlock; absent → NoSuchPublicAccessBlockConfiguration. */
  PublicAccessBlock?: PublicAccessBlockConfiguration;
  trails?: TrailSpec[];
  buckets?: BucketSpec[];
  keys?: KeySpec[];
  logGroups?: LogGroupSpec[];
  alarms?: AlarmSpec[];
  topics?: TopicSpec[];
  eventRules?: EventRuleSpec[];
  eventDataStores?: EventDataStoreSpec[];
  roles?: RoleSpec[];
  /** AWS Config: at most one customer-managed recorder per region; a region without one has none. */
  configurationRecorders?: ConfigurationRecorderSpec[];
  /** VPCs with their flow logs; a region without an entry has no VPC (the default VPC is not implied). */
  vpcs?: VpcSpec[];
  /** Regions where Security Hub is enabled; elsewhere DescribeHub answers "not subscribed". */
  securityHub?: SecurityHubSpec[];
}

/** GetTrailStatus's fields, as the inventory holds them. */
export type TrailStatusSpec = NonNullable<TrailRecord['Status']>;

export interface TrailSpec {
  Name: string;
  HomeRegion: string;
  S3BucketName: string;
  S3KeyPrefix?: string;
  SnsTopicName?: string;
  IncludeGlobalServiceEvents?: boolean;
  IsMultiRegionTrail?: boolean;
  LogFileValidationEnabled?: boolean;
  CloudWatchLogsLogGroupArn?: string;
  CloudWatchLogsRoleArn?: string;
  KmsKeyId?: string;
  IsOrganizationTrail?: boolean;
  Status?: TrailStatusSpec;
  EventSelectors?: EventSelector[];
  AdvancedEventSelectors?: AdvancedEventSelector[];
  InsightSelectors?: Array<{ InsightType: string }>;
  Tags?: Array<{ Key: string; Value?: string }>;
}

export interface S3ObjectSpec {
  Key: string;
  Body?: string;
  Metadata?: Record<string, string>;
  LastModified?: string;
}

export interface BucketSpec {
  Name: string;
  Region?: string;
  CreationDate?: string;
  /** null: never configured (the "not found" error). Omitted: AWS's default for new buckets. */
  Policy?: PolicyDocument | string;
  PolicyStatus?: { IsPublic: boolean };
  Acl?: {
    Owner?: { ID?: string; DisplayName?: string };
    Grants?: Array<{ Grantee: { Type: string; URI?: string; ID?: string; EmailAddress?: string; DisplayName?: string }; Permission: string }>;
  };
  OwnershipControls?: { Rules: Array<{ ObjectOwnership: string }> } | null;
  Encryption?: { Rules: Array<{ ApplyServerSideEncryptionByDefault?: { SSEAlgorithm: string; KMSMasterKeyID?: string }; BucketKeyEnabled?: boolean }> } | null;
  Lifecycle?: { Rules: LifecycleRule[] } | undefined;
  Versioning?: { Status?: 'Enabled' | 'Suspended'; MFADelete?: 'Enabled' | 'Disabled' } | undefined;
  PublicAccessBlock?: PublicAccessBlockConfiguration | null;
  ObjectLock?: { ObjectLockEnabled?: 'Enabled'; Rule?: { DefaultRetention?: { Mode?: 'GOVERNANCE' | 'COMPLIANCE'; Days?: number; Years?: number } } };
  Logging?: { TargetBucket: string; TargetPrefix?: string };
  Replication?: { Role: string; Rules: Array<Record<string, unknown>> };
  Tags?: Array<{ Key: string; Value: string }>;
  Objects?: S3ObjectSpec[];
}

export interface KeySpec {
  /** Default: a UUID derived from the account, region and first alias (or index). */
  KeyId?: string;
  Region: string;
  Description?: string;
  KeySpec?: string;
  KeyUsage?: 'ENCRYPT_DECRYPT' | 'SIGN_VERIFY' | 'GENERATE_VERIFY_MAC' | 'KEY_AGREEMENT';
  KeyState?: string;
  KeyManager?: 'AWS' | 'CUSTOMER';
  Origin?: string;
  MultiRegion?: boolean;
  CreationDate?: string;
  DeletionDate?: string;
  KeyRotationEnabled?: boolean;
  RotationPeriodInDays?: number;
  Policy?: PolicyDocument | string;
  Aliases?: string[];
  Tags?: Array<{ TagKey: string; TagValue: string }>;
}

export interface MetricFilterSpec {
  filterName: string;
  filterPattern: string;
  metricTransformations: Array<{ metricName: string; metricNamespace: string; metricValue?: string; defaultValue?: number }>;
}

export interface LogGroupSpec {
  logGroupName: string;
  Region: string;
  retentionInDays?: number;
  kmsKeyId?: string;
  creationTime?: number;
  storedBytes?: number;
  metricFilters?: MetricFilterSpec[];
}

export interface AlarmSpec {
  AlarmName: string;
  Region: string;
  AlarmDescription?: string;
  MetricName: string;
  Namespace: string;
  Statistic?: string;
  Period?: number;
  EvaluationPeriods?: number;
  Threshold?: number;
  ComparisonOperator?: string;
  ActionsEnabled?: boolean;
  AlarmActions?: string[];
  OKActions?: string[];
  InsufficientDataActions?: string[];
  StateValue?: 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';
  Dimensions?: Array<{ Name: string; Value: string }>;
  TreatMissingData?: string;
}

export interface TopicSpec {
  Name: string;
  Region: string;
  DisplayName?: string;
  KmsMasterKeyId?: string;
  Policy?: PolicyDocument | string;
  Subscriptions?: Array<{ Protocol: string; Endpoint: string; Confirmed?: boolean }>;
}

export interface EventRuleSpec {
  Name: string;
  Region: string;
  EventPattern?: string | Record<string, unknown>;
  ScheduleExpression?: string;
  State?: 'ENABLED' | 'DISABLED' | 'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS';
  Description?: string;
  EventBusName?: string;
  Targets?: Array<{ Id: string; Arn: string }>;
}

/** GetEventDataStore's fields, as the inventory holds them; the ARN is made from the name. */
export interface EventDataStoreSpec extends Omit<EventDataStoreRecord, 'EventDataStoreArn' | 'Name'> {
  Name: string;
  CreatedTimestamp?: string;
}

export interface ConfigurationRecorderSpec {
  Region: string;
  /** Default: default. */
  name?: string;
  roleARN?: string;
  /** Default: allSupported true, includeGlobalResourceTypes false. */
  recordingGroup?: {
    allSupported?: boolean;
    includeGlobalResourceTypes?: boolean;
    resourceTypes?: string[];
    exclusionByResourceTypes?: { resourceTypes?: string[] };
    recordingStrategy?: { useOnly?: 'ALL_SUPPORTED_RESOURCE_TYPES' | 'INCLUSION_BY_RESOURCE_TYPES' | 'EXCLUSION_BY_RESOURCE_TYPES' };
  };
  recordingMode?: {
    recordingFrequency?: 'CONTINUOUS' | 'DAILY';
    recordingModeOverrides?: Array<{ description?: string; resourceTypes: string[]; recordingFrequency: 'CONTINUOUS' | 'DAILY' }>;
  };
  /** DescribeConfigurationRecorderStatus; default: recording, lastStatus Success. */
  status?: {
    recording?: boolean;
    lastStatus?: 'Pending' | 'Success' | 'Failure' | 'NotApplicable';
    lastStartTime?: string;
    lastStopTime?: string;
    lastStatusChangeTime?: string;
    lastErrorCode?: string;
    lastErrorMessage?: string;
  };
}

export interface FlowLogSpec {
  /** Default: derived from the VPC and the entry's position. */
  FlowLogId?: string;
  TrafficType: 'ACCEPT' | 'REJECT' | 'ALL';
  /** Default: ACTIVE. */
  FlowLogStatus?: string;
  DeliverLogsStatus?: 'SUCCESS' | 'FAILED';
  DeliverLogsErrorMessage?: string;
  LogDestinationType?: 'cloud-watch-logs' | 's3' | 'kinesis-data-firehose';
  LogDestination?: string;
  LogGroupName?: string;
  MaxAggregationInterval?: 60 | 600;
  CreationTime?: string;
}

export interface VpcSpec {
  Region: string;
  VpcId: string;
  /** Default: this account; another account's id makes it a VPC shared with this one (RAM). */
  OwnerId?: string;
  CidrBlock?: string;
  IsDefault?: boolean;
  State?: 'pending' | 'available';
  Tags?: Array<{ Key: string; Value?: string }>;
  FlowLogs?: FlowLogSpec[];
}

export interface SecurityHubSpec {
  Region: string;
  SubscribedAt?: string;
  AutoEnableControls?: boolean;
  ControlFindingGenerator?: 'STANDARD_CONTROL' | 'SECURITY_CONTROL';
}

export interface RoleSpec {
  RoleName: string;
  /** A trust policy; principals may be account ids, account root ARNs or role/user ARNs; sts:ExternalId conditions are honoured. */
  AssumeRolePolicyDocument: PolicyDocument | string;
  MaxSessionDuration?: number;
}

export type FaultKind = 'latency' | 'throttle' | 'error' | 'accessDenied' | 'reset' | 'hang';

export interface FaultSpec {
  kind: FaultKind;
  /** Which requests it applies to; every field left out matches all. */
  service?: string;
  operation?: string;
  account?: string;
  region?: string;
  /** latency: fixed ms plus uniform jitter in [0, jitterMs). */
  ms?: number;
  jitterMs?: number;
  /** Probability in [0,1] (seeded RNG). Default 1. */
  rate?: number;
  /** Only once more than N calls were made to this (account, region, service). */
  afterCalls?: number;
  /** error: 500 or 503. throttle: 429 gives the HTTP 429 variant. */
  status?: number;
  /** Stop after injecting this many times. */
  times?: number;
  /**
   * accessDenied: phrase the denial as an explicit deny in a service control policy (what a
   * region-deny SCP such as Control Tower's answers), instead of a missing IAM permission.
   */
  scp?: boolean;
}

/** A world file's `trailLogs` entry. */
export interface TrailLogsSpec {
  /** ARN of a trail of the world. */
  trail: string;
  start: string;
  end: string;
  seed?: number;
  /** Regions that deliver files; default the home region (all enabled regions for a multi-region trail). */
  regions?: string[];
  /** Organization trails: member accounts that deliver; default every account in the organization. */
  accounts?: string[];
  filesPerHour?: number;
  /** Events per log file, [min, max]. */
  eventsPerFile?: [number, number];
  /** Every Nth log file holds ten times as many events. */
  largeFileEvery?: number;
  tamper?: TamperSpec;
}

/** How many files of each kind to damage; targets are drawn from the seed, away from the chain's ends. */
export interface TamperSpec {
  /** Rewrite a log file's content after delivery. */
  modifyLogFiles?: number;
  deleteLogFiles?: number;
  deleteDigests?: number;
  /** A validly signed digest whose previousDigestSignature does not match its predecessor. */
  breakChain?: number;
  /** Sign a digest with a key ListPublicKeys does not know. */
  unknownKeyDigests?: number;
  /** Drop an entry from a digest (and delete that log file), keeping the old signature. */
  forgeDigests?: number;
  /** Add log files that no digest lists. */
  unlistedLogFiles?: number;
}
