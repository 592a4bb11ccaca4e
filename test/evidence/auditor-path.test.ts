/**
 * The auditor's path end to end, as docs/evidence.md tells it: an organization scan against the
 * simulator writes a signed bundle with each trail's log verification; the bundle travels (by
 * email) to an empty folder; the auditor checks it with `trailguard evidence verify` and the
 * public key, and with `sha256sum -c` and `openssl` alone; a tampered copy fails all three; and
 * the bundle's index.html, opened in Chromium, shows the verdicts, each trail's verify-logs
 * outcome and the API responses behind each result.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoleSpec } from '../../src/simulator/world/spec.js';
import { addTrailLogs } from '../../src/simulator/trail-logs.js';
import { CHROMIUM_ARGS, describeInBrowser } from '../helpers/browser.js';
import { useSimulator } from '../helpers/simulator.js';
import { cli, ed25519Keys, scratchDir } from './sample.js';

const MANAGEMENT = '111122223333';
const MEMBER = '444455556666';
const ORG_TRAIL = `arn:aws:cloudtrail:us-east-1:${MANAGEMENT}:trail/org-trail`;
const UNVALIDATED = `arn:aws:cloudtrail:us-east-1:${MANAGEMENT}:trail/no-validation`;
const MEMBER_TRAIL = `arn:aws:cloudtrail:us-east-1:${MEMBER}:trail/member-trail`;
const memberRole: RoleSpec[] = [
  {
    RoleName: 'OrganizationAccountAccessRole',
    AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${MANAGEMENT}:root` }, Action: 'sts:AssumeRole' }] },
  },
];

const sim = useSimulator(
  {
    organization: { MasterAccountId: MANAGEMENT, Id: 'o-a1b2c3d4e5' },
    accounts: [
      {
        Id: MANAGEMENT,
        buckets: [{ Name: 'org-logs', Region: 'us-east-1' }],
        trails: [
          { Name: 'org-trail', HomeRegion: 'us-east-1', S3BucketName: 'org-logs', IsMultiRegionTrail: true, IsOrganizationTrail: true, LogFileValidationEnabled: true },
          { Name: 'no-validation', HomeRegion: 'us-east-1', S3BucketName: 'org-logs', S3KeyPrefix: 'plain', LogFileValidationEnabled: false },
        ],
      },
      {
        Id: MEMBER,
        roles: memberRole,
        buckets: [{ Name: 'member-logs', Region: 'us-east-1' }],
        trails: [{ Name: 'member-trail', HomeRegion: 'us-east-1', S3BucketName: 'member-logs', LogFileValidationEnabled: true }],
      },
    ],
  },
  { signInAs: MANAGEMENT },
);
let dir: string;
let keys: { privateKey: string; publicKey: string };
let scan: { code: number; out: string; err: string };
/** The bundle as the auditor receives it: alone in an empty folder, with the key they trust. */
let inbox: string;

const sh = (cmd: string, args: string[], cwd: string) => spawnSync(cmd, args, { cwd, encoding: 'utf8' });

beforeAll(async () => {
  // The last hours of the organization trail's delivered files, signed and chained as CloudTrail does.
  const now = Date.now();
  addTrailLogs(sim.world, { trail: ORG_TRAIL, start: new Date(now - 4 * 3_600_000).toISOString(), end: new Date(now - 600_000).toISOString(), regions: ['us-east-1'], filesPerHour: 2 });

  dir = await scratchDir('auditor');
  keys = ed25519Keys(dir);
  scan = await cli([
    'scan',
    '--organization',
    '--regions',
    'us-east-1',
    '--endpoint-url',
    sim.endpoint,
    '--max-attempts',
    '2',
    '--output-dir',
    join(dir, 'run'),
    '--evidence',
    join(dir, 'bundle.tar.gz'),
    '--verify-logs',
    '--sign-key',
    keys.privateKey,
  ]);
  inbox = join(dir, 'inbox');
  mkdirSync(inbox);
  copyFileSync(join(dir, 'bundle.tar.gz'), join(inbox, 'bundle.tar.gz'));
  copyFileSync(keys.publicKey, join(inbox, 'trusted.pem'));
}, 120_000);

describe('the auditor path', () => {
  it("scans the organization and records every trail's log verification, whatever its outcome", () => {
    expect(scan.err, scan.err).toContain('evidence: ');
    expect(scan.err).toContain(`verify-logs ${ORG_TRAIL}: intact (every digest and log file in the range verified)`);
    expect(scan.err).toContain(`verify-logs ${UNVALIDATED}: nothing to verify (log file validation is disabled on this trail`);
    expect(scan.err).toContain(`verify-logs ${MEMBER_TRAIL}: not verified (owned by account ${MEMBER}, not the scanning account ${MANAGEMENT}`);
    const run = JSON.parse(readFileSync(join(dir, 'run', 'run.json'), 'utf8')) as { verifyLogs: Array<{ trailArn: string; status: string; file?: string }> };
    expect(run.verifyLogs.map((v) => [v.trailArn, v.status, Boolean(v.file)])).toEqual([
      [UNVALIDATED, 'nothing to verify', true],
      [ORG_TRAIL, 'intact', true],
      [MEMBER_TRAIL, 'not verified', false],
    ]);
  });

  it('records "could not read" with the reason when the log bucket denies the scanner, in run.json and the bundle', async () => {
    const remove = sim.faults.add({ kind: 'accessDenied', service: 's3', operation: 'ListObjectsV2' });
    const denied = await cli([
      'scan',
      '--organization',
      '--regions',
      'us-east-1',
      '--endpoint-url',
      sim.endpoint,
      '--max-attempts',
      '1',
      '--output-dir',
      join(dir, 'denied'),
      '--evidence',
      join(dir, 'denied.tar.gz'),
      '--verify-logs',
    ]);
    remove();
    expect(denied.err).toMatch(new RegExp(`verify-logs ${ORG_TRAIL}: could not read \\(cannot list s3://org-logs/AWSLogs/: S3 ListObjectsV2 failed with AccessDenied`));
    const run = JSON.parse(readFileSync(join(dir, 'denied', 'run.json'), 'utf8')) as { verifyLogs: Array<{ trailArn: string; status: string; reason: string; file: string }> };
    const org = run.verifyLogs.find((v) => v.trailArn === ORG_TRAIL)!;
    expect(org).toMatchObject({ status: 'could not read', reason: expect.stringContaining('AccessDenied') as string });
    const report = JSON.parse(readFileSync(join(dir, 'denied', org.file), 'utf8')) as { outcome: { status: string }; errors: Array<{ errorName: string }> };
    expect(report.outcome.status).toBe('could not read');
    expect(report.errors[0]?.errorName).toBe('AccessDenied');
    const verified = await cli(['evidence', 'verify', join(dir, 'denied.tar.gz')]);
    expect(verified.code, verified.out).toBe(0);
  }, 60_000);

  it('verifies with trailguard and the trusted public key, from an empty folder', async () => {
    const r = await cli(['evidence', 'verify', 'bundle.tar.gz', '--public-key', 'trusted.pem'], inbox);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toContain('signature: valid (ED25519');
    expect(r.out).toContain('checked against the trusted key you gave');
    expect(r.out).toMatch(/^bundle\.tar\.gz: intact \(\d+ files: \d+ listed in manifest\.json, and manifest\.json, SHA256SUMS, manifest\.sig sealing them; every hash matches\)$/m);
  });

  it('verifies with sha256sum -c and openssl alone, as the bundle README.txt says', () => {
    const folder = join(inbox, 'extracted');
    mkdirSync(folder);
    execFileSync('tar', ['xzf', join(inbox, 'bundle.tar.gz'), '-C', folder]);
    const readme = readFileSync(join(folder, 'README.txt'), 'utf8');
    const [sums, openssl] = [...readme.matchAll(/^ {2}\d\. (.+)$/gm)].map((m) => m[1]!);
    expect(sums).toBe('sha256sum -c SHA256SUMS');
    const checked = sh('sh', ['-c', sums!], folder);
    expect(checked.status, checked.stdout + checked.stderr).toBe(0);
    expect(checked.stdout).not.toContain('FAILED');
    // The auditor's own copy of the key, not the one inside the bundle.
    const withTrustedKey = openssl!.replace('signing-public-key.pem', join(inbox, 'trusted.pem'));
    expect(withTrustedKey).toContain('openssl pkeyutl -verify');
    const signed = sh('sh', ['-c', withTrustedKey], folder);
    expect(signed.status, signed.stdout + signed.stderr).toBe(0);
    expect(signed.stdout).toContain('Signature Verified Successfully');
  });

  it('catches a tampered copy with all three', async () => {
    // Someone turns a failure into a pass and fixes up the manifest's hash for it; they cannot re-sign.
    const copy = join(inbox, 'tampered');
    mkdirSync(copy);
    execFileSync('tar', ['xzf', join(inbox, 'bundle.tar.gz'), '-C', copy]);
    const results = readFileSync(join(copy, 'results.json'), 'utf8').replace('"status": "fail"', '"status": "pass"');
    writeFileSync(join(copy, 'results.json'), results);
    const manifest = JSON.parse(readFileSync(join(copy, 'manifest.json'), 'utf8')) as { files: Array<{ path: string; sha256: string; size: number }> };
    const entry = manifest.files.find((f) => f.path === 'results.json')!;
    entry.sha256 = execFileSync('sha256sum', ['results.json'], { cwd: copy, encoding: 'utf8' }).split(' ')[0]!;
    entry.size = Buffer.byteLength(results);
    writeFileSync(join(copy, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    execFileSync('tar', ['czf', join(inbox, 'tampered.tar.gz'), '-C', copy, '.']);

    const trailguard = await cli(['evidence', 'verify', 'tampered.tar.gz', '--public-key', 'trusted.pem'], inbox);
    expect(trailguard.code).toBe(1);
    expect(trailguard.out).toContain('NOT intact');
    expect(trailguard.out).toMatch(/^manifest\.sig: signature: /m);

    const sums = sh('sha256sum', ['-c', 'SHA256SUMS'], copy);
    expect(sums.status).not.toBe(0);
    expect(sums.stdout).toContain('results.json: FAILED');

    const signed = sh('openssl', ['pkeyutl', '-verify', '-pubin', '-inkey', join(inbox, 'trusted.pem'), '-rawin', '-in', 'manifest.json', '-sigfile', 'manifest.sig'], copy);
    expect(signed.status).not.toBe(0);
    expect(signed.stdout).toContain('Signature Verification Failure');
  });
});

describeInBrowser('the bundle front page in Chromium', (executablePath) => {
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];

  beforeAll(async () => {
    const folder = join(inbox, 'browsed');
    mkdirSync(folder);
    execFileSync('tar', ['xzf', join(inbox, 'bundle.tar.gz'), '-C', folder]);
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    page = await browser.newPage();
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(join(folder, 'index.html')).href);
  }, 60_000);
  afterAll(async () => browser?.close());

  it('shows the verdict totals', async () => {
    const results = JSON.parse(readFileSync(join(dir, 'run', 'results.json'), 'utf8')) as { summary: { total: number; byStatus: Record<string, number> } };
    const totals = page.locator('h2:text("Results") + table');
    expect(await totals.locator('th').allInnerTexts()).toEqual(['Total', ...Object.keys(results.summary.byStatus)]);
    expect(await totals.locator('td').allInnerTexts()).toEqual([String(results.summary.total), ...Object.values(results.summary.byStatus).map(String)]);
  });

  it("shows each trail's verify-logs outcome, with a link to its report", async () => {
    const rows = page.locator('h2:text("Log file integrity (verify-logs)") + table tr');
    const text = await rows.allInnerTexts();
    expect(text.find((t) => t.includes(ORG_TRAIL))).toMatch(/Outcome: intact: every digest and log file in the range verified/);
    expect(text.find((t) => t.includes(UNVALIDATED))).toMatch(/Outcome: nothing to verify: log file validation is disabled/);
    expect(text.find((t) => t.includes(MEMBER_TRAIL))).toMatch(/Outcome: not verified: owned by account 444455556666/);
    expect(await rows.filter({ hasText: ORG_TRAIL }).locator('a').getAttribute('href')).toMatch(/^verify-logs\/.+\.json$/);
  });

  it('shows every verdict with the API responses behind it, each link opening a raw response folder of the bundle', async () => {
    const results = JSON.parse(readFileSync(join(dir, 'run', 'results.json'), 'utf8')) as { results: unknown[] };
    const rows = page.locator('h2:text("Verdicts and the API calls behind them") + table tr:has(td)');
    expect(await rows.count()).toBe(results.results.length);
    const first = rows.first();
    const links = first.locator('td:last-child a');
    expect(await links.count()).toBeGreaterThan(0);
    const href = (await links.first().getAttribute('href'))!;
    expect(href).toMatch(/^raw\/\d{12}\/[a-z0-9-]+\/[a-z0-9-]+\/$/);
    await links.first().click();
    expect(await page.content()).toMatch(/\d{4}-[A-Za-z]+\.json/);
    await page.goBack();
  });

  it('fetches nothing but local files', () => {
    expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
  });
});
