import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/package-info.js';
import { collectInventory } from '../../src/collect/inventory.js';
import { FULL_PLAN } from '../../src/collect/sections.js';
import type { Inventory } from '../../src/inventory/types.js';
import { stableStringify } from '../../src/util/stable-json.js';
import { callsByOperation, simTarget } from '../helpers/sim-target.js';
import { useSimulator } from '../helpers/simulator.js';

const WORLD = join(PACKAGE_ROOT, 'test/fixtures/collect/world.yaml');
const EXPECTED = join(PACKAGE_ROOT, 'test/fixtures/collect/expected-inventory.json');
const SCANNED = '123456789012';
const tool = { name: 'trailguard', version: 'test' };
const now = new Date('2026-11-25T00:00:00Z');

// A fixed clock: the simulator dates deliveries by it.
const sim = useSimulator(WORLD, { now: () => now, resetEachTest: true });

/** Request ids count the simulator's calls, so they change with concurrency and page size. */
const normalized = (inventory: Inventory) => `${stableStringify(JSON.parse(JSON.stringify(inventory, (k, v: unknown) => (k === 'requestId' ? undefined : v))))}\n`;

const collect = (overrides = {}) => collectInventory({ target: simTarget(sim, SCANNED, overrides), plan: FULL_PLAN, tool, now });

describe('collector against the simulator', () => {
  it('reads the account into the expected inventory', async () => {
    const { inventory } = await collect();
    const text = normalized(inventory);
    // TRAILGUARD_UPDATE_FIXTURES=1 rewrites the expected file after a deliberate change.
    if (process.env.TRAILGUARD_UPDATE_FIXTURES) await writeFile(EXPECTED, text);
    expect(text).toBe(await readFile(EXPECTED, 'utf8'));
  });

  it('records "not configured" as absent, not as an error', async () => {
    const { inventory } = await collect();
    const account = inventory.accounts[0]!;
    const bucket = account.buckets['collect-main-logs']!;
    // Since 2023 every bucket has SSE-S3 by default; replication has no such default.
    expect(bucket.Encryption?.Rules?.[0]?.ApplyServerSideEncryptionByDefault?.SSEAlgorithm).toBe('AES256');
    expect(bucket.Replication).toBeUndefined();
    expect(bucket.OwnershipControls).toBeDefined();
    expect(bucket.Policy?.Statement[0]?.Sid).toBe('DenyInsecureTransport');
    expect(bucket.Lifecycle?.Rules?.[0]?.Transitions?.[0]).toEqual({ Days: 30, StorageClass: 'GLACIER' });
    expect(account.errors.map((e) => `${e.operation}:${e.errorName}`)).toEqual(['GetBucketLocation:AccessDenied']);
  });

  it('reads each trail once, in its home region, however many regions are enabled', async () => {
    const { inventory } = await collect();
    expect(inventory.accounts[0]!.Regions.filter((r) => r.Enabled)).toHaveLength(17);
    const calls = callsByOperation(sim);
    for (const op of ['GetTrail', 'GetTrailStatus', 'GetEventSelectors']) expect(calls[`cloudtrail:${op}`], op).toBe(2);
    expect(calls['cloudtrail:ListTrails']).toBe(1);
    expect(calls['cloudtrail:GetInsightSelectors']).toBe(1);
    const trailCalls = sim.requests.filter((r) => r.service === 'cloudtrail' && r.operation.startsWith('Get') && r.operation !== 'GetEventDataStore');
    expect(new Set(trailCalls.map((r) => r.region))).toEqual(new Set(['eu-west-1', 'us-east-1']));
  });

  it('follows pagination to the same inventory', async () => {
    sim.setPageSize(1);
    try {
      const { inventory } = await collect();
      expect(normalized(inventory)).toBe(await readFile(EXPECTED, 'utf8'));
      expect(callsByOperation(sim)['organizations:ListAccounts']).toBe(2);
    } finally {
      sim.setPageSize(undefined);
    }
  });

  it('rides out a throttling storm (30% of calls) with adaptive retries', async () => {
    sim.faults.add({ kind: 'throttle', rate: 0.3 });
    const retries: number[] = [];
    const { inventory } = await collectInventory({
      target: simTarget(sim, SCANNED, { maxAttempts: 10 }),
      plan: FULL_PLAN,
      tool,
      now,
      onCall: (e) => retries.push(e.retries),
    });
    expect(retries.reduce((a, b) => a + b, 0)).toBeGreaterThan(10);
    expect(normalized(inventory)).toBe(await readFile(EXPECTED, 'utf8'));
  });

  it('records an AccessDenied on one operation and collects everything else', async () => {
    sim.faults.add({ kind: 'accessDenied', service: 'cloudtrail', operation: 'GetEventSelectors' });
    const { inventory } = await collect();
    const account = inventory.accounts[0]!;
    const denied = account.errors.filter((e) => e.operation === 'GetEventSelectors');
    expect(denied.map((e) => [e.accountId, e.region, e.service, e.errorName, e.resource])).toEqual([
      [SCANNED, 'eu-west-1', 'cloudtrail', 'AccessDeniedException', 'arn:aws:cloudtrail:eu-west-1:123456789012:trail/main'],
      [SCANNED, 'us-east-1', 'cloudtrail', 'AccessDeniedException', 'arn:aws:cloudtrail:us-east-1:123456789012:trail/archive-copy'],
    ]);
    expect(denied[0]!.requestId).toMatch(/./);
    const main = account.trails.find((t) => t.Trail.Name === 'main')!;
    expect(main.AdvancedEventSelectors).toBeUndefined();
    expect(main.Status?.IsLogging).toBe(true);
    expect(Object.keys(account.buckets)).toEqual(['collect-main-logs']);
  });

  it('gives up on a region that hangs, records it, and finishes the rest', async () => {
    sim.faults.add({ kind: 'hang', service: 'events', region: 'eu-west-2' });
    const { inventory } = await collect({ requestTimeoutMs: 500, maxAttempts: 2 });
    const account = inventory.accounts[0]!;
    const hung = account.errors.filter((e) => e.region === 'eu-west-2');
    expect(hung.map((e) => [e.service, e.operation, e.errorName])).toEqual([['events', 'ListRules', 'TimeoutError']]);
    expect(account.eventRules.map((r) => r.Rule.Name)).toEqual(['stop-logging']);
    expect(account.trails).toHaveLength(2);
  });

  it("names the other account when a trail's key belongs to it, and says a foreign bucket is not this account's", async () => {
    const { inventory } = await collect();
    const bucketError = inventory.accounts[0]!.errors.find((e) => e.resource === 'collect-archive-logs')!;
    expect(bucketError.message).toContain('the bucket belongs to another account');
    expect(bucketError.accountId).toBe(SCANNED);
  });

  it('keeps raw responses with their request ids for the evidence bundle', async () => {
    const { raw } = await collectInventory({ target: simTarget(sim, SCANNED), plan: FULL_PLAN, tool, now, keepRaw: true });
    const trail = raw.find((r) => r.operation === 'GetTrail' && r.region === 'eu-west-1')!;
    expect(trail.requestId).toMatch(/./);
    expect(trail.params).toEqual({ Name: 'arn:aws:cloudtrail:eu-west-1:123456789012:trail/main' });
    expect((trail.response as { Trail: { Name: string } }).Trail.Name).toBe('main');
    // Failed calls are errors in the inventory (with their request ids), not raw responses.
    expect(raw.length).toBe(sim.requests.filter((r) => r.status < 300).length);
  });

  it('makes no mutating call, and every call it makes is granted by docs/iam-policy.json', async () => {
    await collect();
    expect(sim.mutations).toEqual([]);
    const policy = JSON.parse(await readFile(join(PACKAGE_ROOT, 'docs/iam-policy.json'), 'utf8')) as { Statement: Array<{ Action: string[] }> };
    const granted = new Set(policy.Statement.flatMap((s) => s.Action.map((a) => a.split(':')[0] + ':' + a.split(':')[1])));
    const iamName: Record<string, string> = {
      's3:GetBucketEncryption': 's3:GetEncryptionConfiguration',
      's3:GetBucketLifecycleConfiguration': 's3:GetLifecycleConfiguration',
      's3:GetPublicAccessBlock': 's3:GetBucketPublicAccessBlock',
      's3:GetObjectLockConfiguration': 's3:GetBucketObjectLockConfiguration',
      's3:GetBucketReplication': 's3:GetReplicationConfiguration',
      's3:ListBuckets': 's3:ListAllMyBuckets',
      's3control:GetPublicAccessBlock': 's3:GetAccountPublicAccessBlock',
    };
    for (const call of Object.keys(callsByOperation(sim))) {
      if (call === 'sts:GetCallerIdentity') continue; // needs no permission
      expect(granted, call).toContain(iamName[call] ?? call);
    }
  });
});
