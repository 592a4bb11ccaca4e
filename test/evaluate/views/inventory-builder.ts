/** Small inventories for view tests: an account with sensible empty sections, trails with basic selectors. */
import type { AccountInventory, ApiError, BucketRecord, Inventory, KeyRecord, TrailRecord } from '../../../src/inventory/types.js';

export function account(AccountId: string, extra: Partial<AccountInventory> = {}): AccountInventory {
  return {
    AccountId,
    Regions: [
      { RegionName: 'us-east-1', Enabled: true },
      { RegionName: 'eu-west-1', Enabled: true },
      { RegionName: 'ap-east-1', Enabled: false },
    ],
    trails: [],
    buckets: {},
    keys: {},
    logGroups: {},
    alarms: [],
    topics: {},
    eventRules: [],
    eventDataStores: [],
    errors: [],
    ...extra,
  };
}

export function inventory(accounts: AccountInventory[], extra: Partial<Inventory> = {}): Inventory {
  return { schemaVersion: 1, collectedAt: '2026-01-01T00:00:00Z', tool: { name: 'trailguard', version: 'test' }, partition: 'aws', accounts, ...extra };
}

export function trail(owner: string, name: string, t: Partial<TrailRecord['Trail']> = {}, extra: Partial<TrailRecord> = {}): TrailRecord {
  return {
    Trail: { Name: name, TrailARN: `arn:aws:cloudtrail:us-east-1:${owner}:trail/${name}`, HomeRegion: 'us-east-1', S3BucketName: `logs-${owner}`, IsMultiRegionTrail: true, ...t },
    Status: { IsLogging: true },
    EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true }],
    ...extra,
  };
}

export function bucket(name: string, owner: string, extra: Partial<BucketRecord> = {}): BucketRecord {
  return { Name: name, OwnerAccountId: owner, Region: 'us-east-1', ...extra };
}

export function key(owner: string, id: string, extra: Partial<KeyRecord> = {}): [string, KeyRecord] {
  const arn = `arn:aws:kms:us-east-1:${owner}:key/${id}`;
  return [arn, { KeyMetadata: { KeyId: id, Arn: arn, AWSAccountId: owner, KeyManager: 'CUSTOMER', Enabled: true, KeyState: 'Enabled' }, KeyRotationEnabled: true, ...extra }];
}

export function apiError(accountId: string, operation: string, resource?: string, errorName = 'AccessDenied'): ApiError {
  return { accountId, region: 'us-east-1', service: 'x', operation, errorName, message: `${operation} denied`, ...(resource ? { resource } : {}) };
}
