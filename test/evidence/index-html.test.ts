/** index.html and README.txt: what an auditor reads first. Self-contained, escaped, complete. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { VerifyLogsReport } from '../../src/verify-logs/report.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportEvidence } from '../../src/evidence/export.js';
import { ed25519KeyFileSigner } from '../../src/evidence/sign.js';
import { ed25519Keys, sampleInput, scratchDir } from './sample.js';

const HOSTILE = '<script>alert("x")</script>';
let out: string;
let html: string;
let readme: string;
let runId: string;

beforeAll(async () => {
  const dir = await scratchDir('index');
  const input = sampleInput();
  runId = input.results.run.runId;
  input.inventory.accounts[0]!.CallerIdentity!.Arn = `arn:aws:sts::111111111111:assumed-role/${HOSTILE}/scan`;
  (input.verifyLogs![0] as { report: VerifyLogsReport }).report.requested.start = HOSTILE;
  out = join(dir, 'bundle');
  await exportEvidence(input, out, { signer: await ed25519KeyFileSigner(ed25519Keys(dir).privateKey) });
  html = readFileSync(join(out, 'index.html'), 'utf8');
  readme = readFileSync(join(out, 'README.txt'), 'utf8');
});

describe('index.html', () => {
  it('says what was checked, when, by whom, and the totals', () => {
    expect(html).toContain(`<tr><th>Run</th><td>${runId}</td></tr>`);
    expect(html).toContain('2026-06-01T12:00:00.000Z');
    expect(html).toContain('2026-06-01T12:00:42.000Z');
    expect(html).toContain('assumed-role/&lt;script&gt;');
    expect(html).toMatch(
      /<th>Total<\/th><th>error<\/th><th>fail<\/th><th>pass<\/th><th>skip<\/th><th>waived<\/th><\/tr><tr><td>16<\/td><td>2<\/td><td>5<\/td><td>7<\/td><td>1<\/td><td>1<\/td>/,
    );
    expect(html).toContain('--external-id [REDACTED]');
  });

  it('shows each verify-logs report summary with a link to it', () => {
    expect(html).toContain('arn:aws:cloudtrail:us-east-1:111111111111:trail/org-trail');
    expect(html).toContain('Outcome: not intact: 1 digest or log file(s) failed verification<br>Period: ');
    expect(html).toContain('Digest files valid: 1/1<br>Log files valid: 1/2<br>log file modified: 1<br>Intact: NO');
    expect(html).toContain('href="verify-logs/111111111111-us-east-1-org-trail.json"');
  });

  it('escapes every string and loads nothing from the network', () => {
    expect(html).not.toContain('<script');
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
  });

  it('links only to files and folders that are in the bundle', () => {
    const targets = [...html.matchAll(/href="([^"]+)"/g)].map((m) => decodeURIComponent(m[1]!));
    expect(targets.length).toBeGreaterThan(15);
    for (const target of targets) expect(existsSync(join(out, target)), target).toBe(true);
  });
});

describe('README.txt', () => {
  it('gives the commands that verify the bundle without trailguard and warns about the embedded key', () => {
    expect(readme).toContain('1. sha256sum -c SHA256SUMS');
    expect(readme).toContain('2. openssl pkeyutl -verify -pubin -inkey signing-public-key.pem -rawin -in manifest.json -sigfile manifest.sig');
    expect(readme).toContain('use the public key you obtained');
    expect(readme).toContain(`run ${runId}`);
    expect(readme).toContain('Log file integrity of arn:aws:cloudtrail:us-east-1:111111111111:trail/org-trail: Outcome not intact: 1 digest or log file(s) failed verification; Period');
    expect(readme).toContain('Digest files valid 1/1; Log files valid 1/2; log file modified 1; Intact NO.');
    expect(readme).toContain('Results: 16 in total; error 2, fail 5, pass 7, skip 1, waived 1.');
    expect(readme).toContain('  raw/            each API response as AWS returned it');
  });

  it('describes only what the bundle holds: no raw/ when the run kept none, and trails not verified with the reason', async () => {
    const dir = await scratchDir('readme-bare');
    const notVerified = 'owned by account 222222222222, not the scanning account 111111111111';
    const input = sampleInput({
      raw: undefined,
      reports: [],
      config: undefined,
      waivers: undefined,
      verifyLogs: [{ trailArn: 'arn:aws:cloudtrail:us-east-1:222222222222:trail/own', notVerified }],
    });
    const bare = join(dir, 'bundle');
    await exportEvidence(input, bare);
    const text = readFileSync(join(bare, 'README.txt'), 'utf8');
    expect(existsSync(join(bare, 'raw'))).toBe(false);
    expect(text).not.toMatch(/^ {2}raw\//m);
    expect(text).toContain('(no raw/)       the run this bundle was exported from kept no raw API responses');
    expect(text).not.toMatch(/^ {2}(reports|verify-logs|config)\//m);
    expect(text).toContain(`Log file integrity of arn:aws:cloudtrail:us-east-1:222222222222:trail/own: Outcome not verified: ${notVerified}.`);
    const run = JSON.parse(readFileSync(join(bare, 'run.json'), 'utf8')) as { verifyLogs: unknown };
    expect(run.verifyLogs).toEqual([{ trailArn: 'arn:aws:cloudtrail:us-east-1:222222222222:trail/own', status: 'not verified', reason: notVerified }]);
  });
});
