/** exportEvidence: the bundle's layout, determinism, the .tar.gz form, and refusing to overwrite. */
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { create, extract } from 'tar';
import { beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { exportEvidence } from '../../src/evidence/export.js';
import { ed25519KeyFileSigner } from '../../src/evidence/sign.js';
import type { Signer } from '../../src/util/signer.js';
import { verifyEvidence } from '../../src/evidence/verify.js';
import { sortKeys } from '../../src/util/stable-json.js';
import { RAW, ed25519Keys, sampleInput, scratchDir } from './sample.js';

let dir: string;
let signer: Signer;
const AT = '2026-06-01T13:00:00.000Z';

beforeAll(async () => {
  dir = await scratchDir('export');
  signer = await ed25519KeyFileSigner(ed25519Keys(dir).privateKey);
});

function filesUnder(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(root.length + 1))
    .sort();
}

describe('exportEvidence', () => {
  it('writes every part of the run, listed in the manifest with its hash and size', async () => {
    const out = join(dir, 'layout');
    const summary = await exportEvidence(sampleInput(), out, { signer, exportedAt: AT });
    const files = filesUnder(out);
    expect(files).toEqual([
      'README.txt',
      'SHA256SUMS',
      'config/trailguard.yaml',
      'index.html',
      'inventory.json',
      'manifest.json',
      'manifest.sig',
      'raw/111111111111/eu-west-1/s3/0001-GetBucketPolicy.json',
      'raw/111111111111/us-east-1/cloudtrail/0001-DescribeTrails.json',
      'raw/111111111111/us-east-1/cloudtrail/0002-GetTrailStatus.json',
      'raw/111111111111/us-east-1/sts/0001-AssumeRole.json',
      'reports/report.html',
      'reports/results.sarif',
      'results.json',
      'rules/builtin/cloudtrail/fixture-critical-buckets.yaml',
      'rules/builtin/cloudtrail/fixture-trail-validation.yaml',
      'run.json',
      'signing-public-key.pem',
      'verify-logs/111111111111-us-east-1-org-trail.json',
      'waivers/waivers.yaml',
    ]);
    expect(summary.files).toBe(files.length);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { files: Array<{ path: string; size: number }> };
    expect(manifest.files.map((f) => f.path)).toEqual(files.filter((f) => !['manifest.json', 'manifest.sig', 'SHA256SUMS'].includes(f)));
    expect(manifest.files.find((f) => f.path === 'run.json')!.size).toBe(readFileSync(join(out, 'run.json')).length);
  });

  it('writes JSON with sorted keys, rules byte for byte, and raw responses with their request ids', async () => {
    const out = join(dir, 'content');
    const input = sampleInput();
    await exportEvidence(input, out, { exportedAt: AT });
    for (const file of ['run.json', 'inventory.json', 'results.json', 'manifest.json', 'raw/111111111111/us-east-1/cloudtrail/0001-DescribeTrails.json']) {
      const text = readFileSync(join(out, file), 'utf8');
      expect(text).toBe(`${JSON.stringify(sortKeys(JSON.parse(text)), null, 2)}\n`);
    }
    expect(readFileSync(join(out, 'rules/builtin/cloudtrail/fixture-trail-validation.yaml'), 'utf8')).toBe(input.rules[0]!.content);
    const raw = JSON.parse(readFileSync(join(out, 'raw/111111111111/eu-west-1/s3/0001-GetBucketPolicy.json'), 'utf8'));
    expect(raw).toMatchObject({ requestId: 'req-0004', operation: 'GetBucketPolicy', params: { Bucket: 'org-trail-logs' }, error: { name: 'AccessDenied' } });
    const run = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8'));
    expect(run.rulePacks).toEqual([{ name: 'builtin', files: 2, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
    expect(run.accounts[0].callerIdentity.Arn).toBe('arn:aws:sts::111111111111:assumed-role/trailguard-audit/scan');
    expect(run.export).toEqual({ exportedAt: AT, tool: { name: 'trailguard', version: expect.any(String) } });
  });

  it('numbers raw responses the same whatever order the sweep delivered them in', async () => {
    const a = join(dir, 'raw-a');
    const b = join(dir, 'raw-b');
    await exportEvidence(sampleInput({ raw: RAW }), a, { exportedAt: AT });
    async function* reversed() {
      for (const record of [...RAW].reverse()) yield record;
    }
    await exportEvidence(sampleInput({ raw: reversed() }), b, { exportedAt: AT });
    for (const file of filesUnder(a)) expect(readFileSync(join(b, file)), file).toEqual(readFileSync(join(a, file)));
  });

  it('is byte-identical for the same inputs, and differs only in run.json times (and the files sealing it) otherwise', async () => {
    const first = join(dir, 'det-1');
    const second = join(dir, 'det-2');
    const third = join(dir, 'det-3');
    await exportEvidence(sampleInput(), first, { signer, exportedAt: AT });
    await exportEvidence(sampleInput(), second, { signer, exportedAt: AT });
    await exportEvidence(sampleInput(), third, { signer, exportedAt: '2026-06-02T09:00:00.000Z' });
    const files = filesUnder(first);
    expect(filesUnder(second)).toEqual(files);
    for (const file of files) expect(readFileSync(join(second, file)), file).toEqual(readFileSync(join(first, file)));
    const differing = files.filter((f) => !readFileSync(join(third, f)).equals(readFileSync(join(first, f))));
    expect(differing).toEqual(['SHA256SUMS', 'manifest.json', 'manifest.sig', 'run.json']);
    const withoutExport = (root: string) => ({ ...JSON.parse(readFileSync(join(root, 'run.json'), 'utf8')), export: undefined });
    expect(withoutExport(third)).toEqual(withoutExport(first));
  });

  it('writes a reproducible .tar.gz that verifies and extracts to the same files as the folder', async () => {
    const one = join(dir, 'one.tar.gz');
    const two = join(dir, 'two.tar.gz');
    await exportEvidence(sampleInput(), one, { signer, exportedAt: AT });
    await exportEvidence(sampleInput(), two, { signer, exportedAt: AT });
    expect(readFileSync(two).equals(readFileSync(one))).toBe(true);
    expect(await verifyEvidence(one)).toMatchObject({ ok: true, problems: [] });

    const folder = join(dir, 'det-1');
    const extracted = join(dir, 'one-extracted');
    mkdirSync(extracted);
    await extract({ file: one, cwd: extracted });
    expect(filesUnder(extracted)).toEqual(filesUnder(folder));
    for (const file of filesUnder(folder)) expect(readFileSync(join(extracted, file)), file).toEqual(readFileSync(join(folder, file)));
  });

  it('finds a file changed inside a re-packed .tar.gz', async () => {
    const extracted = join(dir, 'repack');
    mkdirSync(extracted);
    await extract({ file: join(dir, 'one.tar.gz'), cwd: extracted });
    writeFileSync(join(extracted, 'results.json'), readFileSync(join(extracted, 'results.json'), 'utf8').replace('"fail"', '"pass"'));
    const repacked = join(dir, 'repacked.tar.gz');
    await create({ gzip: true, cwd: extracted, file: repacked }, filesUnder(extracted));
    const report = await verifyEvidence(repacked);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([expect.objectContaining({ file: 'results.json', kind: 'modified' })]);
  });

  it('refuses to write into a non-empty folder or over an existing tarball, and accepts an empty folder', async () => {
    const busy = join(dir, 'busy');
    mkdirSync(busy);
    writeFileSync(join(busy, 'notes.txt'), 'mine\n');
    await expect(exportEvidence(sampleInput(), busy, { exportedAt: AT })).rejects.toThrow(InputError);
    await expect(exportEvidence(sampleInput(), join(dir, 'one.tar.gz'), { exportedAt: AT })).rejects.toThrow(/already exists/);
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    await exportEvidence(sampleInput(), empty, { exportedAt: AT });
    expect(filesUnder(empty)).toContain('manifest.json');
    expect(readdirSync(dir).filter((f) => f.includes('.partial-'))).toEqual([]);
  });

  it('rejects a rule path that would leave the bundle', async () => {
    const input = sampleInput({ rules: [{ pack: 'mine', relativePath: '../../etc/passwd', content: 'x' }] });
    await expect(exportEvidence(input, join(dir, 'escape'), { exportedAt: AT })).rejects.toThrow(/not a plain relative path/);
  });
});
