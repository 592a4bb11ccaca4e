/** `trailguard verify-logs` end to end through the CLI: outputs and every exit code. */
import { mkdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import type { Io } from '../../src/util/io.js';
import { addTrailLogs } from '../../src/simulator/trail-logs.js';
import type { VerifyLogsReport } from '../../src/verify-logs/report.js';
import { useSimulator } from '../helpers/simulator.js';
import { END, OWNER, START, TRAIL_ARN, schemaProblems, world } from './helpers.js';

const sim = useSimulator(world, { signInAs: OWNER });

function io(): Io & { stdout: string; stderr: string } {
  const captured = {
    stdout: '',
    stderr: '',
    out: (t: string) => void (captured.stdout += t),
    err: (t: string) => void (captured.stderr += t),
    isTTY: false,
    env: process.env,
    cwd: process.cwd(),
  };
  return captured;
}

async function verify(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const streams = io();
  const code = await run(['verify-logs', '--endpoint-url', sim.endpoint, '--region', 'us-east-1', '--max-attempts', '1', ...args], streams);
  return { code, stdout: streams.stdout, stderr: streams.stderr };
}

beforeAll(() => {
  addTrailLogs(sim.world, { trail: TRAIL_ARN, start: START, end: END, regions: ['us-east-1'], seed: 2 });
  addTrailLogs(sim.world, { trail: `arn:aws:cloudtrail:us-east-1:${OWNER}:trail/other`, start: START, end: END, seed: 3, tamper: { modifyLogFiles: 1 } });
  mkdirSync('test-output/verify-logs', { recursive: true });
});

describe('trailguard verify-logs', () => {
  it('exits 0 for an intact trail, writes the JSON report to --output and the summary to stderr', async () => {
    const r = await verify('--trail', TRAIL_ARN, '--start', START, '--end', END, '--output', 'test-output/verify-logs/intact.json');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Results requested for 2026-11-24T00:00:00Z to 2026-11-24T08:00:00Z');
    expect(r.stderr).toContain('8/8 digest files valid');
    expect(r.stderr).toContain('32/32 log files valid');
    // Not a terminal: progress is a few plain lines, no bar.
    expect(r.stderr).toMatch(/^verify-logs log files: 32\/32 \(100%\)/m);
    const report = JSON.parse(readFileSync('test-output/verify-logs/intact.json', 'utf8')) as unknown;
    expect(schemaProblems(report)).toEqual([]);
  });

  it('exits 1 when a log file was modified, printing the JSON report on stdout and the failure on stderr', async () => {
    const r = await verify('--trail', 'other', '--start', '2026-11-24T00:00:00', '--end', '2026-11-24T08:00:00+00:00', '--concurrency', '2');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^ {2}log file modified: 1$/m);
    expect(r.stderr).toMatch(/^log file modified\ts3:\/\/audit-trail-logs\/AWSLogs\/111122223333\/CloudTrail\/us-east-1\//m);
    const report = JSON.parse(r.stdout) as { summary: { logFiles: { valid: number; total: number } } };
    expect(report.summary.logFiles).toEqual({ valid: 31, total: 32 });
  });

  it.each([
    [['--trail', 'main', '--start', 'yesterday'], /--start "yesterday": not an ISO-8601 time/],
    [['--trail', 'main', '--start', END, '--end', START], /--start 2026-11-24T08:00:00Z is after --end/],
    [['--trail', 'no such trail!'], /not a trail name/],
    [['--trail', 'arn:aws:cloudtrail:us-east-1:1234:trail/x'], /not a trail ARN/],
    [['--trail', 'ghost', '--end', END], /trail ghost not found in us-east-1/],
    [['--trail', 'main', '--concurrency', '0'], /--concurrency must be an integer/],
  ])('exits 2 on bad input %j', async (args, message) => {
    const r = await verify(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('exits 3 when the trail bucket does not exist', async () => {
    const r = await verify('--trail', 'nowhere', '--start', START, '--end', END);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/cannot list s3:\/\/no-such-bucket-anywhere\/AWSLogs\/: S3 ListObjectsV2 failed with NoSuchBucket/);
  });

  it('exits 3 when listing the bucket is denied, and still writes the report to --output with the reason', async () => {
    const remove = sim.faults.add({ kind: 'accessDenied', service: 's3', operation: 'ListObjectsV2' });
    const r = await verify('--trail', 'main', '--start', START, '--end', END, '--output', 'test-output/verify-logs/denied.json');
    remove();
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^Integrity NOT proven: could not read the trail's files \(cannot list s3:\/\/audit-trail-logs\/AWSLogs\/: S3 ListObjectsV2 failed with AccessDenied/m);
    const report = JSON.parse(readFileSync('test-output/verify-logs/denied.json', 'utf8')) as VerifyLogsReport;
    expect(report.outcome).toEqual({ status: 'could not read', reason: expect.stringMatching(/S3 ListObjectsV2 failed with AccessDenied/) as string });
    expect(report.trail).toMatchObject({ arn: TRAIL_ARN, bucket: 'audit-trail-logs' });
    expect(report.errors).toEqual([expect.objectContaining({ operation: 'ListObjectsV2', errorName: 'AccessDenied', bucket: 'audit-trail-logs' })]);
    expect(schemaProblems(report)).toEqual([]);
  });

  it('exits 3 with a "could not read" report when GetTrail is denied', async () => {
    const remove = sim.faults.add({ kind: 'accessDenied', service: 'cloudtrail', operation: 'GetTrail' });
    const r = await verify('--trail', 'main', '--start', START, '--end', END);
    remove();
    expect(r.code).toBe(3);
    const report = JSON.parse(r.stdout) as VerifyLogsReport;
    expect(report.outcome.status).toBe('could not read');
    expect(report.trail).toEqual({ name: 'main' });
    expect(report.errors[0]).toMatchObject({ operation: 'GetTrail', region: 'us-east-1' });
    expect(schemaProblems(report)).toEqual([]);
  });

  it('still verifies every file when only the unlisted-file check cannot list its folder (exit 3)', async () => {
    // Discovery lists twice; the next ListObjectsV2 after the digests were fetched is the log folder's.
    sim.reset();
    const remove = sim.faults.add({ kind: 'accessDenied', service: 's3', operation: 'ListObjectsV2', afterCalls: 10 });
    const r = await verify('--trail', 'main', '--start', START, '--end', END);
    remove();
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('32/32 log files valid');
    expect(r.stderr).toMatch(/^read error\tListObjectsV2 s3:\/\/audit-trail-logs\/AWSLogs\/111122223333\/\tAccessDenied/m);
  });

  it('exits 3, with the file named, when one log file cannot be read', async () => {
    // 2 listings and 16 digests (this trail's and the other trail's) come first: call 21 is a log file.
    sim.reset();
    const remove = sim.faults.add({ kind: 'accessDenied', service: 's3', operation: 'GetObject', times: 1, afterCalls: 20 });
    const r = await verify('--trail', 'main', '--start', START, '--end', END);
    remove();
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^ {2}could not be read: 1$/m);
    expect(r.stderr).toMatch(/^read error\tGetObject s3:\/\/audit-trail-logs\/AWSLogs\/.*\tAccessDenied/m);
  });
});

describe('a range without digests', () => {
  it('proves nothing: says so, with the reason, and exits 3', async () => {
    const r = await verify('--trail', TRAIL_ARN, '--start', '2026-10-01T00:00:00Z', '--end', '2026-10-02T00:00:00Z');
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('No digests found: no digest file ends in the requested range');
    expect(r.stderr).toMatch(/^Integrity NOT proven: nothing to verify \(no digest file ends in the requested range\)\.$/m);
    expect(r.stderr).not.toContain('see the failures above');
    const report = JSON.parse(r.stdout) as VerifyLogsReport;
    expect(report.summary.intact).toBe(false);
    expect(report.outcome).toEqual({ status: 'nothing to verify', reason: 'no digest file ends in the requested range' });
  });
});

describe('a digest that cannot be read', () => {
  it('is a read error (exit 3), not a gap in the chain', async () => {
    sim.reset();
    const remove = sim.faults.add({ kind: 'accessDenied', service: 's3', operation: 'GetObject', times: 1, afterCalls: 4 });
    const r = await verify('--trail', 'main', '--start', START, '--end', END);
    remove();
    expect(r.code).toBe(3);
    expect(r.stderr).not.toContain('digest missing');
    expect(r.stderr).not.toContain('log file not in any digest');
    expect(r.stderr).toMatch(/^read error\tGetObject s3:\/\/audit-trail-logs\/AWSLogs\/111122223333\/CloudTrail-Digest\/.*\tAccessDenied/m);
  });
});
