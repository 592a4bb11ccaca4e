/**
 * Every gap is visible in results.json's `run`: accounts not scanned or only partly, with the
 * reason, and regions closed by a service control policy, which are then not required (a
 * region-deny SCP would otherwise make every scan incomplete), through the CLI against the
 * simulator's demo organization.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import type { ResultsDocument } from '../../src/evaluate/types.js';
import type { Inventory } from '../../src/inventory/types.js';
import { DEMO_WORLD } from '../../src/simulator/index.js';
import { useSimulator } from '../helpers/simulator.js';

const MANAGEMENT = '111111111111';
const PAYMENTS = '444444444444';
const saved = { ...process.env };
let dir: string;

const sim = useSimulator(DEMO_WORLD);
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'trailguard-coverage-'));
}, 60_000);

afterAll(() => {
  process.env = { ...saved };
});

async function scan(account: string, name: string, args: string[]): Promise<{ code: number; err: string; doc: ResultsDocument; inventory: Inventory }> {
  const c = sim.credentialsFor(account);
  process.env = { PATH: saved.PATH ?? '', AWS_ACCESS_KEY_ID: c.accessKeyId, AWS_SECRET_ACCESS_KEY: c.secretAccessKey, AWS_EC2_METADATA_DISABLED: 'true' };
  let err = '';
  const out = join(dir, name);
  const env = { AWS_CONFIG_FILE: join(dir, 'none'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'none') };
  const code = await run(['scan', '--endpoint-url', sim.endpoint, '--max-attempts', '2', '--output-dir', out, '--format', 'json', '--soft-fail', ...args], {
    out: () => undefined,
    err: (t) => void (err += t),
    isTTY: false,
    env,
    cwd: dir,
  });
  const doc = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as ResultsDocument;
  const inventory = JSON.parse(readFileSync(join(out, 'inventory.json'), 'utf8')) as Inventory;
  return { code, err, doc, inventory };
}

const verdicts = (doc: ResultsDocument) => Object.fromEntries(doc.results.map((r) => [`${r.ruleId} ${r.resourceArn}`, r.status]));

describe('a region closed by a service control policy', () => {
  const regions = ['--regions', 'us-east-1,eu-west-1,eu-west-3'];

  it('is listed as closed, not as errors, and each per-region rule skips it with the reason instead of requiring it', async () => {
    const clean = await scan(PAYMENTS, 'clean', regions);
    const remove = sim.faults.add({ kind: 'accessDenied', scp: true, account: PAYMENTS, region: 'eu-west-3' });
    try {
      const closed = await scan(PAYMENTS, 'closed', regions);
      expect(closed.doc.run.closedRegions).toEqual([
        { accountId: PAYMENTS, region: 'eu-west-3', reason: expect.stringMatching(/^closed by a service control policy \(.*config:DescribeConfigurationRecorders.*\)/) },
      ]);
      // (A single-account scan cannot read the organization's bucket and key: those errors stay.)
      expect(closed.doc.results.filter((r) => r.status === 'error' && r.error?.region === 'eu-west-3')).toEqual([]);
      expect(closed.doc.run.notFullyScanned).toEqual(clean.doc.run.notFullyScanned);
      expect(closed.inventory.accounts[0]!.Regions.find((r) => r.RegionName === 'eu-west-3')?.ClosedBy?.length).toBeGreaterThan(0);
      expect(closed.err).toContain('1 region(s) closed by an SCP');
      // Each rule judging every region of the account says, in a skip of its own, that it did not judge this one.
      const skips = closed.doc.results.filter((r) => r.region === 'eu-west-3');
      expect(skips.map((r) => [r.ruleId, r.status, r.resourceArn])).toEqual(
        ['cloudtrail-region-coverage', 'config-recorder-all-regions', 'securityhub-enabled', 'vpc-flow-logs-enabled'].map((id) => [id, 'skip', `arn:aws:::${PAYMENTS}`]),
      );
      expect(skips[0]!.skipReason).toMatch(/^region eu-west-3 closed by a service control policy \(.*config:DescribeConfigurationRecorders.*refused with an explicit deny\)$/);
      expect(skips[0]!.message).toMatch(/^Not applicable in eu-west-3: closed by a service control policy/);
      expect(new Set(skips.map((r) => r.id)).size).toBe(skips.length);
      // Payments configures every region: the verdicts are otherwise those of the clean scan.
      expect(verdicts({ ...closed.doc, results: closed.doc.results.filter((r) => r.region !== 'eu-west-3') })).toEqual(verdicts(clean.doc));
    } finally {
      remove();
    }
  }, 120_000);

  it('an SCP denying a service everywhere closes no region: its calls are errors', async () => {
    const remove = sim.faults.add({ kind: 'accessDenied', scp: true, account: PAYMENTS, service: 'config' });
    try {
      const denied = await scan(PAYMENTS, 'config-denied', regions);
      expect(denied.doc.run.closedRegions).toBeUndefined();
      const errors = denied.doc.results.filter((r) => r.status === 'error' && r.error?.service === 'config');
      expect(errors.map((r) => r.ruleId)).toContain('config-recorder-all-regions');
      expect(denied.doc.run.notFullyScanned?.[0]?.failedCalls).toContainEqual({
        call: 'config:DescribeConfigurationRecorders',
        errorName: 'AccessDeniedException',
        count: 3,
        regions: ['eu-west-1', 'eu-west-3', 'us-east-1'],
      });
    } finally {
      remove();
    }
  }, 120_000);
});

describe('accounts not fully scanned', () => {
  it('lists the accounts left out, those that could not be read, and those partly read, with why', async () => {
    const remove = sim.faults.add({ kind: 'accessDenied', account: '888888888888', service: 'sts', operation: 'GetCallerIdentity' });
    try {
      const { doc, err } = await scan(MANAGEMENT, 'org', ['--organization', '--regions', 'us-east-1', '--exclude-accounts', '666666666666', '--only', 'cloudtrail-trail-exists']);
      const byAccount = Object.fromEntries((doc.run.notFullyScanned ?? []).map((a) => [a.accountId, a]));
      expect(byAccount['666666666666']).toMatchObject({ scanned: 'no', reason: 'in --exclude-accounts' });
      expect(byAccount['777777777777']).toMatchObject({ scanned: 'no', reason: 'account is SUSPENDED' });
      expect(byAccount['888888888888']).toMatchObject({ scanned: 'partly', failedCalls: [{ call: 'sts:GetCallerIdentity', errorName: 'AccessDenied', count: 1 }] });
      expect(byAccount['999999999999']).toBeUndefined();
      expect(byAccount[PAYMENTS]).toBeUndefined();
      expect(err).toMatch(/coverage: 2 account\(s\) not scanned, 1 partly scanned, 0 region\(s\) closed by an SCP/);
    } finally {
      remove();
    }
  }, 120_000);
});

describe('the organization structure unreadable (organizations:ListRoots denied)', () => {
  it('still scans every account in scope, and the rule needing the OU tree is an error naming ListRoots', async () => {
    const remove = sim.faults.add({ kind: 'accessDenied', service: 'organizations', operation: 'ListRoots' });
    try {
      const { doc, inventory } = await scan(MANAGEMENT, 'no-roots', ['--organization', '--regions', 'us-east-1', '--only', 'cloudtrail-trail-exists,org-scp-protects-cloudtrail']);
      const active = ['111111111111', '121212121212', '222222222222', '333333333333', PAYMENTS, '555555555555', '666666666666', '888888888888', '999999999999'];
      expect(inventory.organization?.Roots).toBeUndefined();
      expect(doc.run.accounts).toEqual(active);
      // Every account in scope has a status for the account rule.
      expect(doc.results.filter((r) => r.ruleId === 'cloudtrail-trail-exists').map((r) => r.accountId)).toEqual(active);
      const scp = doc.results.find((r) => r.ruleId === 'org-scp-protects-cloudtrail')!;
      expect(scp).toMatchObject({ status: 'error', error: { operation: 'ListRoots', errorName: 'AccessDeniedException', accountId: MANAGEMENT } });
      expect(doc.run.notFullyScanned?.find((a) => a.accountId === MANAGEMENT)?.failedCalls).toContainEqual(expect.objectContaining({ call: 'organizations:ListRoots' }));
    } finally {
      remove();
    }
  }, 120_000);
});
