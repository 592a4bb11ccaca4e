/**
 * What each view field and derived fact needs collected, as collector sections. A rule's
 * needs follow from its resource type and the paths its conditions read (Rule.reads), so
 * a rule selection turns into the smallest call plan. Keys are view paths (`[]` marks the
 * elements of an array); the longest key that is a prefix of a read path applies.
 */
import type { ResourceType } from '../rules/types.js';
import type { SectionId } from '../collect/sections.js';

type Needs = Record<string, SectionId[]>;

const MONITORING: SectionId[] = ['trails', 'trail-status', 'trail-event-selectors', 'log-groups', 'metric-filters', 'alarms', 'alarm-topics', 'event-rules'];

/** A trail, as the trail view holds it and as account and organization views list it. */
const TRAIL: Needs = {
  Trail: ['trails'],
  Status: ['trail-status'],
  EventSelectors: ['trail-event-selectors'],
  AdvancedEventSelectors: ['trail-event-selectors'],
  InsightSelectors: ['trail-insight-selectors'],
  Tags: ['trail-tags'],
  derived: ['trails'],
  'derived.coversRegions': ['trails', 'regions'],
  'derived.coversAccounts': ['trails', 'organization-accounts'],
  'derived.managementEvents': ['trail-event-selectors'],
  'derived.logsAllManagementEvents': ['trail-event-selectors'],
  'derived.s3DataEvents': ['trail-event-selectors'],
  'derived.dataEventTypes': ['trail-event-selectors'],
  'derived.hoursSince': ['trail-status'],
  'derived.keyPolicy': ['key-metadata', 'key-policy'],
};

const BUCKET: Needs = {
  Bucket: ['bucket-location'],
  'Bucket.Policy': ['bucket-policy'],
  'Bucket.PolicyStatus': ['bucket-policy-status'],
  'Bucket.Acl': ['bucket-acl'],
  'Bucket.OwnershipControls': ['bucket-ownership-controls'],
  'Bucket.Encryption': ['bucket-encryption'],
  'Bucket.Lifecycle': ['bucket-lifecycle'],
  'Bucket.Versioning': ['bucket-versioning'],
  'Bucket.PublicAccessBlock': ['bucket-public-access-block'],
  'Bucket.ObjectLock': ['bucket-object-lock'],
  'Bucket.Logging': ['bucket-logging'],
  'Bucket.Replication': ['bucket-replication'],
  AccountPublicAccessBlock: ['account-public-access-block'],
};

const KEY: Needs = {
  KmsKey: ['key-metadata'],
  'KmsKey.KeyRotationEnabled': ['key-rotation'],
  'KmsKey.RotationPeriodInDays': ['key-rotation'],
  'KmsKey.KeyPolicy': ['key-policy'],
  'KmsKey.Aliases': ['key-aliases'],
};

const LOG_GROUP: Needs = { LogGroup: ['log-groups'], MetricFilters: ['metric-filters'] };

const prefixed = (prefix: string, needs: Needs): Needs => Object.fromEntries(Object.entries(needs).map(([k, v]) => [`${prefix}${k}`, v]));

export const VIEW_NEEDS: Record<ResourceType, { base: SectionId[]; fields: Needs }> = {
  trail: { base: ['trails'], fields: { ...TRAIL, ...BUCKET, ...KEY, ...LOG_GROUP } },
  account: {
    base: ['regions'],
    fields: {
      Regions: ['regions'],
      IsManagementAccount: ['organization'],
      AccountPublicAccessBlock: ['account-public-access-block'],
      'derived.trails': ['trails'],
      ...prefixed('derived.trails[].', TRAIL),
      'derived.coveredRegions': ['trails', 'trail-status', 'regions'],
      'derived.uncoveredRegions': ['trails', 'trail-status', 'regions'],
      'derived.s3DataEvents': ['trails', 'trail-status', 'trail-event-selectors'],
      'derived.dataEventTypesRecorded': ['trails', 'trail-status', 'trail-event-selectors'],
      'derived.monitoring': MONITORING,
      'derived.eventDataStores': ['event-data-stores'],
      'derived.configRecorders': ['config-recorders'],
      'derived.flowLogs': ['vpc-flow-logs'],
      'derived.securityHub': ['security-hub'],
    },
  },
  organization: {
    base: ['organization'],
    fields: {
      Organization: ['organization'],
      Accounts: ['organization-accounts'],
      EnabledServicePrincipals: ['organization-services'],
      DelegatedAdministrators: ['organization-services'],
      Policies: ['organization-policies'],
      derived: ['organization', 'organization-services'],
      'derived.organizationTrails': ['trails', 'organization-services'],
      ...prefixed('derived.organizationTrails[].', TRAIL),
      'derived.organizationTrailReach': ['trails', 'organization-accounts'],
      'derived.cloudTrailScp': ['organization-accounts', 'organization-policies', 'organization-structure'],
    },
  },
  bucket: {
    base: ['trails', 'bucket-location'],
    fields: {
      ...BUCKET,
      'derived.trails': ['trails'],
      'derived.logPrefixes': ['trails'],
      'derived.lifecycle': ['trails', 'bucket-lifecycle'],
      'derived.objectLock': ['bucket-object-lock'],
      'derived.publicAccess': ['bucket-policy', 'bucket-policy-status', 'bucket-acl', 'bucket-ownership-controls', 'bucket-public-access-block', 'account-public-access-block'],
      'derived.bucketPolicy': ['bucket-policy'],
      'derived.exists': ['trails'],
      'derived.ownerKnown': ['trails', 'organization-accounts'],
    },
  },
  key: { base: ['trails', 'key-metadata'], fields: { ...KEY, 'derived.trails': ['trails'], 'derived.eventDataStores': ['event-data-stores'] } },
  'event-data-store': { base: ['event-data-stores'], fields: { EventDataStore: ['event-data-stores'], derived: ['event-data-stores'] } },
  'log-group': {
    base: ['trails', 'log-groups'],
    fields: { ...LOG_GROUP, 'derived.trails': ['trails'], 'derived.filters': ['metric-filters'], 'derived.filters[].alarms': ['alarms'], 'derived.filters[].alarms[].topics': ['alarm-topics'] },
  },
};

/** The sections one read path needs, or undefined when no view declares it. */
export function sectionsForPath(resource: ResourceType, path: string): SectionId[] | undefined {
  const { fields } = VIEW_NEEDS[resource];
  let best: string | undefined;
  for (const key of Object.keys(fields)) {
    const covers = path === key || path.startsWith(`${key}.`) || path.startsWith(`${key}[]`);
    if (covers && (best === undefined || key.length > best.length)) best = key;
  }
  return best === undefined ? undefined : fields[best];
}
