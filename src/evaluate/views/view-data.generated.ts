// Generated from src/rules/view-catalogue.ts by `npm run docs` (src/docs/view-types.ts): do not edit.
import type { SectionErrors } from './derived/errors.js';
import type { AdvancedEventSelector, BucketRecord, EventDataStoreRecord, EventSelector, KeyRecord, LogGroupRecord, MetricFilter, OrgAccount, OrganizationInventory, PublicAccessBlockConfiguration, TopicRecord, TrailRecord } from '../../inventory/types.js';
import type { AccountS3DataEvents } from './account.js';
import type { BucketPolicyFacts } from './derived/bucket-policy.js';
import type { ConfigRecorderFacts } from './derived/config-recorders.js';
import type { DataEventType, S3DataEvents } from './derived/data-events.js';
import type { FlowLogFacts } from './derived/flow-logs.js';
import type { ManagementEvents } from './derived/management-events.js';
import type { ControlFacts } from './derived/monitoring.js';
import type { AccountReach } from './derived/organization-reach.js';
import type { CloudTrailScp } from './derived/scp-cloudtrail.js';

type Account = OrgAccount;
type CloudTrailScpFacts = CloudTrailScp;
type DelegatedAdministrator = NonNullable<OrganizationInventory['DelegatedAdministrators']>[string][number];
type EnabledServicePrincipal = NonNullable<OrganizationInventory['EnabledServicePrincipals']>[number];
type EventDataStore = EventDataStoreRecord;
type GetTrailStatusResponse = NonNullable<TrailRecord['Status']>;
type InsightSelector = NonNullable<TrailRecord['InsightSelectors']>[number];
type LogGroup = LogGroupRecord['LogGroup'];
type MetricTransformation = NonNullable<MetricFilter['metricTransformations']>[number];
type Organization = NonNullable<OrganizationInventory['Organization']>;
type OrganizationalUnit = NonNullable<OrganizationInventory['OrganizationalUnits']>[number];
type Policy = NonNullable<OrganizationInventory['Policies']>[number];
type Root = NonNullable<OrganizationInventory['Roots']>[number];
type Subscription = NonNullable<TopicRecord['Subscriptions']>[number];
type Tag = NonNullable<TrailRecord['Tags']>[number];
type Trail = TrailRecord['Trail'];

export type AlarmFacts = {
  AlarmName: string;
  AlarmArn: string;
  ActionsEnabled?: boolean | undefined;
  AlarmActions: string[];
  topics: TopicFacts[];
};

export type FilterFacts = {
  filterName: string;
  filterPattern?: string | undefined;
  metricTransformations: MetricTransformation[];
  alarms: AlarmFacts[];
};

export type TopicFacts = {
  TopicArn: string;
  Attributes?: Record<string, string> | undefined;
  subscriptions?: Subscription[] | undefined;
  confirmedSubscriptions?: number | undefined;
  $errors: SectionErrors;
};

export type TrailSummary = {
  Trail: Trail;
  Status?: GetTrailStatusResponse | undefined;
  derived: {
    ownerAccountId: string;
    isOrganizationTrail: boolean;
    isShadow: boolean;
    coversRegions: string[];
    coversAccounts: string[];
    logPrefix: string;
    managementEvents?: { read: boolean; write: boolean; all: boolean; excludedSources: string[] } | undefined;
    logsAllManagementEvents?: boolean | undefined;
    s3DataEvents?: S3DataEvents | undefined;
    dataEventTypes?: DataEventType[] | undefined;
    hoursSince: Record<string, number>;
  };
  $errors: SectionErrors;
};

/** The trail view's data (docs/views.md). */
export type TrailViewData = {
  Trail: Trail;
  Status?: GetTrailStatusResponse | undefined;
  EventSelectors?: EventSelector[] | undefined;
  AdvancedEventSelectors?: AdvancedEventSelector[] | undefined;
  InsightSelectors?: InsightSelector[] | undefined;
  Tags?: Tag[] | undefined;
  derived: {
    ownerAccountId: string;
    isOrganizationTrail: boolean;
    isShadow: boolean;
    coversRegions: string[];
    coversAccounts: string[];
    logPrefix: string;
    managementEvents?: { read: boolean; write: boolean; all: boolean; excludedSources: string[] } | undefined;
    logsAllManagementEvents?: boolean | undefined;
    s3DataEvents?: S3DataEvents | undefined;
    dataEventTypes?: DataEventType[] | undefined;
    hoursSince: Record<string, number>;
    keyPolicy?: { allowsTrail: boolean; unscopedCloudTrailGrants: string[]; publicGrants: string[] } | undefined;
  };
  Bucket?: BucketRecord | undefined;
  KmsKey?: KeyRecord | undefined;
  LogGroup?: {
    LogGroup: LogGroup;
    MetricFilters?: MetricFilter[] | undefined;
  } | undefined;
  $errors: SectionErrors;
  $partial?: SectionErrors;
};

/** The account view's data (docs/views.md). */
export type AccountViewData = {
  AccountId: string;
  Regions: string[];
  IsManagementAccount: boolean;
  derived: {
    trails?: TrailSummary[] | undefined;
    coveredRegions?: string[] | undefined;
    uncoveredRegions?: string[] | undefined;
    s3DataEvents?: AccountS3DataEvents | undefined;
    dataEventTypesRecorded?: { read: string[]; write: string[] } | undefined;
    monitoring?: Record<string, ControlFacts> | undefined;
    configRecorders?: ConfigRecorderFacts | undefined;
    flowLogs?: FlowLogFacts | undefined;
    securityHub?: { regionsEnabled: string[]; regionsDisabled: string[]; regionsUnread: string[] } | undefined;
  };
  $errors: SectionErrors;
  $partial?: SectionErrors;
};

/** The organization view's data (docs/views.md). */
export type OrganizationViewData = {
  Organization?: Organization | undefined;
  Accounts?: Account[] | undefined;
  Roots?: Root[] | undefined;
  OrganizationalUnits?: OrganizationalUnit[] | undefined;
  AccountParents?: Record<string, string> | undefined;
  EnabledServicePrincipals?: EnabledServicePrincipal[] | undefined;
  DelegatedAdministrators?: Record<string, DelegatedAdministrator[]> | undefined;
  Policies?: Policy[] | undefined;
  derived: {
    organizationTrails?: TrailSummary[] | undefined;
    organizationTrailReach: AccountReach[];
    cloudTrailDelegatedAdministrators: string[];
    cloudTrailTrustedAccess: boolean;
    cloudTrailScp: CloudTrailScpFacts;
  };
  $errors: SectionErrors;
  $partial?: SectionErrors;
};

/** The bucket view's data (docs/views.md). */
export type BucketViewData = {
  Bucket: BucketRecord;
  AccountPublicAccessBlock?: PublicAccessBlockConfiguration | undefined;
  derived: {
    trails: string[];
    logPrefixes: string[];
    lifecycle?: Array<{ prefix: string; archiveTransitionDays?: number; expirationDays?: number }> | undefined;
    exists?: boolean | undefined;
    ownerKnown?: boolean | undefined;
    publicAccess?: { public: boolean; via: string[] } | undefined;
    bucketPolicy?: BucketPolicyFacts | undefined;
    objectLock?: { enabled: boolean; mode?: string; defaultRetentionDays?: number } | undefined;
  };
  $errors: SectionErrors;
  $partial?: SectionErrors;
};

/** The key view's data (docs/views.md). */
export type KeyViewData = {
  KmsKey: KeyRecord;
  derived: {
    trails: string[];
    eventDataStores: string[];
  };
  $errors: SectionErrors;
  $partial?: SectionErrors;
};

/** The event-data-store view's data (docs/views.md). */
export type EventDataStoreViewData = {
  EventDataStore: EventDataStore;
  derived: {
    ownerAccountId: string;
    managementEvents?: ManagementEvents | undefined;
    logsAllManagementEvents?: boolean | undefined;
    s3DataEvents?: S3DataEvents | undefined;
    dataEventTypes?: DataEventType[] | undefined;
  };
  $errors: SectionErrors;
  $partial?: SectionErrors;
};

/** The log-group view's data (docs/views.md). */
export type LogGroupViewData = {
  LogGroup: LogGroup;
  MetricFilters?: MetricFilter[] | undefined;
  derived: {
    trails: string[];
    filters?: FilterFacts[] | undefined;
  };
  $errors: SectionErrors;
  $partial?: SectionErrors;
};
