/**
 * bench:bundle-bombs — `evidence verify` of .tar.gz bundles holding a zero-filled 4 GiB and
 * 10 GiB entry (built in seconds from repeated gzip members), in a child process. Prints wall
 * time, inflate+hash throughput and peak RSS beside the limit; exits 1 when RSS is over it.
 * The smaller bombs run in npm test (test/security/bundle-bombs.test.ts).
 *
 *   npm run bench:bundle-bombs
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportEvidence } from '../src/evidence/export.js';
import { measuredVerify } from '../test/security/measured-verify.js';
import { writeHostileTarball } from '../test/security/hostile-tarball.js';
import { sampleInput } from '../test/evidence/sample.js';

const GIB = 1024 ** 3;
const PEAK_RSS_LIMIT_MB = 300;

const dir = await mkdtemp(join(tmpdir(), 'trailguard-bombs-'));
try {
  const real = join(dir, 'real.tar.gz');
  await exportEvidence(sampleInput(), real, { exportedAt: '2026-06-01T13:00:00.000Z' });
  const files = [];
  for (const gib of [4, 10]) {
    const file = join(dir, `zeros-${gib}g.tar.gz`);
    await writeHostileTarball(file, [{ path: 'raw/zeros.json', zeros: gib * GIB }], readFileSync(real));
    files.push({ file, gib });
  }
  const runs = await measuredVerify(
    '',
    files.map((f) => f.file),
  );
  let over = false;
  console.log('| entry | exit | wall s | inflate+hash MB/s | peak RSS MB | limit MB |');
  console.log('|---|---|---|---|---|---|');
  for (const [i, r] of runs.entries()) {
    const { gib } = files[i]!;
    over ||= r.peakRssMb > PEAK_RSS_LIMIT_MB || r.code !== 1;
    console.log(`| ${gib} GiB of zeros | ${r.code} | ${r.seconds.toFixed(1)} | ${((gib * 1024) / r.seconds).toFixed(0)} | ${r.peakRssMb.toFixed(0)} | ${PEAK_RSS_LIMIT_MB} |`);
  }
  if (over) process.exitCode = 1;
} finally {
  await rm(dir, { recursive: true, force: true });
}
