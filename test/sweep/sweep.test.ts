/**
 * Organization sweeps against the simulator: a generated 50-account organization with
 * member-role failures, throttling and suspended accounts, read from the management account.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_CONFIG } from '../../src/config/load.js';
import type { MemberRole } from '../../src/collect/aws-target.js';
import { FULL_PLAN } from '../../src/collect/sections.js';
import type { Result, ResultsDocument } from '../../src/evaluate/types.js';
import type { Inventory } from '../../src/inventory/types.js';
import { loadRuleSet } from '../../src/rules/load.js';
import { evaluateInventory } from '../../src/scan/evaluate-inventory.js';
import { generateWorld, type WorldSpec } from '../../src/simulator/index.js';
import { mergeInventories } from '../../src/sweep/merge.js';
import { sweepOrganization, type SweepOptions } from '../../src/sweep/sweep.js';
import { simTarget } from '../helpers/sim-target.js';
import { useSimulator } from '../helpers/simulator.js';

const MANAGEMENT = '100000000000';
const LOG_ARCHIVE = '100000000001';
const NO_ROLE = '100000000010';
const UNTRUSTED = '100000000011';
const tool = { name: 'trailguard', version: 'test' };
const now = new Date('2026-11-25T00:00:00Z');
const role: MemberRole = { roleName: 'OrganizationAccountAccessRole', sessionName: 'trailguard-test', durationSeconds: 3600 };
const rules = loadRuleSet().rules;

/** 50 accounts; one member without the role, one whose role trusts someone else. */
function world(): WorldSpec {
  const spec = generateWorld({ accounts: 50, regions: 4, seed: 7 });
  for (const account of spec.accounts) {
    if (account.Id === NO_ROLE) account.roles = [];
    if (account.Id === UNTRUSTED) {
      account.Status = 'ACTIVE';
      account.roles = [
        {
          RoleName: role.roleName,
          AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::999999999999:root' }, Action: 'sts:AssumeRole' }] },
        },
      ];
    }
  }
  return spec;
}

const sim = useSimulator(world);
let swept: { inventory: Inventory; skipped: Array<{ account: { Id: string }; reason: string }> };
let doc: ResultsDocument;

const sweep = (overrides: Partial<SweepOptions> = {}) =>
  sweepOrganization({ target: simTarget(sim, MANAGEMENT, { globalRegion: 'ap-northeast-1', maxAttempts: 8 }), plan: FULL_PLAN, role, filters: {}, concurrency: 8, now, tool, ...overrides });
const evaluateAll = (inventory: Inventory) => evaluateInventory({ inventory, rules, config: EMPTY_CONFIG, waivers: [] });
const resultFor = (ruleId: string, accountId: string): Result | undefined => doc.results.find((r) => r.ruleId === ruleId && r.accountId === accountId);

beforeAll(async () => {
  // Throttle a fifth of CloudTrail calls: the sweep must retry its way through.
  sim.faults.add({ kind: 'throttle', service: 'cloudtrail', rate: 0.2 });
  swept = await sweep();
  doc = evaluateAll(swept.inventory);
}, 120_000);

describe('organization sweep', () => {
  it('reads every ACTIVE account and lists the suspended ones as skipped', () => {
    const suspended = sim.world.accounts.size - swept.inventory.accounts.length;
    expect(swept.skipped.map((s) => s.reason)).toEqual(Array(suspended).fill('account is SUSPENDED'));
    expect(swept.skipped.length).toBeGreaterThan(0);
    expect(swept.inventory.accounts.length + swept.skipped.length).toBe(50);
    expect(swept.inventory.organization?.Accounts).toHaveLength(50);
  });

  it('turns a failed AssumeRole into error results for that account only, never failures', () => {
    for (const id of [NO_ROLE, UNTRUSTED]) {
      const account = swept.inventory.accounts.find((a) => a.AccountId === id)!;
      expect(account.errors.map((e) => `${e.service}:${e.operation}`)).toEqual(['sts:AssumeRole']);
      expect(account.errors[0]!.message).toContain(`OrganizationAccountAccessRole in ${id}`);
      const coverage = resultFor('cloudtrail-multi-region-trail-logging', id)!;
      expect(coverage.status).toBe('error');
      expect(coverage.error?.operation).toBe('AssumeRole');
    }
    expect(doc.results.filter((r) => [NO_ROLE, UNTRUSTED].includes(r.accountId)).every((r) => r.status !== 'fail')).toBe(true);
  });

  it('resolves the Control Tower layout: the organization trail covers members, its bucket and key are read in the log-archive account', () => {
    const members = swept.inventory.accounts.filter((a) => a.trails.length === 1 && a.errors.length === 0 && a.AccountId > '100000000002');
    expect(members.length).toBeGreaterThan(5);
    for (const member of members) expect(resultFor('cloudtrail-multi-region-trail-logging', member.AccountId)?.status, member.AccountId).toBe('pass');
    const archive = swept.inventory.accounts.find((a) => a.AccountId === LOG_ARCHIVE)!;
    expect(Object.keys(archive.buckets)).toContain('org-trail-logs-7');
    const lifecycle = doc.results.filter((r) => r.ruleId === 's3-trail-bucket-lifecycle-archive' && r.resourceArn === 'arn:aws:s3:::org-trail-logs-7');
    expect(lifecycle.map((r) => [r.accountId, r.status])).toEqual([[LOG_ARCHIVE, 'pass']]);
    const encryption = doc.results.filter((r) => r.ruleId === 'cloudtrail-sse-kms' && r.resourceArn.endsWith(':trail/org-trail'));
    expect(encryption.map((r) => [r.accountId, r.status])).toEqual([[MANAGEMENT, 'pass']]);
  });

  it('reads the organization trail once, in the management account, not once per member', () => {
    const orgTrailReads = sim.requests.filter((r) => r.service === 'cloudtrail' && r.operation === 'GetTrail' && r.status === 200);
    const accounts = new Set(orgTrailReads.map((r) => r.account));
    // Members with their own trail read that one; nobody but the management account reads the organization trail.
    const ownTrails = swept.inventory.accounts.filter((a) => a.AccountId !== MANAGEMENT && a.trails.some((t) => t.Trail.TrailARN.includes(`:${a.AccountId}:`)));
    expect(accounts).toEqual(new Set([MANAGEMENT, ...ownTrails.map((a) => a.AccountId)]));
  });

  it('retried through the throttling and made no mutating call', () => {
    expect(sim.requests.some((r) => r.errorCode === 'ThrottlingException')).toBe(true);
    expect(swept.inventory.accounts.flatMap((a) => a.errors).filter((e) => e.errorName === 'ThrottlingException')).toEqual([]);
    expect(sim.mutations).toEqual([]);
  });

  it.each([1, 2])('when interrupted, reports the accounts it did not reach as errors and keeps what it read (%i workers)', async (workers) => {
    const abort = new AbortController();
    const interrupted = await sweep({ concurrency: 2, workers, signal: abort.signal, onAccount: (_a, done) => done === 5 && abort.abort() });
    expect(interrupted.inventory.accounts.map((a) => a.AccountId)).toEqual(swept.inventory.accounts.map((a) => a.AccountId));
    const notReached = interrupted.inventory.accounts.filter((a) => a.errors.some((e) => e.errorName === 'Interrupted')).map((a) => a.AccountId);
    expect(notReached.length).toBeGreaterThan(30);
    const results = evaluateAll(interrupted.inventory).results;
    for (const id of notReached) {
      const coverage = results.find((r) => r.ruleId === 'cloudtrail-multi-region-trail-logging' && r.accountId === id);
      expect([coverage?.status, coverage?.error?.operation], id).toEqual(['error', 'Sweep']);
    }
    const read = results.filter((r) => r.ruleId === 'cloudtrail-multi-region-trail-logging' && !notReached.includes(r.accountId));
    expect(read.filter((r) => r.status === 'pass').length).toBeGreaterThan(0);
  });

  it('narrows by --accounts and --exclude-accounts and refuses unknown accounts', async () => {
    const only = await sweep({ filters: { accounts: [MANAGEMENT, LOG_ARCHIVE, '100000000020'] } });
    expect(only.inventory.accounts.map((a) => a.AccountId)).toEqual([MANAGEMENT, LOG_ARCHIVE, '100000000020']);
    await expect(sweep({ filters: { excludeAccounts: ['123123123123'] } })).rejects.toThrow('account 123123123123 is not in the organization');
  });

  it('gives the same results from 10 merged shards as from one sweep', async () => {
    // Without faults both runs read exactly the same data.
    sim.faults.clear();
    const whole = evaluateAll((await sweep()).inventory);
    const shards = [];
    for (let index = 0; index < 10; index++) {
      const shard = await sweep({ shard: { index, count: 10 } });
      shards.push({ file: `shard-${index}`, inventory: shard.inventory });
    }
    expect(shards.reduce((n, s) => n + s.inventory.accounts.length, 0)).toBe(swept.inventory.accounts.length);
    expect(shards.filter((s) => s.inventory.accounts.length > 0).length).toBeGreaterThan(5);
    const merged = evaluateAll(mergeInventories(shards));
    const verdicts = (d: ResultsDocument) => d.results.map((r) => `${r.id} ${r.ruleId} ${r.accountId} ${r.status}`);
    expect(verdicts(merged)).toEqual(verdicts(whole));
  }, 120_000);
});
