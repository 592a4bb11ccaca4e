/**
 * `trailguard diff` on two real scans of the demo organization (served by the simulator),
 * with one thing broken between them: log file validation turned off on the organization
 * trail. The diff must report that rule on that trail as a new failure (with only its
 * knock-on effects besides), and exit 1.
 */
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ResultsDocument } from '../../src/evaluate/types.js';
import { diffResults } from '../../src/report/diff.js';
import { DEMO_WORLD, parseWorld, startSimulator } from '../../src/simulator/index.js';
import { cli } from '../helpers/cli.js';
import { awsEnv } from '../helpers/simulator.js';
import { TEST_OUTPUT } from './fixture.js';

const MANAGEMENT = '111111111111';
// The management account (owner of the organization trail) and the log-archive account: enough
// for the organization trail and its bucket and key, at a fraction of the whole sweep's calls.
const ACCOUNTS = '111111111111,222222222222';
const ORG_TRAIL = 'arn:aws:cloudtrail:us-east-1:111111111111:trail/org-trail';
const saved = { ...process.env };

afterAll(() => {
  process.env = saved;
});

/** Scans a world with `trailguard scan --organization` (two accounts) and returns the results it saved. */
async function scanWorld(worldText: string, dir: string, name: string): Promise<string> {
  const sim = await startSimulator({ world: parseWorld(worldText, name) });
  try {
    // The SDK's default credential chain reads the process environment.
    Object.assign(process.env, awsEnv(sim, MANAGEMENT));
    delete process.env.AWS_PROFILE;
    delete process.env.AWS_SESSION_TOKEN;
    const results = join(dir, `${name}.json`);
    const run = await cli(
      ['scan', '--organization', '--endpoint-url', sim.endpoint, '--accounts', ACCOUNTS, '--output-dir', join(dir, name), '--format', `json=${results}`, '--soft-fail'],
      dir,
    );
    expect(run.code, run.err).toBe(0);
    return results;
  } finally {
    await sim.close();
  }
}

describe('diff on two scans of the demo organization', () => {
  it('reports the rule broken between the scans as a new failure, with only its knock-on effects', async () => {
    mkdirSync(TEST_OUTPUT, { recursive: true });
    const dir = mkdtempSync(join(TEST_OUTPUT, 'demo-diff-'));
    const world = readFileSync(DEMO_WORLD, 'utf8');
    // The organization trail is the first trail of the world file; break only it.
    const broken = world.replace('LogFileValidationEnabled: true', 'LogFileValidationEnabled: false');
    expect(broken).not.toBe(world);

    const before = await scanWorld(world, dir, 'before');
    const after = await scanWorld(broken, dir, 'after');

    const load = (p: string) => JSON.parse(readFileSync(p, 'utf8')) as ResultsDocument;
    const diff = diffResults(load(before), load(after));
    const validation = diff.newFailures.filter((e) => e.ruleId === 'cloudtrail-log-file-validation');
    expect(validation.map((e) => [e.resourceArn, e.before, e.after])).toEqual([[ORG_TRAIL, 'pass', 'fail']]);
    const knockOn = diff.newFailures.filter((e) => e.ruleId !== 'cloudtrail-log-file-validation');
    // Anything else that newly fails does so because of validation (rules that require it of a covering trail).
    for (const e of knockOn) expect(e.message).toContain('LogFileValidationEnabled');
    // Only the broken trail changed otherwise (e.g. the digest rule, which applies to validating
    // trails only, no longer applies: an other change, not "fixed").
    expect(diff.fixed).toEqual([]);
    for (const e of diff.otherChanges) expect([e.resourceArn, e.after]).toEqual([ORG_TRAIL, 'skip']);
    expect([diff.newResources, diff.goneResources].flat()).toEqual([]);

    const run = await cli(['diff', before, after]);
    expect(run.code).toBe(1);
    expect(run.out).toContain(`+ [medium] cloudtrail-log-file-validation ${MANAGEMENT} us-east-1 ${ORG_TRAIL} (pass → fail)`);
    expect((await cli(['diff', before, before])).code).toBe(0);
  }, 120_000);
});
