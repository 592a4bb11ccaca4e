import { describe, expect, it } from 'vitest';
import {
  CloudTrailClient,
  DescribeTrailsCommand,
  GetEventDataStoreCommand,
  GetEventSelectorsCommand,
  GetInsightSelectorsCommand,
  GetTrailCommand,
  GetTrailStatusCommand,
  ListEventDataStoresCommand,
  ListPublicKeysCommand,
  ListTagsCommand,
  ListTrailsCommand,
} from '@aws-sdk/client-cloudtrail';
import { clientFor, failure, FIXTURE_WORLD, MEMBER, MGMT, STANDALONE } from './helpers.js';
import { useSimulator } from '../helpers/simulator.js';

const ORG_TRAIL = `arn:aws:cloudtrail:us-east-1:${MGMT}:trail/org-trail`;
const WEST_TRAIL = `arn:aws:cloudtrail:us-west-2:${MGMT}:trail/west-only`;
const MEMBER_TRAIL = `arn:aws:cloudtrail:eu-west-1:${MEMBER}:trail/member-trail`;

const sim = useSimulator(FIXTURE_WORLD);
const ct = (account: string, region: string) => clientFor(sim, CloudTrailClient, account, region);

describe('DescribeTrails: home, shadow and organization trails', () => {
  it('shows the home region trails and the shadow copies of multi-region trails', async () => {
    const east = await ct(MGMT, 'us-east-1').send(new DescribeTrailsCommand({}));
    expect(east.trailList?.map((t) => t.TrailARN)).toEqual([ORG_TRAIL]);
    const west = await ct(MGMT, 'us-west-2').send(new DescribeTrailsCommand({}));
    expect(west.trailList?.map((t) => t.TrailARN).sort()).toEqual([ORG_TRAIL, WEST_TRAIL]);
    const eu = await ct(MGMT, 'eu-west-1').send(new DescribeTrailsCommand({}));
    expect(eu.trailList?.map((t) => [t.TrailARN, t.HomeRegion])).toEqual([[ORG_TRAIL, 'us-east-1']]);
  });

  it('returns every DescribeTrails field as the SDK parses them', async () => {
    const [trail] = (await ct(MGMT, 'us-east-1').send(new DescribeTrailsCommand({}))).trailList ?? [];
    expect(trail).toEqual({
      Name: 'org-trail',
      S3BucketName: 'archive-logs',
      SnsTopicName: 'trail-topic',
      SnsTopicARN: `arn:aws:sns:us-east-1:${MGMT}:trail-topic`,
      IncludeGlobalServiceEvents: true,
      IsMultiRegionTrail: true,
      HomeRegion: 'us-east-1',
      TrailARN: ORG_TRAIL,
      LogFileValidationEnabled: true,
      CloudWatchLogsLogGroupArn: `arn:aws:logs:us-east-1:${MGMT}:log-group:trail-group:*`,
      KmsKeyId: 'arn:aws:kms:us-east-1:222222222222:key/11111111-2222-4333-8444-555555555555',
      HasCustomEventSelectors: false,
      HasInsightSelectors: true,
      IsOrganizationTrail: true,
    });
  });

  it('shows the key ARN of a trail configured with a key alias', async () => {
    const west = await ct(MGMT, 'us-west-2').send(new DescribeTrailsCommand({ trailNameList: ['west-only'] }));
    expect(west.trailList?.[0]?.KmsKeyId).toBe(`arn:aws:kms:us-west-2:${MGMT}:key/aaaaaaaa-0000-4000-8000-000000000006`);
  });

  it('leaves shadow copies out with includeShadowTrails false', async () => {
    const west = await ct(MGMT, 'us-west-2').send(new DescribeTrailsCommand({ includeShadowTrails: false }));
    expect(west.trailList?.map((t) => t.TrailARN)).toEqual([WEST_TRAIL]);
  });

  it('shows the organization trail in a member account, in every region', async () => {
    for (const region of ['us-east-1', 'eu-west-1', 'af-south-1']) {
      const list = (await ct(MEMBER, region).send(new DescribeTrailsCommand({}))).trailList ?? [];
      expect(list.map((t) => t.TrailARN)).toContain(ORG_TRAIL);
      expect(list.find((t) => t.TrailARN === ORG_TRAIL)?.IsOrganizationTrail).toBe(true);
    }
    // The member's own single-region trail is only in its home region.
    expect((await ct(MEMBER, 'us-east-1').send(new DescribeTrailsCommand({}))).trailList?.map((t) => t.TrailARN)).toEqual([ORG_TRAIL]);
    expect((await ct(MEMBER, 'eu-west-1').send(new DescribeTrailsCommand({}))).trailList?.map((t) => t.TrailARN).sort()).toEqual([MEMBER_TRAIL, ORG_TRAIL]);
  });

  it('does not show the organization trail to an account outside the organization', async () => {
    expect((await ct(STANDALONE, 'us-east-1').send(new DescribeTrailsCommand({}))).trailList).toEqual([]);
  });

  it('finds names only in the home region and ARNs wherever the trail is visible', async () => {
    const byName = await ct(MGMT, 'us-west-2').send(new DescribeTrailsCommand({ trailNameList: ['org-trail', 'west-only'] }));
    expect(byName.trailList?.map((t) => t.Name)).toEqual(['west-only']);
    const byArn = await ct(MGMT, 'us-west-2').send(new DescribeTrailsCommand({ trailNameList: [ORG_TRAIL] }));
    expect(byArn.trailList?.map((t) => t.Name)).toEqual(['org-trail']);
  });
});

describe('ListTrails', () => {
  it('lists every trail the account can see with its home region, paginated', async () => {
    sim.setPageSize(1);
    try {
      const client = ct(MGMT, 'eu-west-1');
      const first = await client.send(new ListTrailsCommand({}));
      expect(first.Trails).toHaveLength(1);
      expect(first.NextToken).toBeDefined();
      const second = await client.send(new ListTrailsCommand({ NextToken: first.NextToken }));
      expect(second.NextToken).toBeUndefined();
      expect([...(first.Trails ?? []), ...(second.Trails ?? [])]).toEqual([
        { TrailARN: ORG_TRAIL, Name: 'org-trail', HomeRegion: 'us-east-1' },
        { TrailARN: WEST_TRAIL, Name: 'west-only', HomeRegion: 'us-west-2' },
      ]);
    } finally {
      sim.setPageSize(undefined);
    }
  });

  it('includes the organization trail for a member', async () => {
    const out = await ct(MEMBER, 'us-east-1').send(new ListTrailsCommand({}));
    expect(out.Trails?.map((t) => t.TrailARN)).toEqual([MEMBER_TRAIL, ORG_TRAIL]);
  });

  it('rejects a token it did not issue', async () => {
    const e = await failure(ct(MGMT, 'us-east-1').send(new ListTrailsCommand({ NextToken: 'bogus' })));
    expect(e.name).toBe('InvalidTokenException');
  });
});

describe('GetTrail, GetTrailStatus, GetEventSelectors, GetInsightSelectors by name and ARN', () => {
  it('GetTrail by name in the home region, by ARN from a shadow region', async () => {
    expect((await ct(MGMT, 'us-east-1').send(new GetTrailCommand({ Name: 'org-trail' }))).Trail?.TrailARN).toBe(ORG_TRAIL);
    expect((await ct(MGMT, 'eu-west-1').send(new GetTrailCommand({ Name: ORG_TRAIL }))).Trail?.HomeRegion).toBe('us-east-1');
  });

  it('fails by name outside the home region with TrailNotFoundException', async () => {
    const e = await failure(ct(MGMT, 'eu-west-1').send(new GetTrailStatusCommand({ Name: 'org-trail' })));
    expect(e.name).toBe('TrailNotFoundException');
    expect(e.$metadata.httpStatusCode).toBe(400);
  });

  it('fails for a single-region trail asked from another region, even by ARN', async () => {
    const e = await failure(ct(MGMT, 'us-east-1').send(new GetTrailCommand({ Name: WEST_TRAIL })));
    expect(e.name).toBe('TrailNotFoundException');
  });

  it('lets a member read the organization trail by ARN but not by name', async () => {
    const status = await ct(MEMBER, 'eu-west-1').send(new GetTrailStatusCommand({ Name: ORG_TRAIL }));
    expect(status.IsLogging).toBe(true);
    expect((await failure(ct(MEMBER, 'us-east-1').send(new GetTrailCommand({ Name: 'org-trail' })))).name).toBe('TrailNotFoundException');
  });

  it('GetTrailStatus returns the world status with dates', async () => {
    const s = await ct(MGMT, 'us-east-1').send(new GetTrailStatusCommand({ Name: ORG_TRAIL }));
    expect(s.IsLogging).toBe(true);
    expect(s.LatestDeliveryTime).toEqual(new Date('2026-01-02T03:04:05Z'));
    expect(s.LatestDeliveryError).toBe('AccessDenied');
    expect(s.StartLoggingTime).toBeInstanceOf(Date);
  });

  it('GetTrailStatus defaults: recent deliveries for what the trail is configured to deliver', async () => {
    const org = await ct(MGMT, 'us-east-1').send(new GetTrailStatusCommand({ Name: ORG_TRAIL }));
    for (const t of [org.LatestDigestDeliveryTime, org.LatestCloudWatchLogsDeliveryTime, org.LatestNotificationTime]) {
      expect(Date.now() - (t?.getTime() ?? 0)).toBeLessThan(3_600_000);
    }
    const west = await ct(MGMT, 'us-west-2').send(new GetTrailStatusCommand({ Name: 'west-only' }));
    expect([west.LatestDigestDeliveryTime, west.LatestCloudWatchLogsDeliveryTime, west.LatestNotificationTime]).toEqual([undefined, undefined, undefined]);
    expect(west.LatestDeliveryTime).toBeInstanceOf(Date);
  });

  it('GetEventSelectors returns default basic selectors, or the advanced ones, never both', async () => {
    const basic = await ct(MGMT, 'us-east-1').send(new GetEventSelectorsCommand({ TrailName: ORG_TRAIL }));
    expect(basic.EventSelectors).toEqual([{ ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [], ExcludeManagementEventSources: [] }]);
    expect(basic.AdvancedEventSelectors).toBeUndefined();
    const advanced = await ct(MGMT, 'us-west-2').send(new GetEventSelectorsCommand({ TrailName: 'west-only' }));
    expect(advanced.EventSelectors).toBeUndefined();
    expect(advanced.AdvancedEventSelectors?.[0]?.FieldSelectors).toEqual([
      { Field: 'eventCategory', Equals: ['Management'] },
      { Field: 'readOnly', Equals: ['true'] },
    ]);
  });

  it('GetInsightSelectors answers InsightNotEnabledException when none are set', async () => {
    const on = await ct(MGMT, 'us-east-1').send(new GetInsightSelectorsCommand({ TrailName: ORG_TRAIL }));
    expect(on.InsightSelectors).toEqual([{ InsightType: 'ApiCallRateInsight' }]);
    const e = await failure(ct(MGMT, 'us-west-2').send(new GetInsightSelectorsCommand({ TrailName: WEST_TRAIL })));
    expect(e.name).toBe('InsightNotEnabledException');
  });
});

describe('ListTags, event data stores, public keys', () => {
  it('ListTags lists tags of trails homed in the region', async () => {
    const out = await ct(MGMT, 'us-east-1').send(new ListTagsCommand({ ResourceIdList: [ORG_TRAIL] }));
    expect(out.ResourceTagList).toEqual([{ ResourceId: ORG_TRAIL, TagsList: [{ Key: 'team', Value: 'sec' }] }]);
    const e = await failure(ct(MGMT, 'eu-west-1').send(new ListTagsCommand({ ResourceIdList: [ORG_TRAIL] })));
    expect(e.name).toBe('ResourceNotFoundException');
  });

  it('ListEventDataStores paginates and GetEventDataStore reads one', async () => {
    const client = ct(MGMT, 'us-east-1');
    const first = await client.send(new ListEventDataStoresCommand({ MaxResults: 1 }));
    const second = await client.send(new ListEventDataStoresCommand({ MaxResults: 1, NextToken: first.NextToken }));
    const names = [...(first.EventDataStores ?? []), ...(second.EventDataStores ?? [])].map((e) => e.Name);
    expect(names).toEqual(['lake', 'lake-2']);
    expect(second.NextToken).toBeUndefined();
    const arn = first.EventDataStores?.[0]?.EventDataStoreArn ?? '';
    const eds = await client.send(new GetEventDataStoreCommand({ EventDataStore: arn }));
    expect(eds).toMatchObject({
      Name: 'lake',
      OrganizationEnabled: true,
      MultiRegionEnabled: true,
      RetentionPeriod: 2557,
      TerminationProtectionEnabled: true,
      KmsKeyId: 'arn:aws:kms:us-east-1:111111111111:key/lake',
      Status: 'ENABLED',
    });
    expect((await failure(client.send(new GetEventDataStoreCommand({ EventDataStore: 'nope' })))).name).toBe('EventDataStoreNotFoundException');
  });

  it('ListPublicKeys serves the world keys valid in the range', async () => {
    sim.world.cloudTrailPublicKeys.push(
      { Value: Buffer.from('key-one'), ValidityStartTime: new Date('2026-01-01T00:00:00Z'), ValidityEndTime: new Date('2026-02-01T00:00:00Z'), Fingerprint: 'f1' },
      { Value: Buffer.from('key-two'), ValidityStartTime: new Date('2026-02-01T00:00:00Z'), ValidityEndTime: new Date('2026-03-01T00:00:00Z'), Fingerprint: 'f2' },
    );
    try {
      const out = await ct(MGMT, 'us-east-1').send(new ListPublicKeysCommand({ StartTime: new Date('2026-01-10T00:00:00Z'), EndTime: new Date('2026-01-20T00:00:00Z') }));
      expect(out.PublicKeyList).toHaveLength(1);
      expect(Buffer.from(out.PublicKeyList?.[0]?.Value ?? new Uint8Array()).toString()).toBe('key-one');
      expect(out.PublicKeyList?.[0]?.ValidityEndTime).toEqual(new Date('2026-02-01T00:00:00Z'));
      expect(out.PublicKeyList?.[0]?.Fingerprint).toBe('f1');
    } finally {
      sim.world.cloudTrailPublicKeys.length = 0;
    }
  });
});
