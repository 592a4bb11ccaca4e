/**
 * The same world as a CloudFormation template and as a live account: the simulator serves
 * test/fixtures/iac/log-archive-world.yaml (examples/iac/cloudformation/log-archive.yaml
 * deployed), `trailguard collect` reads it through the real SDK clients, and `trailguard iac`
 * maps the template. Each resource type's records must have the collector's shapes, and every
 * rule the same verdict on every resource, live-only facts aside.
 */
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Result, ResultsDocument } from '../../src/evaluate/types.js';
import { buildIacInventory } from '../../src/iac/build-inventory.js';
import { readConfigurations } from '../../src/iac/read.js';
import type { AccountInventory, Inventory } from '../../src/inventory/types.js';
import { cli } from '../helpers/cli.js';
import { useSimulator } from '../helpers/simulator.js';
import { IAC_OUTPUT, runIac } from './run-iac.js';

const ACCOUNT = '111122223333';
const TEMPLATE = 'examples/iac/cloudformation/log-archive.yaml';
const TARGET = ['--account-id', ACCOUNT, '--region', 'eu-west-1'];
// The one thing the template cannot know: the id KMS gives the key.
const LIVE_KEY = `arn:aws:kms:eu-west-1:${ACCOUNT}:key/0f1e2d3c-4b5a-4697-8877-665544332211`;
const IAC_KEY = `arn:aws:kms:eu-west-1:${ACCOUNT}:key/TrailKey`;

const sim = useSimulator('test/fixtures/iac/log-archive-world.yaml', { now: () => new Date('2026-12-01T00:00:00Z'), signInAs: ACCOUNT, region: 'eu-west-1' });
let live: AccountInventory;
let liveDoc: ResultsDocument;
let iac: AccountInventory;

beforeAll(async () => {
  mkdirSync(IAC_OUTPUT, { recursive: true });
  const dir = mkdtempSync(join(IAC_OUTPUT, 'parity-'));
  const collected = await cli(['collect', '--endpoint-url', sim.endpoint, '--regions', 'eu-west-1', '-o', join(dir, 'inventory.json')], dir);
  expect(collected.code, collected.err).toBe(0);
  const inventory = JSON.parse(readFileSync(join(dir, 'inventory.json'), 'utf8')) as Inventory;
  live = inventory.accounts[0]!;
  const evaluated = await cli(['evaluate', '--inventory', 'inventory.json', '--scan-time', '2026-12-01T00:00:00Z', '-o', 'results.json'], dir);
  expect(evaluated.code, evaluated.err).toBeLessThan(2);
  liveDoc = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as ResultsDocument;
  const { configurations, target } = readConfigurations([TEMPLATE], { cwd: process.cwd(), accountId: ACCOUNT, region: 'eu-west-1' });
  const built = buildIacInventory({ configurations, target, collectedAt: '2026-12-01T00:00:00Z' });
  iac = JSON.parse(JSON.stringify(built.inventory.accounts[0]).replaceAll(IAC_KEY, LIVE_KEY)) as AccountInventory;
}, 60_000);

describe('each resource type maps to the shapes the collector records for the same configuration', () => {
  it('AWS::CloudTrail::Trail', () => {
    const [mapped] = iac.trails;
    const [read] = live.trails;
    expect(mapped!.Trail).toEqual(read!.Trail);
    expect(mapped!.EventSelectors).toEqual(read!.EventSelectors);
    expect(mapped!.InsightSelectors).toEqual(read!.InsightSelectors);
    expect(mapped!.Tags).toEqual(read!.Tags);
    expect(mapped!.Status?.IsLogging).toBe(read!.Status?.IsLogging);
  });

  it('AWS::S3::Bucket and AWS::S3::BucketPolicy', () => {
    for (const name of Object.keys(live.buckets)) {
      const { Acl: _acl, PolicyStatus: _status, ...read } = live.buckets[name]!;
      expect(iac.buckets[name], name).toEqual(read);
    }
  });

  it('AWS::KMS::Key and AWS::KMS::Alias', () => {
    const mapped = iac.keys[LIVE_KEY]!;
    const read = live.keys[LIVE_KEY]!;
    const { CreationDate: _created, CustomerMasterKeySpec: _spec, EncryptionAlgorithms: _algorithms, ...meta } = read.KeyMetadata as Record<string, unknown>;
    expect({ ...mapped.KeyMetadata, KeyId: read.KeyMetadata.KeyId }).toEqual(meta);
    expect(mapped.KeyRotationEnabled).toBe(read.KeyRotationEnabled);
    expect(mapped.RotationPeriodInDays).toBe(read.RotationPeriodInDays);
    expect(mapped.KeyPolicy).toEqual(read.KeyPolicy);
  });

  it('AWS::Logs::LogGroup and AWS::Logs::MetricFilter', () => {
    const [arn, read] = Object.entries(live.logGroups)[0]!;
    const mapped = iac.logGroups[arn]!;
    expect(mapped.LogGroup).toEqual(pick(read.LogGroup, ['logGroupName', 'arn', 'retentionInDays', 'kmsKeyId']));
    expect(mapped.MetricFilters).toEqual(read.MetricFilters!.map((f) => pick(f, ['filterName', 'filterPattern', 'logGroupName', 'metricTransformations'])));
  });

  it('AWS::CloudWatch::Alarm, AWS::SNS::Topic and its subscriptions', () => {
    expect(iac.alarms).toEqual(
      live.alarms.map((a) =>
        pick(a, [
          'AlarmName',
          'AlarmArn',
          'MetricName',
          'Namespace',
          'ActionsEnabled',
          'AlarmActions',
          'OKActions',
          'InsufficientDataActions',
          'Statistic',
          'Threshold',
          'ComparisonOperator',
          'Dimensions',
        ]),
      ),
    );
    const [arn, read] = Object.entries(live.topics)[0]!;
    expect(iac.topics[arn]!.Subscriptions!.map((s) => pick(s, ['Protocol', 'Endpoint', 'TopicArn']))).toEqual(read.Subscriptions!.map((s) => pick(s, ['Protocol', 'Endpoint', 'TopicArn'])));
  });

  it('AWS::Events::Rule with its targets, AWS::CloudTrail::EventDataStore', () => {
    const [mapped] = iac.eventRules;
    const [read] = live.eventRules;
    expect({ ...mapped, Rule: { ...mapped!.Rule, EventPattern: JSON.parse(mapped!.Rule.EventPattern!) } }).toEqual({
      ...read,
      Rule: { ...pick(read!.Rule, Object.keys(mapped!.Rule)), EventPattern: JSON.parse(read!.Rule.EventPattern!) },
    });
    const [store] = live.eventDataStores;
    expect(iac.eventDataStores[0]).toEqual({ ...pick(store!, Object.keys(iac.eventDataStores[0]!)), EventDataStoreArn: iac.eventDataStores[0]!.EventDataStoreArn });
  });
});

describe('the same world, as a template and as a live account', () => {
  it('gets the same verdict from every rule on every resource, live-only facts aside', async () => {
    const { doc } = await runIac([TEMPLATE, ...TARGET]);
    const key = (r: Result) => `${r.ruleId} ${r.resourceType} ${r.resourceType === 'key' || r.resourceType === 'event-data-store' ? '' : r.resourceName}`;
    const liveByKey = new Map(liveDoc.results.map((r) => [key(r), r.status]));
    // The collector reads the buckets trails write to, not every bucket of the account (the template's access-log bucket).
    const compared = doc.results.filter((r) => r.resourceType !== 'account' && !r.skipReason?.startsWith('live-only') && (r.resourceType !== 'bucket' || r.resourceName in live.buckets));
    expect(compared.length).toBeGreaterThan(25);
    for (const r of compared) expect(`${key(r)}: ${r.status}`).toBe(`${key(r)}: ${liveByKey.get(key(r))}`);
  });
});

function pick<T extends object>(value: T, keys: string[]): Partial<T> {
  return Object.fromEntries(keys.filter((k) => (value as Record<string, unknown>)[k] !== undefined).map((k) => [k, (value as Record<string, unknown>)[k]])) as Partial<T>;
}
