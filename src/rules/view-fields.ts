/**
 * The top-level fields each resource view holds (src/evaluate/views/*), for checking the
 * paths a rule file names at load time. A stand-in for the typed view catalogue: when the
 * catalogue lands, this reads it instead, and the callers stay as they are.
 */
import type { ResourceType } from './types.js';

const ROOTS: Record<ResourceType, readonly string[]> = {
  organization: ['Organization', 'Accounts', 'EnabledServicePrincipals', 'DelegatedAdministrators', 'Policies', 'derived'],
  account: ['AccountId', 'Regions', 'IsManagementAccount', 'derived'],
  trail: ['Trail', 'Status', 'EventSelectors', 'AdvancedEventSelectors', 'InsightSelectors', 'Tags', 'Bucket', 'KmsKey', 'LogGroup', 'derived'],
  bucket: ['Bucket', 'AccountPublicAccessBlock', 'derived'],
  key: ['KmsKey', 'derived'],
  'event-data-store': ['EventDataStore', 'derived'],
  'log-group': ['LogGroup', 'MetricFilters', 'derived'],
};

/** Whether `root` (the first segment of a path) is a field of the `resource` view. */
export function isViewField(resource: ResourceType, root: string): boolean {
  return ROOTS[resource].includes(root);
}

export function viewFields(resource: ResourceType): readonly string[] {
  return ROOTS[resource];
}
