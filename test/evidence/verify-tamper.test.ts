/**
 * `trailguard evidence verify` catches every way of tampering with a bundle, names the file and
 * how it differs, and exits 1; an intact bundle exits 0; an unreadable one exits 2.
 */
import { createPublicKey } from 'node:crypto';
import { cpSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { create } from 'tar';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportEvidence } from '../../src/evidence/export.js';
import { renderManifest, sha256Hex, type Manifest } from '../../src/evidence/manifest.js';
import { ed25519KeyFileSigner, publicKeySha256 } from '../../src/evidence/sign.js';
import { renderSums } from '../../src/evidence/sha256sums.js';
import { cli, ed25519Keys, sampleInput, scratchDir } from './sample.js';

let dir: string;
let pristine: string;
let keys: { privateKey: string; publicKey: string };
let n = 0;

beforeAll(async () => {
  dir = await scratchDir('tamper');
  keys = ed25519Keys(dir);
  pristine = join(dir, 'pristine');
  await exportEvidence(sampleInput(), pristine, { signer: await ed25519KeyFileSigner(keys.privateKey), exportedAt: '2026-06-01T13:00:00.000Z' });
});

/** A fresh copy of the intact bundle to damage. */
function copy(): string {
  const target = join(dir, `copy-${n++}`);
  cpSync(pristine, target, { recursive: true });
  return target;
}

function flipByte(file: string, at = 10): void {
  const bytes = readFileSync(file);
  const i = Math.min(at, bytes.length - 1);
  bytes[i] = bytes[i]! ^ 0x01;
  writeFileSync(file, bytes);
}

async function verifyProblems(bundle: string, extra: string[] = []) {
  const result = await cli(['evidence', 'verify', bundle, ...extra]);
  const lines = result.out.split('\n').filter((l) => /^[^ ]+: (modified|missing|extra|size|signature|unreadable): /.test(l));
  return { ...result, problems: lines.map((l) => l.split(': ').slice(0, 2).join(': ')) };
}

describe('evidence verify', () => {
  it('accepts the intact bundle, saying the signature was checked against the embedded key only', async () => {
    const { code, out } = await cli(['evidence', 'verify', pristine]);
    expect(code).toBe(0);
    expect(out).toContain('intact');
    expect(out).toContain('embedded in the bundle only');
  });

  it('accepts the intact bundle against the trusted key', async () => {
    const { code, out } = await cli(['evidence', 'verify', pristine, '--public-key', keys.publicKey]);
    expect(code).toBe(0);
    expect(out).toContain('checked against the trusted key you gave');
  });

  const files = [
    'run.json',
    'inventory.json',
    'raw/111111111111/us-east-1/cloudtrail/0002-GetTrailStatus.json',
    'rules/builtin/cloudtrail/fixture-trail-validation.yaml',
    'config/trailguard.yaml',
    'waivers/waivers.yaml',
    'results.json',
    'reports/report.html',
    'verify-logs/111111111111-us-east-1-org-trail.json',
    'index.html',
    'README.txt',
    'signing-public-key.pem',
  ];
  it.each(files)('names %s when one byte of it changes', async (file) => {
    const bundle = copy();
    flipByte(join(bundle, file), 30);
    const { code, problems } = await verifyProblems(bundle);
    expect(code).toBe(1);
    expect(problems).toContain(`${file}: modified`);
  });

  it('names manifest.json when one byte of it changes, and the signature no longer verifies', async () => {
    const bundle = copy();
    flipByte(join(bundle, 'manifest.json'), 200);
    const { code, problems } = await verifyProblems(bundle);
    expect(code).toBe(1);
    expect(problems).toEqual(['manifest.json: modified', 'manifest.sig: signature']);
  });

  it('names SHA256SUMS alone when one byte of it changes', async () => {
    const bundle = copy();
    flipByte(join(bundle, 'SHA256SUMS'), 5);
    const { code, problems } = await verifyProblems(bundle);
    expect(code).toBe(1);
    expect(problems).toEqual(['SHA256SUMS: modified']);
  });

  it('reports a deleted file as missing', async () => {
    const bundle = copy();
    rmSync(join(bundle, 'raw/111111111111/us-east-1/sts/0001-AssumeRole.json'));
    const { code, problems } = await verifyProblems(bundle);
    expect(code).toBe(1);
    expect(problems).toEqual(['raw/111111111111/us-east-1/sts/0001-AssumeRole.json: missing']);
  });

  it('reports an added file as extra', async () => {
    const bundle = copy();
    writeFileSync(join(bundle, 'reports', 'late-addition.md'), '# all good\n');
    const { code, problems } = await verifyProblems(bundle);
    expect(code).toBe(1);
    expect(problems).toEqual(['reports/late-addition.md: extra']);
  });

  it('reports two swapped files, each by name', async () => {
    const bundle = copy();
    const [a, b] = ['rules/builtin/cloudtrail/fixture-trail-validation.yaml', 'rules/builtin/cloudtrail/fixture-critical-buckets.yaml'].map((f) => join(bundle, f));
    renameSync(a!, `${a}.tmp`);
    renameSync(b!, a!);
    renameSync(`${a}.tmp`, b!);
    const { code, problems } = await verifyProblems(bundle);
    expect(code).toBe(1);
    expect(problems).toEqual(['rules/builtin/cloudtrail/fixture-critical-buckets.yaml: size', 'rules/builtin/cloudtrail/fixture-trail-validation.yaml: size']);
  });

  it('reports a same-size change as modified and a truncation as size', async () => {
    const bundle = copy();
    const results = join(bundle, 'results.json');
    writeFileSync(results, readFileSync(results, 'utf8').replace('"status": "fail"', '"status": "pass"'));
    writeFileSync(join(bundle, 'inventory.json'), readFileSync(join(bundle, 'inventory.json')).subarray(0, 100));
    const { problems } = await verifyProblems(bundle);
    expect(problems).toEqual(['inventory.json: size', 'results.json: modified']);
  });

  it('reports a replaced signature', async () => {
    const bundle = copy();
    const other = ed25519Keys(dir, `other-${n}`);
    const signer = await ed25519KeyFileSigner(other.privateKey);
    writeFileSync(join(bundle, 'manifest.sig'), await signer.sign(readFileSync(join(bundle, 'manifest.json'))));
    const { code, problems } = await verifyProblems(bundle);
    expect(code).toBe(1);
    expect(problems).toEqual(['manifest.sig: signature']);
  });

  it('reports a deleted signature as missing', async () => {
    const bundle = copy();
    rmSync(join(bundle, 'manifest.sig'));
    const { code, problems } = await verifyProblems(bundle);
    expect(code).toBe(1);
    expect(problems).toEqual(['manifest.sig: missing']);
  });

  it('catches a bundle re-signed with another key only when the auditor passes the key they trust', async () => {
    const bundle = copy();
    // The attacker edits a result, replaces the embedded key with theirs, and re-seals everything.
    const results = join(bundle, 'results.json');
    writeFileSync(results, readFileSync(results, 'utf8').replace('"status": "fail"', '"status": "pass"'));
    const attacker = ed25519Keys(dir, `attacker-${n}`);
    const signer = await ed25519KeyFileSigner(attacker.privateKey);
    const { publicKeyPem } = await signer.describe();
    writeFileSync(join(bundle, 'signing-public-key.pem'), publicKeyPem);
    const manifest = JSON.parse(readFileSync(join(bundle, 'manifest.json'), 'utf8')) as Manifest;
    for (const entry of manifest.files) {
      const bytes = readFileSync(join(bundle, entry.path));
      entry.sha256 = sha256Hex(bytes);
      entry.size = bytes.length;
    }
    manifest.signature!.publicKeySha256 = publicKeySha256(createPublicKey(publicKeyPem));
    const text = renderManifest(manifest);
    writeFileSync(join(bundle, 'manifest.json'), text);
    writeFileSync(join(bundle, 'manifest.sig'), await signer.sign(Buffer.from(text)));
    writeFileSync(join(bundle, 'SHA256SUMS'), renderSums([...manifest.files, { path: 'manifest.json', sha256: sha256Hex(text) }]));

    const embeddedOnly = await verifyProblems(bundle);
    expect(embeddedOnly.code).toBe(0);
    expect(embeddedOnly.out).toContain('embedded in the bundle only');

    const trusted = await verifyProblems(bundle, ['--public-key', keys.publicKey]);
    expect(trusted.code).toBe(1);
    expect(trusted.problems).toEqual(['manifest.sig: signature']);
    expect(trusted.out).toContain('re-signed by someone else?');
  });

  it('exits 2 when the bundle cannot be read', async () => {
    expect((await cli(['evidence', 'verify', join(dir, 'no-such-bundle')])).code).toBe(2);
    const notTar = join(dir, 'not-a-bundle.tar.gz');
    writeFileSync(notTar, 'this is not gzip');
    const { code, err } = await cli(['evidence', 'verify', notTar]);
    expect(code).toBe(2);
    expect(err).toContain('cannot read as a .tar.gz evidence bundle');
    const empty = join(dir, 'empty-folder');
    cpSync(join(pristine, 'config'), empty, { recursive: true });
    expect((await cli(['evidence', 'verify', empty])).code).toBe(2);
  });

  it('exits 2 when the trusted public key is not a key', async () => {
    const { code, err } = await cli(['evidence', 'verify', pristine, '--public-key', join(pristine, 'README.txt')]);
    expect(code).toBe(2);
    expect(err).toContain('README.txt: not a PEM public key');
  });

  it('prints the report as JSON with --json', async () => {
    const bundle = copy();
    rmSync(join(bundle, 'results.json'));
    const { code, out } = await cli(['evidence', 'verify', bundle, '--json']);
    expect(code).toBe(1);
    const report = JSON.parse(out) as { ok: boolean; problems: Array<{ file: string; kind: string }> };
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([expect.objectContaining({ file: 'results.json', kind: 'missing' })]);
  });
});

describe('evidence verify without a manifest', () => {
  it('still checks every file against SHA256SUMS and says the signature was not checked', async () => {
    const bundle = copy();
    rmSync(join(bundle, 'manifest.json'));
    flipByte(join(bundle, 'results.json'), 40);
    const { code, problems, out } = await verifyProblems(bundle);
    expect(code).toBe(1);
    expect(problems).toEqual(['manifest.json: missing', 'results.json: modified']);
    expect(out).toContain('signature: not checked');
  });
});

describe('evidence verify on a .tar.gz', () => {
  it('reports links and entries stored twice without extracting anything', async () => {
    const bundle = copy();
    symlinkSync('/etc/passwd', join(bundle, 'reports', 'passwd'));
    const files = (readdirSync(bundle, { recursive: true }) as string[]).filter((f) => f.includes('.') || f === 'SHA256SUMS' || f === 'reports/passwd').sort();
    const tarball = join(dir, `links-${n++}.tar.gz`);
    await create({ gzip: true, cwd: bundle, file: tarball, noDirRecurse: true }, [...files, 'results.json']);
    const { code, problems } = await verifyProblems(tarball);
    expect(code).toBe(1);
    expect(problems).toEqual(['reports/passwd: unreadable', 'results.json: extra']);
  });
});
