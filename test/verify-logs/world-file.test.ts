/** The world file's `trailLogs` section: generated files served by the simulator, and located errors. */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { parseWorld, startSimulator } from '../../src/simulator/index.js';
import { verifyTrailLogs } from '../../src/verify-logs/verify.js';
import { OWNER, targetFor } from './helpers.js';

const WORLD = `
accounts:
  - Id: "${OWNER}"
    buckets:
      - Name: trail-bucket
    trails:
      - Name: main
        HomeRegion: eu-west-1
        S3BucketName: trail-bucket
        S3KeyPrefix: audit
        LogFileValidationEnabled: true
trailLogs:
  - trail: arn:aws:cloudtrail:eu-west-1:${OWNER}:trail/main
    start: 2026-11-24T00:00:00Z
    end: 2026-11-24T06:00:00Z
    seed: 42
    tamper:
      deleteLogFiles: 1
`;

describe('world file trailLogs', () => {
  it("generates the trail's files at load time; verify-logs finds the deleted one", async () => {
    const sim = await startSimulator({ world: parseWorld(WORLD, 'world.yaml') });
    try {
      const report = await verifyTrailLogs({ trail: 'main', region: 'eu-west-1', target: targetFor(sim), start: new Date('2026-11-24T00:00:00Z'), end: new Date('2026-11-24T06:00:00Z') });
      expect(report.trail.prefix).toBe('audit');
      expect(report.summary.digestFiles).toEqual({ valid: 6, total: 6 });
      expect(report.summary.outcomes['log file deleted']).toBe(1);
      expect(report.logFiles.every((l) => l.key.startsWith(`audit/AWSLogs/${OWNER}/CloudTrail/eu-west-1/`))).toBe(true);
    } finally {
      await sim.close();
    }
  });

  it('reports a misspelt option at its line', () => {
    const bad = WORLD.replace('deleteLogFiles: 1', 'deleteLogFile: 1');
    expect(() => parseWorld(bad, 'world.yaml')).toThrow(InputError);
    expect(() => parseWorld(bad, 'world.yaml')).toThrow(/world\.yaml:18:7: unknown key `deleteLogFile`/);
  });
});
