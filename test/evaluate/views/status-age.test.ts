import { describe, expect, it } from 'vitest';
import { buildViews } from '../../../src/evaluate/views/index.js';
import { hoursSince } from '../../../src/evaluate/views/derived/status-age.js';
import type { Inventory, TrailRecord } from '../../../src/inventory/types.js';

const COLLECTED = '2026-01-01T12:00:00.000Z';

describe('derived.hoursSince', () => {
  it('gives the hours from each status time to the collection time', () => {
    const ages = hoursSince(
      { IsLogging: true, LatestDeliveryTime: '2026-01-01T11:45:00.000Z', LatestDigestDeliveryTime: '2026-01-01T09:00:00.000Z', StartLoggingTime: '2025-12-31T12:00:00.000Z' },
      COLLECTED,
    );
    expect(ages).toEqual({ LatestDeliveryTime: 0.25, LatestDigestDeliveryTime: 3, StartLoggingTime: 24 });
  });

  it('leaves out times that are absent or not times, so a rule reads "never delivered" as absent', () => {
    expect(hoursSince({ IsLogging: true, LatestCloudWatchLogsDeliveryTime: 'yesterday' }, COLLECTED)).toEqual({});
    expect(hoursSince(undefined, COLLECTED)).toEqual({});
  });

  const trail = (status?: TrailRecord['Status']): TrailRecord => ({
    Trail: { Name: 'main', TrailARN: 'arn:aws:cloudtrail:us-east-1:111111111111:trail/main', HomeRegion: 'us-east-1', IsMultiRegionTrail: true },
    ...(status ? { Status: status } : {}),
    EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true }],
  });
  const inventory = (record: TrailRecord, errors: Inventory['accounts'][0]['errors'] = []): Inventory => ({
    schemaVersion: 1,
    collectedAt: COLLECTED,
    tool: { name: 'trailguard', version: 'test' },
    partition: 'aws',
    accounts: [
      {
        AccountId: '111111111111',
        Regions: [{ RegionName: 'us-east-1', Enabled: true }],
        trails: [record],
        buckets: {},
        keys: {},
        logGroups: {},
        alarms: [],
        topics: {},
        eventRules: [],
        eventDataStores: [],
        errors,
      },
    ],
  });
  const trailData = (inv: Inventory) =>
    buildViews(inv).find((v) => v.type === 'trail')!.data as { derived: Record<string, unknown>; $errors: Record<string, { operation: string; errorName: string }> };

  it('is computed against the inventory collection time in the trail view', () => {
    const data = trailData(inventory(trail({ IsLogging: true, LatestDigestDeliveryTime: '2026-01-01T10:30:00.000Z' })));
    expect(data.derived.hoursSince).toEqual({ LatestDigestDeliveryTime: 1.5 });
  });

  it('is unreadable, naming the call, when GetTrailStatus failed', () => {
    const denied = {
      accountId: '111111111111',
      region: 'us-east-1',
      service: 'cloudtrail',
      operation: 'GetTrailStatus',
      resource: 'arn:aws:cloudtrail:us-east-1:111111111111:trail/main',
      errorName: 'AccessDeniedException',
      message: 'denied',
    };
    const data = trailData(inventory(trail(), [denied]));
    expect(data.$errors['derived.hoursSince']).toMatchObject({ operation: 'GetTrailStatus', errorName: 'AccessDeniedException' });
  });

  it('is unreadable (NotCollected) when the status was never read', () => {
    const data = trailData(inventory(trail()));
    expect(data.$errors['derived.hoursSince']).toMatchObject({ operation: 'GetTrailStatus', errorName: 'NotCollected' });
  });
});
