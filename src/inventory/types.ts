/**
 * The inventory: what AWS said, when, to whom. Field names are AWS's own, as the SDK v3
 * returns them, so a rule author can read the AWS API reference to know a field.
 * A value that could not be read is absent and its error is listed in `errors`; it is
 * never guessed. A value that AWS reports as "not configured" (NoSuchBucketPolicy,
 * InsightNotEnabledException, ...) is also absent, but with no error.
 */
export interface Inventory {
  schemaVersion: 1;
  /** ISO-8601 time the collection started. */
  collectedAt: string;
  tool: { name: string; version: string };
  /** aws, aws-cn, aws-us-gov. */
  partition: string;
  /** Present when the collection could read AWS Organizations. */
  organization?: OrganizationInventory | undefined;
  accounts: AccountInventory[];
  /** Organization accounts a sweep did not read, and why (suspended, --exclude-accounts, outside --ou). */
  notScanned?: Array<{ AccountId: string; Name?: string; reason: string }>;
}

/** One failed API call. Recorded, never thrown past the collector. */
export interface ApiError {
  accountId: string;
  region: string;
  /** Service short name as in IAM actions: cloudtrail, s3, kms, logs, cloudwatch, sns, events, organizations, sts, account, ec2. */
  service: string;
  /** API operation name, as in the API reference (GetEventSelectors). */
  operation: string;
  /** The resource the call was about (trail ARN, bucket name, key ARN, ...), when there is one. */
  resource?: string;
  /** AWS error code (AccessDenied, AccessDeniedException, ThrottlingException, ...). */
  errorName: string;
  message: string;
  requestId?: string;
  /**
   * The view sections the error leaves unknown, when narrower than all that the operation feeds
   * (src/evaluate/views/derived/errors.ts): `iac` marks single fields known only after apply this way.
   */
  sections?: string[];
}

export interface OrganizationInventory {
  /** organizations:DescribeOrganization → Organization. */
  Organization?: {
    Id: string;
    Arn?: string;
    FeatureSet?: string;
    MasterAccountArn?: string;
    MasterAccountId: string;
    MasterAccountEmail?: string;
  };
  /** organizations:ListAccounts (all pages). */
  Accounts?: OrgAccount[];
  /** organizations:ListRoots. */
  Roots?: Array<{ Id: string; Arn?: string; Name?: string; PolicyTypes?: Array<{ Type?: string; Status?: string }> }>;
  /** OUs found by walking ListOrganizationalUnitsForParent from the roots, with their parent. */
  OrganizationalUnits?: Array<{ Id: string; Arn?: string; Name?: string; ParentId: string }>;
  /** Account id → parent id (root or OU), from ListAccountsForParent / ListParents. */
  AccountParents?: Record<string, string>;
  /** organizations:ListAWSServiceAccessForOrganization. */
  EnabledServicePrincipals?: Array<{ ServicePrincipal: string; DateEnabled?: string }>;
  /** organizations:ListDelegatedAdministrators, keyed by service principal. */
  DelegatedAdministrators?: Record<string, Array<{ Id: string; Arn?: string; Name?: string; Status?: string }>>;
  /** Service control policies: ListPolicies(SERVICE_CONTROL_POLICY) + DescribePolicy + ListTargetsForPolicy. */
  Policies?: Array<{
    PolicySummary: { Id: string; Arn?: string; Name?: string; Type?: string; AwsManaged?: boolean };
    /** The policy document as AWS returned it (a JSON string). */
    Content?: string;
    Targets?: Array<{ TargetId: string; Arn?: string; Name?: string; Type?: string }>;
  }>;
  errors: ApiError[];
}

export interface OrgAccount {
  Id: string;
  Arn?: string;
  Name?: string;
  Email?: string;
  /** ACTIVE | SUSPENDED | PENDING_CLOSURE. */
  Status?: string;
  JoinedMethod?: string;
  JoinedTimestamp?: string;
}

export interface RegionInfo {
  RegionName: string;
  /** ENABLED | ENABLED_BY_DEFAULT | DISABLED | ENABLING | DISABLING (account:ListRegions), or opt-in-not-required | opted-in | not-opted-in (ec2:DescribeRegions). */
  RegionOptStatus?: string;
  /** Whether trailguard treats the region as enabled (and so as one that must be covered). */
  Enabled: boolean;
  /** True when the region was left out by --regions. */
  Excluded?: boolean;
  /**
   * The region is closed to this account by a service control policy: every call made there was
   * refused with an explicit SCP deny, while the same calls were answered in other regions.
   * These are the refusals. A closed region is not required to be covered or configured.
   */
  ClosedBy?: ApiError[];
}

/** One trail, read once at its home region by ARN. */
export interface TrailRecord {
  /** cloudtrail:GetTrail → Trail (or the DescribeTrails entry). */
  Trail: {
    Name: string;
    TrailARN: string;
    HomeRegion: string;
    S3BucketName?: string;
    S3KeyPrefix?: string;
    SnsTopicName?: string;
    SnsTopicARN?: string;
    IncludeGlobalServiceEvents?: boolean;
    IsMultiRegionTrail?: boolean;
    LogFileValidationEnabled?: boolean;
    CloudWatchLogsLogGroupArn?: string;
    CloudWatchLogsRoleArn?: string;
    KmsKeyId?: string;
    HasCustomEventSelectors?: boolean;
    HasInsightSelectors?: boolean;
    IsOrganizationTrail?: boolean;
  };
  /** cloudtrail:GetTrailStatus (without $metadata). */
  Status?:
    | {
        IsLogging?: boolean | undefined;
        LatestDeliveryError?: string;
        LatestNotificationError?: string;
        LatestDeliveryTime?: string;
        LatestNotificationTime?: string;
        StartLoggingTime?: string;
        StopLoggingTime?: string;
        LatestCloudWatchLogsDeliveryError?: string;
        LatestCloudWatchLogsDeliveryTime?: string;
        LatestDigestDeliveryTime?: string;
        LatestDigestDeliveryError?: string;
      }
    | undefined;
  /** cloudtrail:GetEventSelectors → EventSelectors (basic). Absent when the trail uses advanced selectors. */
  EventSelectors?: EventSelector[] | undefined;
  /** cloudtrail:GetEventSelectors → AdvancedEventSelectors. */
  AdvancedEventSelectors?: AdvancedEventSelector[];
  /** cloudtrail:GetInsightSelectors → InsightSelectors; absent when Insights are not enabled. */
  InsightSelectors?: Array<{ InsightType?: string }>;
  /** cloudtrail:ListTags → ResourceTagList[0].TagsList. */
  Tags?: Array<{ Key: string; Value?: string }>;
}

export interface EventSelector {
  ReadWriteType?: 'ReadOnly' | 'WriteOnly' | 'All' | undefined;
  IncludeManagementEvents?: boolean;
  DataResources?: Array<{ Type?: string; Values?: string[] }>;
  ExcludeManagementEventSources?: string[];
}

export interface AdvancedEventSelector {
  Name?: string;
  FieldSelectors: AdvancedFieldSelector[];
}

export interface AdvancedFieldSelector {
  Field: string;
  Equals?: string[];
  StartsWith?: string[];
  EndsWith?: string[];
  NotEquals?: string[];
  NotStartsWith?: string[];
  NotEndsWith?: string[];
}

/** One S3 bucket, read once. Each absent section is either "not configured" or listed in errors. */
export interface BucketRecord {
  Name: string;
  /** Owner account id, when known (the account whose credentials read it, or the trail's bucket owner). */
  OwnerAccountId?: string | undefined;
  /** s3:GetBucketLocation → LocationConstraint normalised to a region name (us-east-1 for null). */
  Region?: string;
  /** s3:GetBucketPolicy → Policy, parsed from its JSON string. */
  Policy?: PolicyDocument | undefined;
  /** s3:GetBucketPolicyStatus → PolicyStatus. */
  PolicyStatus?: { IsPublic?: boolean };
  /** s3:GetBucketAcl. */
  Acl?: { Owner?: { ID?: string; DisplayName?: string }; Grants?: Array<{ Grantee?: { Type?: string; URI?: string; ID?: string; EmailAddress?: string }; Permission?: string }> } | undefined;
  /** s3:GetBucketOwnershipControls → OwnershipControls. */
  OwnershipControls?: { Rules?: Array<{ ObjectOwnership?: string }> };
  /** s3:GetBucketEncryption → ServerSideEncryptionConfiguration. */
  Encryption?: { Rules?: Array<{ ApplyServerSideEncryptionByDefault?: { SSEAlgorithm?: string; KMSMasterKeyID?: string }; BucketKeyEnabled?: boolean }> };
  /** s3:GetBucketLifecycleConfiguration → Rules. */
  Lifecycle?: { Rules?: LifecycleRule[] };
  /** s3:GetBucketVersioning. An empty object means versioning was never enabled. */
  Versioning?: { Status?: 'Enabled' | 'Suspended'; MFADelete?: 'Enabled' | 'Disabled' };
  /** s3:GetPublicAccessBlock → PublicAccessBlockConfiguration (bucket level). */
  PublicAccessBlock?: PublicAccessBlockConfiguration;
  /** s3:GetObjectLockConfiguration → ObjectLockConfiguration. */
  ObjectLock?: { ObjectLockEnabled?: string; Rule?: { DefaultRetention?: { Mode?: string; Days?: number; Years?: number } } };
  /** s3:GetBucketLogging → LoggingEnabled. */
  Logging?: { TargetBucket?: string; TargetPrefix?: string };
  /** s3:GetBucketReplication → ReplicationConfiguration. */
  Replication?: { Role?: string; Rules?: Array<Record<string, unknown>> };
}

export interface PublicAccessBlockConfiguration {
  BlockPublicAcls?: boolean;
  IgnorePublicAcls?: boolean;
  BlockPublicPolicy?: boolean;
  RestrictPublicBuckets?: boolean;
}

export interface LifecycleRule {
  ID?: string;
  Status?: 'Enabled' | 'Disabled' | undefined;
  Prefix?: string;
  Filter?: {
    Prefix?: string;
    And?: { Prefix?: string; Tags?: Array<{ Key: string; Value: string }>; ObjectSizeGreaterThan?: number; ObjectSizeLessThan?: number };
    Tag?: { Key: string; Value: string };
    ObjectSizeGreaterThan?: number;
    ObjectSizeLessThan?: number;
  };
  Transitions?: Array<{ Days?: number; Date?: string; StorageClass?: string }>;
  NoncurrentVersionTransitions?: Array<{ NoncurrentDays?: number; StorageClass?: string }>;
  Expiration?: { Days?: number; Date?: string; ExpiredObjectDeleteMarker?: boolean };
  NoncurrentVersionExpiration?: { NoncurrentDays?: number };
}

export interface PolicyDocument {
  Version?: string;
  Id?: string;
  Statement: PolicyStatement[];
}

export interface PolicyStatement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Principal?: '*' | Record<string, string | string[]> | undefined;
  NotPrincipal?: Record<string, string | string[]>;
  Action?: string | string[] | undefined;
  NotAction?: string | string[];
  Resource?: string | string[];
  NotResource?: string | string[];
  Condition?: Record<string, Record<string, string | string[] | boolean>> | undefined;
}

/** One KMS key, read once: DescribeKey, GetKeyRotationStatus, GetKeyPolicy, ListAliases. */
export interface KeyRecord {
  KeyMetadata: {
    KeyId: string;
    Arn: string;
    AWSAccountId?: string;
    KeyManager?: 'AWS' | 'CUSTOMER';
    KeyState?: string;
    Enabled?: boolean;
    KeySpec?: string;
    KeyUsage?: string;
    Origin?: string;
    MultiRegion?: boolean;
    DeletionDate?: string;
    CreationDate?: string;
    Description?: string;
  };
  KeyRotationEnabled?: boolean;
  /** kms:GetKeyRotationStatus → RotationPeriodInDays. */
  RotationPeriodInDays?: number;
  KeyPolicy?: PolicyDocument | undefined;
  Aliases?: string[];
}

/** One CloudWatch Logs log group (a trail's delivery target) with what hangs off it. */
export interface LogGroupRecord {
  /** logs:DescribeLogGroups entry. */
  LogGroup: { logGroupName: string; arn?: string; retentionInDays?: number; kmsKeyId?: string; creationTime?: number; storedBytes?: number };
  /** The log group's region (from its ARN). */
  Region: string;
  /** logs:DescribeMetricFilters(logGroupName). */
  MetricFilters?: MetricFilter[];
}

export interface MetricFilter {
  filterName: string;
  filterPattern?: string;
  logGroupName?: string;
  metricTransformations?: Array<{ metricName: string; metricNamespace: string; metricValue?: string; defaultValue?: number; dimensions?: Record<string, string> }>;
}

/** cloudwatch:DescribeAlarms(AlarmTypes=[MetricAlarm]) entry, for the metrics of a trail log group's filters. */
export interface MetricAlarm {
  AlarmName: string;
  AlarmArn: string;
  MetricName?: string;
  Namespace?: string;
  ActionsEnabled?: boolean;
  AlarmActions?: string[];
  OKActions?: string[];
  InsufficientDataActions?: string[];
  StateValue?: string;
  Dimensions?: Array<{ Name: string; Value: string }>;
  Statistic?: string;
  Threshold?: number;
  ComparisonOperator?: string;
}

/** One SNS topic named by an alarm: sns:GetTopicAttributes, sns:ListSubscriptionsByTopic. */
export interface TopicRecord {
  TopicArn: string;
  Attributes?: Record<string, string>;
  Subscriptions?: Array<{ SubscriptionArn: string; Protocol?: string; Endpoint?: string; Owner?: string; TopicArn?: string }>;
}

/** One EventBridge rule whose pattern matches CloudTrail events, with its targets. */
export interface EventRuleRecord {
  Rule: { Name: string; Arn: string; EventPattern?: string; State?: string; EventBusName?: string; Description?: string };
  Region: string;
  Targets?: Array<{ Id: string; Arn: string }>;
}

/** cloudtrail:GetEventDataStore. */
export interface EventDataStoreRecord {
  EventDataStoreArn: string;
  Name?: string;
  Status?: string;
  MultiRegionEnabled?: boolean;
  OrganizationEnabled?: boolean;
  RetentionPeriod?: number;
  TerminationProtectionEnabled?: boolean;
  KmsKeyId?: string;
  BillingMode?: string;
  AdvancedEventSelectors?: AdvancedEventSelector[];
  /** The region the store was listed in. */
  Region: string;
}

/**
 * One region's AWS Config recorder. A list is absent when its call failed (the error is listed);
 * an empty list means the region has no recorder.
 */
export interface ConfigRecordersRecord {
  /** config:DescribeConfigurationRecorders → ConfigurationRecorders (the customer-managed recorder). */
  ConfigurationRecorders?: ConfigurationRecorder[];
  /** config:DescribeConfigurationRecorderStatus → ConfigurationRecordersStatus; not read when the region has no recorder. */
  ConfigurationRecordersStatus?: ConfigurationRecorderStatus[];
}

export interface ConfigurationRecorder {
  arn?: string;
  name?: string;
  roleARN?: string;
  recordingGroup?: {
    allSupported?: boolean;
    includeGlobalResourceTypes?: boolean;
    resourceTypes?: string[];
    exclusionByResourceTypes?: { resourceTypes?: string[] };
    /** ALL_SUPPORTED_RESOURCE_TYPES | INCLUSION_BY_RESOURCE_TYPES | EXCLUSION_BY_RESOURCE_TYPES. */
    recordingStrategy?: { useOnly?: string };
  };
  recordingMode?: {
    /** CONTINUOUS | DAILY. */
    recordingFrequency?: string;
    recordingModeOverrides?: Array<{ description?: string; resourceTypes?: string[]; recordingFrequency?: string }>;
  };
  recordingScope?: string;
  servicePrincipal?: string;
}

export interface ConfigurationRecorderStatus {
  arn?: string;
  name?: string;
  recording?: boolean;
  /** Pending | Success | Failure | NotApplicable. */
  lastStatus?: string;
  lastStartTime?: string;
  lastStopTime?: string;
  lastStatusChangeTime?: string;
  lastErrorCode?: string;
  lastErrorMessage?: string;
}

/** One region's VPCs and VPC flow logs. A list is absent when it was not read (its error is listed, or DescribeVpcs failed). */
export interface VpcsRecord {
  /** ec2:DescribeVpcs (all pages). */
  Vpcs?: Array<{ VpcId: string; OwnerId?: string; State?: string; IsDefault?: boolean; CidrBlock?: string; Tags?: Array<{ Key?: string; Value?: string }> }>;
  /** ec2:DescribeFlowLogs (all pages): the flow logs attached to VPCs (ResourceId vpc-...); not read when the region has no VPC. */
  FlowLogs?: FlowLog[];
}

export interface FlowLog {
  FlowLogId?: string;
  ResourceId?: string;
  /** ACCEPT | REJECT | ALL. */
  TrafficType?: string;
  FlowLogStatus?: string;
  /** SUCCESS | FAILED. */
  DeliverLogsStatus?: string;
  DeliverLogsErrorMessage?: string;
  LogDestinationType?: string;
  LogDestination?: string;
  LogGroupName?: string;
  CreationTime?: string;
  MaxAggregationInterval?: number;
}

/** One region's Security Hub. */
export interface SecurityHubRecord {
  /** securityhub:DescribeHub; absent when Security Hub is not enabled (InvalidAccessException, no error) or the call failed (error listed). */
  Hub?: { HubArn?: string; SubscribedAt?: string; AutoEnableControls?: boolean; ControlFindingGenerator?: string };
}

export interface AccountInventory {
  AccountId: string;
  /** sts:GetCallerIdentity for the credentials that read this account. */
  CallerIdentity?: { Account?: string; Arn?: string; UserId?: string };
  /** Every region of the partition, with whether it is enabled for the account. */
  Regions: RegionInfo[];
  /** Every trail the account can see (cloudtrail:ListTrails), each read once at its home region. */
  trails: TrailRecord[];
  /** Buckets this account's credentials read, by name (trail buckets, and any the rules need). */
  buckets: Record<string, BucketRecord>;
  /** s3control:GetPublicAccessBlock (account level) → PublicAccessBlockConfiguration. */
  accountPublicAccessBlock?: PublicAccessBlockConfiguration;
  /** AWS Config per scanned region, by region name (CIS "AWS Config is enabled in all regions"). */
  configRecorders?: Record<string, ConfigRecordersRecord>;
  /** VPCs and their flow logs per scanned region, by region name (CIS "VPC flow logging is enabled in all VPCs"). */
  vpcs?: Record<string, VpcsRecord>;
  /** Security Hub per scanned region, by region name (CIS "AWS Security Hub is enabled"). */
  securityHub?: Record<string, SecurityHubRecord>;
  /** KMS keys read by this account's credentials, by key ARN. */
  keys: Record<string, KeyRecord>;
  /** Trail log groups read by this account's credentials, by log group ARN (without the trailing :*). */
  logGroups: Record<string, LogGroupRecord>;
  alarms: MetricAlarm[];
  /** SNS topics by ARN. */
  topics: Record<string, TopicRecord>;
  eventRules: EventRuleRecord[];
  eventDataStores: EventDataStoreRecord[];
  /**
   * The collector sections read for this account (src/collect/sections.ts); absent means all
   * of them. A rule reading a section left out gets `error` (NotCollected), never a verdict.
   */
  collected?: string[];
  errors: ApiError[];
}
