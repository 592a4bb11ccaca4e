/** Organization and account layouts, multi-region chains, and trails sharing a bucket. */
import { beforeAll, describe, expect, it } from 'vitest';
import { addTrailLogs, type TrailLogsManifest } from '../../src/simulator/trail-logs.js';
import type { VerifyLogsReport } from '../../src/verify-logs/report.js';
import { exitCodeOf, verifyTrailLogs } from '../../src/verify-logs/verify.js';
import { useSimulator } from '../helpers/simulator.js';
import { END, MEMBER_A, MEMBER_B, ORG_TRAIL_ARN, OWNER, START, TRAIL_ARN, range, targetFor, world } from './helpers.js';

describe('an organization trail', () => {
  const sim = useSimulator(world);
  let m: TrailLogsManifest;
  let report: VerifyLogsReport;
  beforeAll(async () => {
    m = addTrailLogs(sim.world, { trail: ORG_TRAIL_ARN, start: START, end: END, regions: ['us-east-1', 'eu-west-1'], seed: 21, filesPerHour: 2, tamper: { modifyLogFiles: 1 } });
    report = await verifyTrailLogs({ trail: ORG_TRAIL_ARN, target: targetFor(sim), ...range });
  });

  it('reads every member account under <prefix>/AWSLogs/<o-id>/<account>/', () => {
    expect(report.accounts).toEqual([OWNER, MEMBER_A, MEMBER_B].sort());
    expect(report.regions).toEqual(['eu-west-1', 'us-east-1']);
    for (const d of report.digests)
      expect(d.key).toMatch(
        new RegExp(
          `^central/AWSLogs/o-a1b2c3d4e5/${d.accountId}/CloudTrail-Digest/${d.region}/2026/11/24/${d.accountId}_CloudTrail-Digest_${d.region}_org-trail_us-east-1_\\d{8}T\\d{6}Z\\.json\\.gz$`,
        ),
      );
    expect(report.digests).toHaveLength(m.digests.length);
    expect(m.digests).toHaveLength(3 * 2 * 8);
  });

  it("verifies each member's chain and log files and finds the one modified file", () => {
    expect(report.summary.digestFiles.valid).toBe(m.digests.length);
    expect(report.summary.logFiles).toEqual({ valid: m.logFiles.length - 1, total: m.logFiles.length });
    expect(report.logFiles.filter((l) => l.outcome === 'log file modified').map((l) => l.key)).toEqual(m.modifiedLogFiles);
    expect(exitCodeOf(report)).toBe(1);
  });
});

describe('a multi-region trail sharing its bucket with a single-region trail', () => {
  const sim = useSimulator(world);
  let main: TrailLogsManifest;
  let other: TrailLogsManifest;
  beforeAll(() => {
    main = addTrailLogs(sim.world, { trail: TRAIL_ARN, start: START, end: END, regions: ['ap-southeast-2', 'eu-west-1', 'us-east-1'], seed: 8, filesPerHour: 2 });
    other = addTrailLogs(sim.world, { trail: `arn:aws:cloudtrail:us-east-1:${OWNER}:trail/other`, start: START, end: END, seed: 9, filesPerHour: 3, tamper: { deleteLogFiles: 1 } });
  });

  it('finds a chain in every region the trail delivered from, and only its own digests', async () => {
    const report = await verifyTrailLogs({ trail: 'main', target: targetFor(sim), ...range });
    expect(report.regions).toEqual(['ap-southeast-2', 'eu-west-1', 'us-east-1']);
    expect(report.digests.map((d) => d.key).sort()).toEqual([...main.digests].sort());
    // The other trail's log files sit in the same folders but are listed by its digests: not orphans.
    expect(report.summary.logFiles).toEqual({ valid: main.logFiles.length, total: main.logFiles.length });
    expect(report.summary.intact).toBe(true);
  });

  it('reads only the home region for a single-region trail', async () => {
    const report = await verifyTrailLogs({ trail: 'other', target: targetFor(sim), ...range });
    expect(report.regions).toEqual(['us-east-1']);
    expect(report.digests.map((d) => d.key).sort()).toEqual([...other.digests].sort());
    expect(report.logFiles.filter((l) => l.outcome === 'log file deleted').map((l) => l.key)).toEqual(other.deletedLogFiles);
  });
});
