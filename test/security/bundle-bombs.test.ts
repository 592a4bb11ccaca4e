/**
 * `evidence verify` against .tar.gz bundles built to exhaust memory: a manifest or SHA256SUMS
 * inflating to hundreds of megabytes or gigabytes, half a gigabyte of zeros in one entry, a
 * second compression layer. They run in one child process, measuring wall time and peak RSS.
 * The 4 GiB and 10 GiB entries run in `npm run bench:bundle-bombs` (too slow for npm test).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportEvidence } from '../../src/evidence/export.js';
import { ed25519KeyFileSigner } from '../../src/evidence/sign.js';
import { ed25519Keys, sampleInput, scratchDir } from '../evidence/sample.js';
import { measuredVerify, type MeasuredVerify } from './measured-verify.js';
import { nestedGzip, writeHostileTarball } from './hostile-tarball.js';

const MB = 1024 * 1024;
const GB = 1024 * MB;
/** Node, tsx and the CLI's modules take about 150 MB; a bomb read whole would take its full size. */
const PEAK_RSS_LIMIT_MB = 300;

const BOMBS = [
  ['manifest.json', 700 * MB],
  ['manifest.json', 3 * GB],
  ['SHA256SUMS', 3 * GB],
] as const;

let runs: Map<string, MeasuredVerify>;

beforeAll(async () => {
  const dir = await scratchDir('bombs');
  const keys = ed25519Keys(dir);
  const real = join(dir, 'real.tar.gz');
  await exportEvidence(sampleInput(), real, { signer: await ed25519KeyFileSigner(keys.privateKey), exportedAt: '2026-06-01T13:00:00.000Z' });
  const bundle = readFileSync(real);
  const files: Record<string, string> = { real };
  for (const [name, size] of BOMBS) {
    files[`${name}-${size}`] = join(dir, `${name}-${size}.tar.gz`);
    await writeHostileTarball(files[`${name}-${size}`]!, [{ path: name, zeros: size }], bundle);
  }
  files.nested = join(dir, 'nested.tar.gz');
  writeFileSync(files.nested, nestedGzip(bundle));
  files.zeros = join(dir, 'zeros.tar.gz');
  await writeHostileTarball(files.zeros, [{ path: 'raw/zeros.json', zeros: GB / 2 }], bundle);
  // The largest last: peak RSS only grows, so each run's figure bounds it and all before it.
  const measured = await measuredVerify(keys.publicKey, Object.values(files));
  const names = Object.fromEntries(Object.entries(files).map(([k, v]) => [v, k]));
  runs = new Map(measured.map((m) => [names[m.bundle]!, m]));
}, 120_000);

describe('evidence verify of a decompression bomb', () => {
  it.each(BOMBS)('refuses a %s of %i bytes from its tar header: exit 2, a clear message, bounded memory and time', (name, size) => {
    const r = runs.get(`${name}-${size}`)!;
    expect(r.code).toBe(2);
    expect(r.err).toContain(`entry "${name}" is ${size} bytes; an evidence bundle's ${name} is at most`);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(r.out).toBe('');
    expect(r.peakRssMb).toBeLessThan(PEAK_RSS_LIMIT_MB);
    expect(r.seconds).toBeLessThan(10);
  });

  it('hashes a 512 MiB zero-filled entry as it streams, in bounded memory, and reports it as not in the manifest', () => {
    const r = runs.get('zeros')!;
    expect(r.code).toBe(1);
    expect(r.out).toContain('raw/zeros.json: extra: not listed in the manifest');
    expect(r.out).toMatch(/NOT intact, 1 problem\(s\)/);
    expect(r.peakRssMb).toBeLessThan(PEAK_RSS_LIMIT_MB);
    expect(r.seconds).toBeLessThan(60);
  });

  it('refuses a second compression layer inside the gzip one (exit 2)', () => {
    const r = runs.get('nested')!;
    expect(r.code).toBe(2);
    expect(r.err).toContain('holds another compressed stream inside its gzip layer, not a tar archive');
  });

  it('still finds the untouched bundle intact (exit 0)', () => {
    const r = runs.get('real')!;
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/: intact \(/);
  });
});
