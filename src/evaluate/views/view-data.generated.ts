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
  ActionsEnabled?: boolean;
  AlarmActions: string[];
  topics: TopicFacts[];
};

export type FilterFacts = {
  filterName: string;
  filterPattern?: string;
  metricTransformations: MetricTransformation[];
  alarms: AlarmFacts[];
};

export type TopicFacts = {
  TopicArn: string;
  Attributes?: Record<string, string>;
  subscriptions?: Subscription[];
  confirmedSubscriptions?: number;
  $errors: SectionErrors;
};

export type TrailSummary = {
  Trail: Trail;
  Status?: GetTrailStatusResponse;
  EventSelectors?: EventSelector[];
  AdvancedEventSelectors?: AdvancedEventSelector[];
  InsightSelectors?: InsightSelector[];
  Tags?: Tag[];
  derived: {
    ownerAccountId: string;
    isOrganizationTrail: boolean;
    isShadow: boolean;
    coversRegions: string[];
    coversAccounts: string[];
    logPrefix: string;
    managementEvents?: { read: boolean; write: boolean; all: boolean; excludedSources: string[] };
    logsAllManagementEvents?: boolean;
    s3DataEvents?: S3DataEvents;
    dataEventTypes?: DataEventType[];
    hoursSince: Record<string, number>;
  };
  $errors: SectionErrors;
};

/** The trail view's data (docs/views.md). */
export type TrailViewData = {
  Trail: Trail;
  Status?: GetTrailStatusResponse;
  EventSelectors?: EventSelector[];
  AdvancedEventSelectors?: AdvancedEventSelector[];
  InsightSelectors?: InsightSelector[];
  Tags?: Tag[];
  derived: {
    ownerAccountId: string;
    isOrganizationTrail: boolean;
    isShadow: boolean;
    coversRegions: string[];
    coversAccounts: string[];
    logPrefix: string;
    managementEvents?: { read: boolean; write: boolean; all: boolean; excludedSources: string[] };
    logsAllManagementEvents?: boolean;
    s3DataEvents?: S3DataEvents;
    dataEventTypes?: DataEventType[];
    hoursSince: Record<string, number>;
    keyPolicy?: { allowsTrail: boolean; unscopedCloudTrailGrants: string[]; publicGrants: string[] };
  };
  Bucket?: BucketRecord;
  KmsKey?: KeyRecord;
  LogGroup?: {
    LogGroup: LogGroup;
    MetricFilters?: MetricFilter[];
  };
  $errors: SectionErrors;
  $partial?: SectionErrors;
};

/** The account view's data (docs/views.md). */
export type AccountViewData = {
  AccountId: string;
  Regions: string[];
  IsManagementAccount: boolean;
  derived: {
    trails?: TrailSummary[];
    coveredRegions?: string[];
    uncoveredRegions?: string[];
    s3DataEvents?: AccountS3DataEvents;
    dataEventTypesRecorded?: { read: string[]; write: string[] };
    monitoring?: Record<string, ControlFacts>;
    configRecorders?: ConfigRecorderFacts;
    flowLogs?: FlowLogFacts;
    securityHub?: { regionsEnabled: string[]; regionsDisabled: string[]; regionsUnread: string[] };
  };
  $errors: SectionErrors;
  $partial?: SectionErrors;
};

/** The organization view's data (docs/views.md). */
export type OrganizationViewData = {
  Organization?: Organization;
  Accounts?: Account[];
  Roots?: Root[];
  OrganizationalUnits?: OrganizationalUnit[];
  AccountParents?: Record<string, string>;
  EnabledServicePrincipals?: EnabledServicePrincipal[];
  DelegatedAdministrators?: Record<string, DelegatedAdministrator[]>;
  Policies?: Policy[];
  derived: {
    organizationTrails?: TrailSummary[];
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
  AccountPublicAccessBlock?: PublicAccessBlockConfiguration;
  derived: {
    trails: string[];
    logPrefixes: string[];
    lifecycle?: Array<{ prefix: string; archiveTransitionDays?: number; expirationDays?: number }>;
    exists?: boolean;
    ownerKnown?: boolean;
    publicAccess?: { public: boolean; via: string[] };
    bucketPolicy?: BucketPolicyFacts;
    objectLock?: { enabled: boolean; mode?: string; defaultRetentionDays?: number };
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
    managementEvents?: ManagementEvents;
    logsAllManagementEvents?: boolean;
    s3DataEvents?: S3DataEvents;
    dataEventTypes?: DataEventType[];
  };
  $errors: SectionErrors;
  $partial?: SectionErrors;
};

/** The log-group view's data (docs/views.md). */
export type LogGroupViewData = {
  LogGroup: LogGroup;
  MetricFilters?: MetricFilter[];
  derived: {
    trails: string[];
    filters?: FilterFacts[];
  };
  $errors: SectionErrors;
  $partial?: SectionErrors;
};
