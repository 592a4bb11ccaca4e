/**
 * No verdict without evidence, as a user meets it: `trailguard scan --organization` against the
 * simulator serving the demo organization with a fault or a changed world. Removing information
 * may only turn a result into `error`; a rule whose resources cannot be listed in an account gets
 * one `error` there naming the call; what was read and already decides a rule still decides it.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result, ResultsDocument } from '../../src/evaluate/types.js';
import { DEMO_WORLD } from '../../src/package-info.js';
import { parse } from 'yaml';
import { startSimulator, type WorldSpec } from '../../src/simulator/index.js';
import type { FaultSpec } from '../../src/simulator/world/spec.js';
import { cli } from '../helpers/cli.js';

const MANAGEMENT = '111111111111';
const PAYMENTS = '444444444444';
const dirs: string[] = [];
const saved = { id: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY };

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  process.env.AWS_ACCESS_KEY_ID = saved.id;
  process.env.AWS_SECRET_ACCESS_KEY = saved.secret;
  if (saved.id === undefined) delete process.env.AWS_ACCESS_KEY_ID;
  if (saved.secret === undefined) delete process.env.AWS_SECRET_ACCESS_KEY;
});

/** The demo world, changed by `edit`, with `faults` added. */
function demoWorld(faults: FaultSpec[] = [], edit: (world: WorldSpec) => void = () => {}): WorldSpec {
  const world = parse(readFileSync(DEMO_WORLD, 'utf8'), { maxAliasCount: -1 }) as WorldSpec;
  world.faults = [...(world.faults ?? []), ...faults];
  edit(world);
  return world;
}

/** `trailguard scan --organization` from the management account, as a user runs it; its results.json. */
async function scanOrganization(world: WorldSpec): Promise<ResultsDocument> {
  const sim = await startSimulator({ world });
  try {
    const credentials = sim.credentialsFor(MANAGEMENT);
    process.env.AWS_ACCESS_KEY_ID = credentials.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = credentials.secretAccessKey;
    const dir = mkdtempSync(join(tmpdir(), 'trailguard-integrity-'));
    dirs.push(dir);
    // One region keeps the sweep quick; the faults are in the global calls.
    const run = await cli(['scan', '--organization', '--regions', 'us-east-1', '--endpoint-url', sim.endpoint, '--soft-fail', '--format', 'json', '--output-dir', dir]);
    expect(run.code, run.err).toBe(0);
    return JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as ResultsDocument;
  } finally {
    await sim.close();
  }
}

const key = (r: Result) => `${r.ruleId} ${r.resourceArn} ${r.accountId} ${r.region}`;
const find = (doc: ResultsDocument, ruleId: string, accountId: string, arn?: string) =>
  doc.results.filter((r) => r.ruleId === ruleId && r.accountId === accountId && (arn === undefined || r.resourceArn === arn));

/** Every (rule, resource) whose status changed to anything but `error`, and every new pass or fail. */
function guesses(clean: ResultsDocument, faulty: ResultsDocument): string[] {
  const before = new Map(clean.results.map((r) => [key(r), r.status]));
  const after = new Map(faulty.results.map((r) => [key(r), r.status]));
  const out: string[] = [];
  for (const [k, status] of after) {
    const was = before.get(k);
    if (status !== 'error' && status !== was) out.push(`${k}: ${was ?? 'new'} -> ${status}`);
  }
  return out;
}

let clean: ResultsDocument;
beforeAll(async () => {
  clean = await scanOrganization(demoWorld());
}, 60_000);

describe('verdict integrity (issue 13)', () => {
  it('one denied ListTrails in a compliant account turns its trail verdicts into errors naming the call, never into failures', async () => {
    const doc = await scanOrganization(demoWorld([{ kind: 'accessDenied', account: PAYMENTS, service: 'cloudtrail', operation: 'ListTrails' }]));
    expect(guesses(clean, doc)).toEqual([]);
    // payments-prod passes in the clean scan through its own trail, which it can no longer list.
    expect(find(clean, 'cloudtrail-trail-exists', PAYMENTS)[0]!.status).toBe('pass');
    const exists = find(doc, 'cloudtrail-trail-exists', PAYMENTS)[0]!;
    expect(exists.status).toBe('error');
    expect(exists.error).toMatchObject({ operation: 'ListTrails', accountId: PAYMENTS });
    expect(exists.message).toContain('ListTrails');
    // Its trail, bucket and key rules: one error on the account each, naming the call.
    for (const ruleId of ['cloudtrail-log-file-validation', 's3-trail-bucket-versioning', 'kms-cmk-rotation']) {
      const onAccount = find(doc, ruleId, PAYMENTS, `arn:aws:::${PAYMENTS}`);
      expect(onAccount, ruleId).toHaveLength(1);
      expect(onAccount[0]).toMatchObject({ status: 'error', resourceType: 'account', error: { operation: 'ListTrails' } });
    }
    // What the failure cannot change still stands: the organization trail's own verdicts.
    const orgTrail = `arn:aws:cloudtrail:us-east-1:${MANAGEMENT}:trail/org-trail`;
    expect(find(doc, 'cloudtrail-log-file-validation', MANAGEMENT, orgTrail)[0]!.status).toBe(find(clean, 'cloudtrail-log-file-validation', MANAGEMENT, orgTrail)[0]!.status);
  }, 60_000);

  it('a member whose role cannot be assumed gets one error per trail, bucket and key rule, never silence', async () => {
    const doc = await scanOrganization(
      demoWorld([], (world) => {
        world.accounts.find((a) => a.Id === PAYMENTS)!.roles = [];
      }),
    );
    expect(guesses(clean, doc)).toEqual([]);
    const trailRules = doc.rules.filter((r) => ['trail', 'bucket', 'key', 'log-group', 'event-data-store'].includes(r.resource)).map((r) => r.id);
    expect(trailRules.length).toBeGreaterThan(20);
    for (const ruleId of trailRules) {
      const results = find(doc, ruleId, PAYMENTS);
      expect(results.length, ruleId).toBeGreaterThan(0);
      expect(
        results.every((r) => r.status === 'error' && r.error?.operation === 'AssumeRole'),
        ruleId,
      ).toBe(true);
    }
  }, 60_000);

  it('org-trail-present keeps its pass when ListDelegatedAdministrators fails: the logging organization trail already proves it', async () => {
    const logging = (world: WorldSpec) => {
      const trail = world.accounts.find((a) => a.Id === MANAGEMENT)!.trails!.find((t) => t.Name === 'org-trail')!;
      trail.Status = { IsLogging: true };
    };
    const proved = await scanOrganization(demoWorld([{ kind: 'accessDenied', account: MANAGEMENT, service: 'organizations', operation: 'ListDelegatedAdministrators' }], logging));
    expect(find(proved, 'org-trail-present', MANAGEMENT)[0]!.status).toBe('pass');
    // With the organization trail stopped, a delegated administrator's trail might exist: unknown, not "none".
    const open = await scanOrganization(demoWorld([{ kind: 'accessDenied', account: MANAGEMENT, service: 'organizations', operation: 'ListDelegatedAdministrators' }]));
    expect(find(clean, 'org-trail-present', MANAGEMENT)[0]!.status).toBe('fail');
    const unknown = find(open, 'org-trail-present', MANAGEMENT)[0]!;
    expect(unknown).toMatchObject({ status: 'error', error: { operation: 'ListDelegatedAdministrators' } });
  }, 60_000);
});

describe('log bucket ownership (issue 19, item 3)', () => {
  const OUTSIDER = '909090909090';
  const foreignBucket = (world: WorldSpec) => {
    // restricted's trail delivers to a bucket of an account outside the organization, whose policy lets the member read it.
    const member = world.accounts.find((a) => a.Id === '999999999999')!;
    member.trails!.find((t) => t.Name === 'restricted-trail')!.S3BucketName = 'squatted-trail-logs';
    world.accounts.push({
      Id: OUTSIDER,
      Name: 'outsider',
      InOrganization: false,
      buckets: [
        {
          Name: 'squatted-trail-logs',
          Region: 'us-east-1',
          Policy: {
            Version: '2012-10-17',
            Statement: [
              {
                Effect: 'Allow',
                Principal: { AWS: 'arn:aws:iam::999999999999:root' },
                Action: 's3:Get*',
                Resource: ['arn:aws:s3:::squatted-trail-logs', 'arn:aws:s3:::squatted-trail-logs/*'],
              },
            ],
          },
        },
      ],
    });
  };

  it('a log bucket owned outside the organization fails s3-trail-bucket-exists-owned', async () => {
    const doc = await scanOrganization(demoWorld([], foreignBucket));
    const result = find(doc, 's3-trail-bucket-exists-owned', '999999999999', 'arn:aws:s3:::squatted-trail-logs')[0]!;
    expect(result.status).toBe('fail');
    expect(result.failures?.some((f) => f.path === 'derived.ownerKnown')).toBe(true);
  }, 60_000);

  it('an owner that cannot be known (the log-archive account cannot list its buckets) is an error, not a pass', async () => {
    const doc = await scanOrganization(demoWorld([{ kind: 'accessDenied', account: '222222222222', service: 's3', operation: 'ListBuckets' }]));
    const bucket = 'arn:aws:s3:::demo-org-trail-logs';
    expect(clean.results.filter((r) => r.ruleId === 's3-trail-bucket-exists-owned' && r.resourceArn === bucket).map((r) => r.status)).toEqual(['pass']);
    const results = doc.results.filter((r) => r.ruleId === 's3-trail-bucket-exists-owned' && r.resourceArn === bucket);
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ status: 'error', error: { operation: 'ListBuckets', accountId: '222222222222' } });
  }, 60_000);
});
