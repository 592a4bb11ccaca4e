/**
 * Files an attacker who can write to the log bucket may leave there, read by the fetch workers:
 * a log file that is not gzip, a digest that inflates past the size limit (a decompression
 * bomb), and log files too large to inflate in memory, one of whose gzip trailers understates
 * its size. Each gets its verdict, the rest of the trail is verified, and nothing is a read error.
 */
import { createHash, randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../../src/simulator/index.js';
import type { TrailLogsManifest } from '../../src/simulator/trail-logs.js';
import type { VerifyLogsReport } from '../../src/verify-logs/report.js';
import { exitCodeOf, verifyTrailLogs } from '../../src/verify-logs/verify.js';
import { BUCKET, START, END, TRAIL_ARN, outcomeOf, range, simulatorWith, targetFor } from './helpers.js';

describe('hostile files in the log bucket', () => {
  let sim: Simulator;
  let m: TrailLogsManifest;
  let report: VerifyLogsReport;
  let notGzip: string;
  let bomb: string;
  // Two gzip members: 20 MiB inflated, but the trailer (the last member's) announces 7 bytes.
  const understated = [Buffer.alloc(20 * 1024 * 1024, 'a'), Buffer.from('{"x":1}')];
  // Over 1 MiB of gzip: streamed, never read whole.
  const incompressible = randomBytes(1536 * 1024);
  const sha256 = (...parts: Buffer[]): string => createHash('sha256').update(Buffer.concat(parts)).digest('hex');
  beforeAll(async () => {
    ({ sim, manifest: m } = await simulatorWith({ trail: TRAIL_ARN, start: START, end: END, regions: ['us-east-1'], seed: 13 }));
    notGzip = m.logFiles[0] as string;
    bomb = m.digests[5] as string;
    sim.world.putObject(BUCKET, notGzip, Buffer.from('{"Records": []}'));
    // 65 MiB of zeros, 66 KB gzipped: over the 64 MiB a digest may inflate to.
    sim.world.putObject(BUCKET, bomb, gzipSync(Buffer.alloc(65 * 1024 * 1024)), { signature: 'ab'.repeat(256), 'signature-algorithm': 'SHA256withRSA' });
    sim.world.putObject(BUCKET, m.logFiles[1] as string, Buffer.concat(understated.map((part) => gzipSync(part))));
    sim.world.putObject(BUCKET, m.logFiles[2] as string, gzipSync(incompressible));
    report = await verifyTrailLogs({ trail: 'main', target: targetFor(sim), ...range, workers: 2 });
  });
  afterAll(() => sim.close());

  it('reports a log file that is not gzip as modified, naming the zlib error', () => {
    expect(report.logFiles.find((l) => l.key === notGzip)).toMatchObject({ outcome: 'log file modified', reason: 'not a valid gzip file (Z_DATA_ERROR)' });
  });

  it('stops inflating a digest at the size limit and reports it as invalid', () => {
    const verdict = report.digests.find((d) => d.key === bomb);
    expect(verdict?.outcome).toBe('digest signature invalid');
    expect(verdict?.reason).toMatch(/^not a readable gzip file \(.*67108864 bytes\)$/);
  });

  it('hashes log files too large to inflate in memory in full, whatever their gzip trailer announces', () => {
    const verdicts = [m.logFiles[1], m.logFiles[2]].map((key) => report.logFiles.find((l) => l.key === key));
    expect(verdicts).toMatchObject([
      { outcome: 'log file modified', actualSha256: sha256(...understated) },
      { outcome: 'log file modified', actualSha256: sha256(incompressible) },
    ]);
  });

  it('verifies everything else, with no read error, and exits 1', () => {
    expect(report.errors).toEqual([]);
    expect(outcomeOf(report, m.digests[4] as string)).toBe('digest valid');
    expect(report.summary.digestFiles).toEqual({ valid: m.digests.length - 1, total: m.digests.length });
    expect(exitCodeOf(report)).toBe(1);
  });
});
