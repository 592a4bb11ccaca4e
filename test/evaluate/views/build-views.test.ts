import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildViews } from '../../../src/evaluate/views/index.js';
import type { View } from '../../../src/evaluate/types.js';
import { loadInventory } from '../../../src/inventory/load.js';
import type { Inventory } from '../../../src/inventory/types.js';
import { account, apiError, bucket, inventory, key, trail } from './inventory-builder.js';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'inventory');
const of = (views: View[], type: View['type']) => views.filter((v) => v.type === type);
const one = (views: View[], type: View['type'], name?: string) => {
  const found = of(views, type).filter((v) => name === undefined || v.name === name);
  expect(found, `${type} ${name ?? ''}`).toHaveLength(1);
  return found[0]!;
};
/** A value of the view's data by dot path (`derived.trails.0.Trail`), as rules read it. */
const get = (v: View, path: string): unknown => path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], v.data);

describe('trail views', () => {
  it('an organization trail listed by every account is one view, in its owner account at its home region', () => {
    const views = buildViews(loadInventory(join(FIXTURES, 'control-tower.json')));
    const t = one(views, 'trail');
    expect(t).toMatchObject({ accountId: '222222222222', region: 'us-east-1', arn: 'arn:aws:cloudtrail:us-east-1:222222222222:trail/aws-controltower-BaselineCloudTrail' });
    // The owner's record is used: the members' AccessDenied on its selectors does not leak in.
    expect(get(t, 'derived')).toMatchObject({ ownerAccountId: '222222222222', isShadow: false, isOrganizationTrail: true, logsAllManagementEvents: true });
    expect(get(t, '$errors')).toEqual({});
  });

  it("prefers the owner's record even when a member's inventory comes first", () => {
    const owner = '999999999999';
    const member = '100000000000';
    const full = trail(owner, 'org', { IsOrganizationTrail: true });
    const copy = { Trail: full.Trail, Status: full.Status };
    const views = buildViews(inventory([account(member, { trails: [copy] }), account(owner, { trails: [full] })]));
    expect(get(one(views, 'trail'), 'EventSelectors')).toEqual(full.EventSelectors);
  });

  it("joins the bucket and key from the log-archive account's inventory", () => {
    const t = one(buildViews(loadInventory(join(FIXTURES, 'control-tower.json'))), 'trail');
    expect(get(t, 'Bucket.OwnerAccountId')).toBe('333333333333');
    expect(get(t, 'KmsKey.KeyMetadata.AWSAccountId')).toBe('333333333333');
    expect(t.related).toContain('arn:aws:s3:::aws-controltower-logs-333333333333-us-east-1');
  });

  it.each([
    ['key ARN', 'arn:aws:kms:us-east-1:222222222222:key/k1'],
    ['alias ARN', 'arn:aws:kms:us-east-1:222222222222:alias/trail'],
    ['key id', 'k1'],
  ])('finds the KMS key by %s', (_how, kmsKeyId) => {
    const [arn, record] = key('222222222222', 'k1', { Aliases: ['alias/trail'] });
    const views = buildViews(inventory([account('111111111111', { trails: [trail('111111111111', 'main', { KmsKeyId: kmsKeyId })] }), account('222222222222', { keys: { [arn]: record } })]));
    expect(get(one(views, 'trail'), 'KmsKey.KeyMetadata.Arn')).toBe(arn);
  });

  it('a referenced bucket or key nobody read is NotCollected, never silently absent', () => {
    const views = buildViews(
      inventory([account('111111111111', { trails: [trail('111111111111', 'main', { S3BucketName: 'central-logs', KmsKeyId: 'arn:aws:kms:eu-west-1:333333333333:key/k9' })] })]),
    );
    const t = one(views, 'trail');
    expect(get(t, '$errors.Bucket')).toMatchObject({ errorName: 'NotCollected', operation: 'GetBucketLocation', resource: 'central-logs' });
    expect(get(t, '$errors.Bucket.message')).toContain('owner account is unknown');
    expect(get(t, '$errors.KmsKey')).toMatchObject({ errorName: 'NotCollected', operation: 'DescribeKey', accountId: '333333333333', region: 'eu-west-1' });
  });

  it('a referenced bucket whose read failed carries that error', () => {
    const a = account('111111111111', { trails: [trail('111111111111', 'main')], errors: [apiError('111111111111', 'GetBucketLocation', 'logs-111111111111')] });
    expect(get(one(buildViews(inventory([a])), 'trail'), '$errors.Bucket')).toMatchObject({ operation: 'GetBucketLocation', errorName: 'AccessDenied' });
  });

  it("maps a joined bucket's section errors onto the trail view", () => {
    const a = account('111111111111', {
      trails: [trail('111111111111', 'main')],
      buckets: { 'logs-111111111111': bucket('logs-111111111111', '111111111111') },
      errors: [apiError('111111111111', 'GetBucketPolicy', 'logs-111111111111')],
    });
    expect(Object.keys(get(one(buildViews(inventory([a])), 'trail'), '$errors') as object)).toEqual(['Bucket.Policy']);
  });

  it('unread status and selectors are errors; the facts derived from unread selectors are absent', () => {
    const arn = 'arn:aws:cloudtrail:us-east-1:111111111111:trail/main';
    const { Trail } = trail('111111111111', 'main');
    const views = buildViews(inventory([account('111111111111', { trails: [{ Trail }], errors: [apiError('111111111111', 'GetEventSelectors', arn)] })]));
    const t = one(views, 'trail');
    const errors = get(t, '$errors') as Record<string, unknown>;
    expect(errors.Status).toMatchObject({ errorName: 'NotCollected', operation: 'GetTrailStatus' });
    expect(errors['derived.logsAllManagementEvents']).toMatchObject({ operation: 'GetEventSelectors', errorName: 'AccessDenied' });
    expect(get(t, 'derived.managementEvents')).toBeUndefined();
    expect(get(t, 'derived.logsAllManagementEvents')).toBeUndefined();
  });

  it('coversRegions: multi-region trails cover the enabled regions, single-region trails their home region', () => {
    const a = account('111111111111', {
      Regions: [
        { RegionName: 'us-east-1', Enabled: true },
        { RegionName: 'eu-west-1', Enabled: true },
        { RegionName: 'me-south-1', Enabled: true, Excluded: true },
        { RegionName: 'ap-east-1', Enabled: false },
      ],
      trails: [trail('111111111111', 'multi'), trail('111111111111', 'single', { IsMultiRegionTrail: false })],
    });
    const views = buildViews(inventory([a]));
    expect(get(one(views, 'trail', 'multi'), 'derived.coversRegions')).toEqual(['eu-west-1', 'us-east-1']);
    expect(get(one(views, 'trail', 'single'), 'derived.coversRegions')).toEqual(['us-east-1']);
  });
});

describe('account views', () => {
  it('members list the organization trail as a shadow that covers them', () => {
    const views = buildViews(loadInventory(join(FIXTURES, 'control-tower.json')));
    const member = one(views, 'account', '444444444444');
    expect(get(member, 'IsManagementAccount')).toBe(false);
    expect(get(member, 'derived.trails')).toHaveLength(1);
    expect(get(member, 'derived.trails.0.derived')).toMatchObject({ isShadow: true, ownerAccountId: '222222222222', logsAllManagementEvents: true });
    expect(get(member, 'derived.coveredRegions')).toEqual(['eu-west-1', 'us-east-1']);
    expect(get(one(views, 'account', '222222222222'), 'IsManagementAccount')).toBe(true);
  });

  it('an organization member is covered by the management account organization trail even when its own listing missed it', () => {
    const ct = loadInventory(join(FIXTURES, 'control-tower.json'));
    const withoutCopies: Inventory = { ...ct, accounts: ct.accounts.map((a) => (a.AccountId === '444444444444' ? { ...a, trails: [] } : a)) };
    expect(get(one(buildViews(withoutCopies), 'account', '444444444444'), 'derived.trails')).toHaveLength(1);
  });

  it('an organization trail of an account that may not own one does not cover others unless they saw it', () => {
    const rogue = trail('555555555555', 'org', { IsOrganizationTrail: true });
    const inv = inventory([account('555555555555', { trails: [rogue] }), account('666666666666')], {
      organization: { Organization: { Id: 'o-1', MasterAccountId: '111111111111' }, Accounts: [{ Id: '555555555555' }, { Id: '666666666666' }], errors: [] },
    });
    expect(get(one(buildViews(inv), 'account', '666666666666'), 'derived.trails')).toEqual([]);
  });

  it('regions only a stopped or single-region trail touches are uncovered; disabled regions are not required', () => {
    const a = account('111111111111', { trails: [trail('111111111111', 'single', { IsMultiRegionTrail: false }), trail('111111111111', 'stopped', {}, { Status: { IsLogging: false } })] });
    const v = one(buildViews(inventory([a])), 'account');
    expect(get(v, 'Regions')).toEqual(['eu-west-1', 'us-east-1']);
    expect(get(v, 'derived.coveredRegions')).toEqual(['us-east-1']);
    expect(get(v, 'derived.uncoveredRegions')).toEqual(['eu-west-1']);
  });

  it('region coverage is an error when an uncovered region may be covered by a trail whose status is unknown', () => {
    const a = account('111111111111', { trails: [{ ...trail('111111111111', 'unknown'), Status: undefined }] });
    const errors = get(one(buildViews(inventory([a])), 'account'), '$errors') as Record<string, unknown>;
    expect(errors['derived.uncoveredRegions']).toMatchObject({ operation: 'GetTrailStatus' });
  });

  it('region coverage is an error when a trail whose configuration could not be read might cover an uncovered region', () => {
    const arn = 'arn:aws:cloudtrail:us-east-1:111111111111:trail/unreadable';
    const a = account('111111111111', {
      trails: [trail('111111111111', 'single', { IsMultiRegionTrail: false }), { Trail: { Name: 'unreadable', TrailARN: arn, HomeRegion: 'us-east-1' }, Status: { IsLogging: true } }],
      errors: [apiError('111111111111', 'GetTrail', arn)],
    });
    const errors = get(one(buildViews(inventory([a])), 'account'), '$errors') as Record<string, unknown>;
    expect(errors['derived.uncoveredRegions']).toMatchObject({ operation: 'GetTrail', resource: arn });
  });

  it('a failed trail listing leaves the trail list partial, found or not: never complete', () => {
    const failed = apiError('111111111111', 'ListTrails');
    const viewOf = (a: ReturnType<typeof account>) => one(buildViews(inventory([a])), 'account');
    const empty = viewOf(account('111111111111', { errors: [failed] }));
    expect(get(empty, '$partial')).toMatchObject({ 'derived.trails': { operation: 'ListTrails' }, 'derived.coveredRegions': { operation: 'ListTrails' } });
    expect(get(empty, '$errors')).toMatchObject({ 'derived.uncoveredRegions': { operation: 'ListTrails' } });
    const found = viewOf(account('111111111111', { trails: [trail('111111111111', 'main')], errors: [failed] }));
    expect(get(found, 'derived.trails')).toHaveLength(1);
    expect(get(found, '$partial')).toMatchObject({ 'derived.trails': { operation: 'ListTrails' } });
    // A logging multi-region trail already covers every region: no hidden trail can change that.
    expect(get(found, 'derived.uncoveredRegions')).toEqual([]);
    expect((get(found, '$errors') as Record<string, unknown>)['derived.uncoveredRegions']).toBeUndefined();
  });

  it('aggregates S3 data events of the logging trails: read on one trail and write on another make All', () => {
    const s3 = (ReadWriteType: 'ReadOnly' | 'WriteOnly') => [
      { ReadWriteType, IncludeManagementEvents: false, DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3:::ledger/'] }] },
    ];
    const a = account('111111111111', {
      trails: [
        trail('111111111111', 'reads', {}, { EventSelectors: s3('ReadOnly') }),
        trail('111111111111', 'writes', {}, { EventSelectors: s3('WriteOnly') }),
        trail('111111111111', 'stopped', {}, { Status: { IsLogging: false }, EventSelectors: [{ DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3'] }] }] }),
      ],
    });
    expect(get(one(buildViews(inventory([a])), 'account'), 'derived.s3DataEvents')).toEqual({
      allBuckets: { read: false, write: false, excludedPrefixes: [], excludedBuckets: [] },
      buckets: [{ Name: 'ledger', ReadWriteType: 'All', TrailArns: ['arn:aws:cloudtrail:us-east-1:111111111111:trail/reads', 'arn:aws:cloudtrail:us-east-1:111111111111:trail/writes'] }],
      fullyLoggedBuckets: ['ledger'],
    });
  });
});

describe('account S3 data events', () => {
  it('keeps a whole-bucket entry apart from a partial one of the same bucket', () => {
    const ledger = { Field: 'resources.ARN', StartsWith: ['arn:aws:s3:::ledger/'] };
    const data = [
      { Field: 'eventCategory', Equals: ['Data'] },
      { Field: 'resources.type', Equals: ['AWS::S3::Object'] },
    ];
    const a = account('111111111111', {
      trails: [
        trail('111111111111', 'partial', {}, { EventSelectors: undefined, AdvancedEventSelectors: [{ FieldSelectors: [...data, { ...ledger, NotEndsWith: ['.tmp'] }] }] }),
        trail('111111111111', 'whole', {}, { EventSelectors: undefined, AdvancedEventSelectors: [{ FieldSelectors: [...data, ledger] }] }),
      ],
    });
    expect(get(one(buildViews(inventory([a])), 'account'), 'derived.s3DataEvents.buckets')).toEqual([
      { Name: 'ledger', Prefix: '', ReadWriteType: 'All', TrailArns: ['arn:aws:cloudtrail:us-east-1:111111111111:trail/partial'] },
      { Name: 'ledger', ReadWriteType: 'All', TrailArns: ['arn:aws:cloudtrail:us-east-1:111111111111:trail/whole'] },
    ]);
  });
});

describe('bucket, key, event data store and log group views', () => {
  it('a bucket view lists the trails writing to it, their log prefixes and the lifecycle of each', () => {
    const a = account('111111111111', {
      trails: [trail('111111111111', 'main'), trail('111111111111', 'legacy', { S3KeyPrefix: 'legacy' })],
      buckets: {
        'logs-111111111111': bucket('logs-111111111111', '111111111111', {
          Region: 'eu-west-1',
          Lifecycle: { Rules: [{ Status: 'Enabled', Filter: { Prefix: 'AWSLogs/' }, Transitions: [{ Days: 30, StorageClass: 'GLACIER' }] }] },
        }),
      },
    });
    const b = one(buildViews(inventory([a])), 'bucket');
    expect(b).toMatchObject({ arn: 'arn:aws:s3:::logs-111111111111', accountId: '111111111111', region: 'eu-west-1' });
    expect(get(b, 'derived')).toEqual({
      trails: ['arn:aws:cloudtrail:us-east-1:111111111111:trail/legacy', 'arn:aws:cloudtrail:us-east-1:111111111111:trail/main'],
      logPrefixes: ['AWSLogs/', 'legacy/AWSLogs/'],
      lifecycle: [{ prefix: 'AWSLogs/', archiveTransitionDays: 30 }, { prefix: 'legacy/AWSLogs/' }],
      exists: true,
      ownerKnown: true,
      bucketPolicy: {
        tlsOnly: false,
        cloudTrailGrants: [],
        unscopedCloudTrailGrants: [],
        broadDeleteGrants: [],
        deleteProtection: {
          deniedActions: [],
          undeniedActions: ['s3:DeleteBucket', 's3:DeleteObject', 's3:DeleteObjectVersion', 's3:PutLifecycleConfiguration'],
          exemptPrincipals: [],
          statements: [],
        },
      },
      objectLock: { enabled: false },
      publicAccess: { public: false, via: [] },
    });
  });

  it('an unreadable lifecycle configuration is an error and no lifecycle fact', () => {
    const a = account('111111111111', {
      trails: [trail('111111111111', 'main')],
      buckets: { 'logs-111111111111': bucket('logs-111111111111', '111111111111') },
      errors: [apiError('111111111111', 'GetBucketLifecycleConfiguration', 'logs-111111111111')],
    });
    const b = one(buildViews(inventory([a])), 'bucket');
    expect(Object.keys(get(b, '$errors') as object).sort()).toEqual(['Bucket.Lifecycle', 'derived.lifecycle']);
    expect(get(b, 'derived.lifecycle')).toBeUndefined();
  });

  it('a key view lists the trails encrypting with it, wherever they are', () => {
    const views = buildViews(loadInventory(join(FIXTURES, 'control-tower.json')));
    const k = one(views, 'key');
    expect(k).toMatchObject({ accountId: '333333333333', region: 'us-east-1' });
    expect(get(k, 'derived.trails')).toEqual(['arn:aws:cloudtrail:us-east-1:222222222222:trail/aws-controltower-BaselineCloudTrail']);
  });

  it('an event data store view derives management event coverage from its selectors', () => {
    const a = account('111111111111', {
      eventDataStores: [
        {
          EventDataStoreArn: 'arn:aws:cloudtrail:us-east-1:111111111111:eventdatastore/e1',
          Name: 'lake',
          Region: 'us-east-1',
          AdvancedEventSelectors: [
            {
              FieldSelectors: [
                { Field: 'eventCategory', Equals: ['Management'] },
                { Field: 'readOnly', Equals: ['false'] },
              ],
            },
          ],
        },
      ],
    });
    expect(get(one(buildViews(inventory([a])), 'event-data-store'), 'derived.managementEvents')).toEqual({ read: false, write: true, all: false, excludedSources: [] });
  });

  it('a log group view follows filters to alarms in its region and to their topics and confirmed subscriptions', () => {
    const lg = 'arn:aws:logs:us-east-1:111111111111:log-group:trail';
    const topic = 'arn:aws:sns:us-east-1:111111111111:security';
    const unread = 'arn:aws:sns:us-east-1:111111111111:unread';
    const alarm = (AlarmName: string, region: string, actions: string[]) => ({
      AlarmName,
      AlarmArn: `arn:aws:cloudwatch:${region}:111111111111:alarm:${AlarmName}`,
      MetricName: 'RootUsage',
      Namespace: 'CIS',
      ActionsEnabled: true,
      AlarmActions: actions,
    });
    const a = account('111111111111', {
      trails: [trail('111111111111', 'main', { CloudWatchLogsLogGroupArn: `${lg}:*` })],
      logGroups: {
        [lg]: {
          LogGroup: { logGroupName: 'trail', arn: `${lg}:*` },
          Region: 'us-east-1',
          MetricFilters: [{ filterName: 'root', filterPattern: '{ $.userIdentity.type = "Root" }', metricTransformations: [{ metricName: 'RootUsage', metricNamespace: 'CIS' }] }],
        },
      },
      alarms: [alarm('root', 'us-east-1', [topic, unread]), alarm('elsewhere', 'eu-west-1', [topic])],
      topics: { [topic]: { TopicArn: topic, Subscriptions: [{ SubscriptionArn: `${topic}:1` }, { SubscriptionArn: 'PendingConfirmation' }] } },
    });
    const views = buildViews(inventory([a]));
    const v = one(views, 'log-group');
    expect(get(v, 'derived.trails')).toEqual(['arn:aws:cloudtrail:us-east-1:111111111111:trail/main']);
    expect(get(v, 'derived.filters.0.alarms')).toHaveLength(1);
    expect(get(v, 'derived.filters.0.alarms.0.AlarmName')).toBe('root');
    expect(get(v, 'derived.filters.0.alarms.0.topics.0')).toMatchObject({ TopicArn: topic, confirmedSubscriptions: 1 });
    expect(get(v, 'derived.filters.0.alarms.0.topics.1.$errors.confirmedSubscriptions')).toMatchObject({ errorName: 'NotCollected', operation: 'ListSubscriptionsByTopic' });
    expect(get(one(views, 'trail'), 'LogGroup.LogGroup.logGroupName')).toBe('trail');
  });
});

describe('organization view', () => {
  const org = (extra = {}) => ({ Organization: { Id: 'o-1', MasterAccountId: '111111111111' }, Accounts: [{ Id: '111111111111' }, { Id: '222222222222' }], errors: [], ...extra });

  it('lists organization trails of a CloudTrail delegated administrator', () => {
    const inv = inventory([account('111111111111'), account('222222222222', { trails: [trail('222222222222', 'org', { IsOrganizationTrail: true })] })], {
      organization: org({ DelegatedAdministrators: { 'cloudtrail.amazonaws.com': [{ Id: '222222222222' }] } }),
    });
    const o = one(buildViews(inv), 'organization');
    expect(get(o, 'derived.organizationTrails')).toMatchObject([{ Trail: { Name: 'org' } }]);
    expect(get(o, 'derived.cloudTrailDelegatedAdministrators')).toEqual(['222222222222']);
  });

  it('no organization trail with the management account unread is a partial list (NotCollected), not "none"', () => {
    const o = one(buildViews(inventory([account('222222222222')], { organization: org() })), 'organization');
    expect(get(o, 'derived.organizationTrails')).toEqual([]);
    expect((get(o, '$partial') as Record<string, unknown>)['derived.organizationTrails']).toMatchObject({ errorName: 'NotCollected', accountId: '111111111111' });
  });
});

describe('buildViews', () => {
  it('is deterministic: the order of accounts in the inventory does not change the views', () => {
    const ct = loadInventory(join(FIXTURES, 'control-tower.json'));
    const reversed = { ...ct, accounts: [...ct.accounts].reverse() };
    expect(JSON.stringify(buildViews(reversed))).toBe(JSON.stringify(buildViews(ct)));
    expect(buildViews(ct).map((v) => v.type)).toEqual(['organization', 'account', 'account', 'account', 'trail', 'bucket', 'key']);
  });
});
