/** Every verify-logs outcome, produced by the simulator's tampering options and read through the real SDK clients. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../../src/simulator/index.js';
import type { TrailLogsManifest } from '../../src/simulator/trail-logs.js';
import { reportJson, type VerifyLogsReport } from '../../src/verify-logs/report.js';
import { exitCodeOf, verifyTrailLogs } from '../../src/verify-logs/verify.js';
import { END, START, TRAIL_ARN, outcomeOf, range, schemaProblems, simulatorWith, targetFor } from './helpers.js';

describe('an untouched trail', () => {
  let sim: Simulator;
  let manifest: TrailLogsManifest;
  let report: VerifyLogsReport;
  beforeAll(async () => {
    ({ sim, manifest } = await simulatorWith({ trail: TRAIL_ARN, start: START, end: END, regions: ['us-east-1'], seed: 11 }));
    report = await verifyTrailLogs({ trail: 'main', target: targetFor(sim), ...range });
  });
  afterAll(() => sim.close());

  it('finds every digest and log file valid and says the trail is intact', () => {
    expect(report.summary.digestFiles).toEqual({ valid: manifest.digests.length, total: manifest.digests.length });
    expect(report.summary.logFiles).toEqual({ valid: manifest.logFiles.length, total: manifest.logFiles.length });
    expect(manifest.digests.length).toBe(8);
    expect(report.summary.intact).toBe(true);
    expect(exitCodeOf(report)).toBe(0);
    expect(report.found?.start).toBe(START);
  });

  it('writes a report valid against its schema, the same on a second run', async () => {
    expect(schemaProblems(report)).toEqual([]);
    const again = await verifyTrailLogs({ trail: TRAIL_ARN, target: targetFor(sim), ...range });
    expect(reportJson(again)).toBe(reportJson(report));
  });

  it('reads everything through paginated listings when S3 pages are tiny', async () => {
    sim.setPageSize(3);
    const paged = await verifyTrailLogs({ trail: 'main', target: targetFor(sim), ...range, concurrency: 3 });
    sim.setPageSize(undefined);
    expect(reportJson(paged)).toBe(reportJson(report));
    expect(sim.requests.filter((r) => r.operation === 'ListObjectsV2').length).toBeGreaterThan(10);
  });

  it('made only read calls', () => {
    expect(sim.mutations).toEqual([]);
  });
});

describe('a tampered trail', () => {
  let sim: Simulator;
  let m: TrailLogsManifest;
  let report: VerifyLogsReport;
  beforeAll(async () => {
    ({ sim, manifest: m } = await simulatorWith({
      trail: TRAIL_ARN,
      start: START,
      end: END,
      regions: ['us-east-1'],
      seed: 5,
      tamper: { modifyLogFiles: 2, deleteLogFiles: 1, deleteDigests: 1, breakChain: 1, unknownKeyDigests: 1, forgeDigests: 1, unlistedLogFiles: 1 },
    }));
    report = await verifyTrailLogs({ trail: 'main', target: targetFor(sim), ...range });
  });
  afterAll(() => sim.close());

  it('reports a rewritten log file as "log file modified", with both hashes', () => {
    expect(m.modifiedLogFiles).toHaveLength(2);
    for (const key of m.modifiedLogFiles) {
      const v = report.logFiles.find((l) => l.key === key);
      expect(v?.outcome).toBe('log file modified');
      expect(v?.actualSha256).toMatch(/^[0-9a-f]{64}$/);
      expect(v?.actualSha256).not.toBe(v?.expectedSha256);
    }
  });

  it('reports a removed log file as "log file deleted"', () => {
    expect(m.deletedLogFiles.map((k) => outcomeOf(report, k))).toEqual(['log file deleted']);
  });

  it('reports a removed digest as "digest missing", and the files only it listed as "log file not in any digest"', () => {
    expect(m.deletedDigests.map((k) => outcomeOf(report, k))).toEqual(['digest missing']);
    const orphans = report.logFiles.filter((l) => l.outcome === 'log file not in any digest');
    expect(orphans.map((l) => l.key)).toEqual(expect.arrayContaining(m.unlistedLogFiles));
    const unlisted = orphans.filter((l) => l.reason?.endsWith('listed by no digest'));
    expect(unlisted).toHaveLength(m.unlistedLogFiles.length + 4); // the deleted digest listed 4 files
  });

  it('counts no listing of a digest that failed its check: those files are reported, naming the digest', () => {
    const failed = [...m.brokenChainDigests, ...m.unknownKeyDigests, ...m.forgedDigests];
    const vouchedByFailed = report.logFiles.filter((l) => l.reason?.startsWith('listed only by digest '));
    // 4 files each, less the one the forged digest dropped.
    expect(vouchedByFailed).toHaveLength(4 * failed.length - 1);
    expect(new Set(vouchedByFailed.map((l) => /^listed only by digest (\S+),/.exec(l.reason ?? '')?.[1]))).toEqual(new Set(failed));
  });

  it('reports a digest whose previousDigestSignature does not match its predecessor as a broken chain', () => {
    const v = report.digests.find((d) => d.key === m.brokenChainDigests[0]);
    expect(v?.outcome).toBe('digest signature invalid');
    expect(v?.reason).toMatch(/^chain broken/);
  });

  it('reports a digest signed with a key ListPublicKeys does not know as "public key not found"', () => {
    expect(m.unknownKeyDigests.map((k) => outcomeOf(report, k))).toEqual(['public key not found']);
  });

  it('reports a digest edited after signing as "digest signature invalid", without blaming its successor', () => {
    const v = report.digests.find((d) => d.key === m.forgedDigests[0]);
    expect(v).toMatchObject({ outcome: 'digest signature invalid', reason: 'signature verification failed' });
    expect(report.summary.outcomes['digest signature invalid']).toBe(2);
  });

  it('counts everything else valid and exits 1', () => {
    const damagedDigests = m.deletedDigests.length + m.brokenChainDigests.length + m.unknownKeyDigests.length + m.forgedDigests.length;
    expect(report.summary.digestFiles.valid).toBe(m.digests.length - damagedDigests);
    expect(report.summary.outcomes).toMatchObject({
      'digest missing': 1,
      'public key not found': 1,
      'log file modified': 2,
      'log file deleted': 1,
      'log file not in any digest': 5 + 11,
    });
    expect(report.summary.intact).toBe(false);
    expect(exitCodeOf(report)).toBe(1);
    expect(schemaProblems(report)).toEqual([]);
  });
});
