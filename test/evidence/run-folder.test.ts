/**
 * `trailguard evidence export --run DIR` re-packages a saved run folder into the same bundle
 * that `scan --evidence` builds in-process (apart from the export time and what seals it).
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extract } from 'tar';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportEvidence } from '../../src/evidence/export.js';
import { loadRunFolder, saveRunFolder } from '../../src/evidence/run-folder.js';
import { ed25519KeyFileSigner } from '../../src/evidence/sign.js';
import { cli, ed25519Keys, sampleInput, scratchDir } from './sample.js';

let dir: string;
let keys: { privateKey: string; publicKey: string };
beforeAll(async () => {
  dir = await scratchDir('run-folder');
  keys = ed25519Keys(dir);
});

function filesUnder(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(root.length + 1))
    .sort();
}

describe('run folder', () => {
  it('holds run.json, inventory, results, raw.jsonl, rules, config, waivers, verify-logs and the reports', async () => {
    const runDir = join(dir, 'layout');
    await saveRunFolder(runDir, sampleInput());
    expect(filesUnder(runDir)).toEqual([
      'config/trailguard.yaml',
      'inventory.json',
      'raw.jsonl',
      'report.html',
      'results.json',
      'results.sarif',
      'rules/builtin/cloudtrail/fixture-critical-buckets.yaml',
      'rules/builtin/cloudtrail/fixture-trail-validation.yaml',
      'run.json',
      'verify-logs/111111111111-us-east-1-org-trail.json',
      'waivers/waivers.yaml',
    ]);
    expect(JSON.parse(readFileSync(join(runDir, 'run.json'), 'utf8')).commandLine).toContain('[REDACTED]');
  });

  it('exports through the CLI to the bundle scan --evidence would have written', async () => {
    const runDir = join(dir, 'saved');
    await saveRunFolder(runDir, sampleInput());
    const inProcess = join(dir, 'in-process');
    await exportEvidence(sampleInput(), inProcess, { signer: await ed25519KeyFileSigner(keys.privateKey) });
    const viaCli = join(dir, 'via-cli.tar.gz');
    const exported = await cli(['evidence', 'export', '--run', runDir, '--out', viaCli, '--sign-key', keys.privateKey]);
    expect(exported.code, exported.err).toBe(0);
    expect(exported.out.trim()).toBe(viaCli);
    const count = '20 files: 17 listed in manifest.json, and manifest.json, SHA256SUMS, manifest.sig sealing them';
    expect(exported.err).toMatch(new RegExp(`${count}; manifest.json SHA-256 [0-9a-f]{64}, signed`));

    // export and verify count the same files, and say why the count exceeds the manifest's.
    const verified = await cli(['evidence', 'verify', viaCli, '--public-key', keys.publicKey]);
    expect(verified.code, verified.out).toBe(0);
    expect(verified.out).toContain(`${viaCli}: intact (${count}; every hash matches)`);

    const extracted = join(dir, 'via-cli');
    mkdirSync(extracted);
    await extract({ file: viaCli, cwd: extracted });
    expect(filesUnder(extracted)).toEqual(filesUnder(inProcess));
    const sealed = ['SHA256SUMS', 'manifest.json', 'manifest.sig', 'run.json'];
    for (const file of filesUnder(inProcess).filter((f) => !sealed.includes(f))) {
      expect(readFileSync(join(extracted, file)), file).toEqual(readFileSync(join(inProcess, file)));
    }
  });

  it('writes <run folder>-evidence.tar.gz beside the run folder when --out is not given, as the README shows', async () => {
    const runDir = join(dir, 'reports', '20260601T120000Z-111111111111');
    await saveRunFolder(runDir, sampleInput());
    const exported = await cli(['evidence', 'export', '--run', 'reports/20260601T120000Z-111111111111'], dir);
    expect(exported.code, exported.err).toBe(0);
    expect(exported.out.trim()).toBe(`${runDir}-evidence.tar.gz`);
    expect((await cli(['evidence', 'verify', `${runDir}-evidence.tar.gz`])).code).toBe(0);
    // A second export refuses to overwrite it.
    const again = await cli(['evidence', 'export', '--run', runDir], dir);
    expect(again.code).toBe(2);
    expect(again.err).toContain('already exists; evidence is never overwritten');
  });

  it('names the file when the run folder is broken', async () => {
    const runDir = join(dir, 'broken');
    await saveRunFolder(runDir, sampleInput());
    writeFileSync(join(runDir, 'raw.jsonl'), '{"accountId":"1"}\nnot json\n');
    await expect(async () => {
      const input = await loadRunFolder(runDir);
      for await (const _ of input.raw!) void _;
    }).rejects.toThrow(/raw\.jsonl:2:1: not a JSON raw response record/);
    writeFileSync(join(runDir, 'results.json'), '{');
    const { code, err } = await cli(['evidence', 'export', '--run', runDir, '--out', join(dir, 'x')]);
    expect(code).toBe(2);
    expect(err).toContain('results.json: not valid JSON');
    expect((await cli(['evidence', 'export', '--run', join(dir, 'nowhere'), '--out', join(dir, 'y')])).code).toBe(2);
  });

  it('rejects --sign-key with a key that is not Ed25519, and both signing flags at once', async () => {
    const runDir = join(dir, 'saved');
    const { generateKeyPairSync } = await import('node:crypto');
    const rsa = join(dir, 'rsa.pem');
    writeFileSync(rsa, generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const wrongKey = await cli(['evidence', 'export', '--run', runDir, '--out', join(dir, 'z'), '--sign-key', rsa]);
    expect(wrongKey.code).toBe(2);
    expect(wrongKey.err).toContain('rsa.pem: is a rsa key; --sign-key needs an Ed25519 key');
    const both = await cli(['evidence', 'export', '--run', runDir, '--out', join(dir, 'z'), '--sign-key', keys.privateKey, '--sign-kms-key', 'arn:aws:kms:eu-west-1:111111111111:key/x']);
    expect(both.code).toBe(2);
  });
});
