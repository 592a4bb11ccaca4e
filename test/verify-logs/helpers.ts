/** Worlds, simulator and targets shared by the verify-logs tests. */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { readFileSync } from 'node:fs';
import type { AwsTarget } from '../../src/collect/aws-target.js';
import { startSimulator, type Simulator, type WorldSpec } from '../../src/simulator/index.js';
import { addTrailLogs, type TrailLogsManifest } from '../../src/simulator/trail-logs.js';
import type { TrailLogsSpec } from '../../src/simulator/world/spec.js';
import type { VerifyLogsReport } from '../../src/verify-logs/report.js';

export const OWNER = '111122223333';
export const MEMBER_A = '444455556666';
export const MEMBER_B = '777788889999';
export const BUCKET = 'audit-trail-logs';
export const START = '2026-11-24T00:00:00Z';
export const END = '2026-11-24T08:00:00Z';
export const TRAIL_ARN = `arn:aws:cloudtrail:us-east-1:${OWNER}:trail/main`;
export const ORG_TRAIL_ARN = `arn:aws:cloudtrail:us-east-1:${OWNER}:trail/org-trail`;

/** One account with a multi-region trail `main`, a single-region trail `other` in the same bucket, and an organization trail. */
export function world(): WorldSpec {
  return {
    organization: { MasterAccountId: OWNER, Id: 'o-a1b2c3d4e5' },
    accounts: [
      {
        Id: OWNER,
        buckets: [
          { Name: BUCKET, Region: 'us-east-1' },
          { Name: 'org-logs', Region: 'eu-west-1' },
        ],
        trails: [
          { Name: 'main', HomeRegion: 'us-east-1', S3BucketName: BUCKET, IsMultiRegionTrail: true, LogFileValidationEnabled: true },
          { Name: 'other', HomeRegion: 'us-east-1', S3BucketName: BUCKET, IsMultiRegionTrail: false, LogFileValidationEnabled: true },
          {
            Name: 'org-trail',
            HomeRegion: 'us-east-1',
            S3BucketName: 'org-logs',
            S3KeyPrefix: 'central',
            IsMultiRegionTrail: true,
            IsOrganizationTrail: true,
            LogFileValidationEnabled: true,
          },
          { Name: 'nowhere', HomeRegion: 'us-east-1', S3BucketName: 'no-such-bucket-anywhere', LogFileValidationEnabled: true },
        ],
      },
      { Id: MEMBER_A },
      { Id: MEMBER_B },
    ],
  };
}

export async function simulatorWith(trailLogs: TrailLogsSpec): Promise<{ sim: Simulator; manifest: TrailLogsManifest }> {
  const sim = await startSimulator({ world: world() });
  return { sim, manifest: addTrailLogs(sim.world, trailLogs) };
}

export function targetFor(sim: Simulator, accountId = OWNER): AwsTarget {
  return { credentials: sim.credentialsFor(accountId), globalRegion: 'us-east-1', endpointUrl: sim.endpoint, maxAttempts: 2, requestTimeoutMs: 10_000 };
}

export const range = { start: new Date(START), end: new Date(END) };

const ajv = new Ajv2020({ strict: true, strictRequired: false, allErrors: true });
const validateReport = ajv.compile(JSON.parse(readFileSync(new URL('../../schemas/verify-logs-report.schema.json', import.meta.url), 'utf8')) as object);

/** Schema problems of a report, as readable lines (empty when valid). */
export function schemaProblems(report: unknown): string[] {
  return validateReport(report) ? [] : (validateReport.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

export function outcomeOf(report: VerifyLogsReport, key: string): string | undefined {
  return [...report.digests, ...report.logFiles].find((v) => v.key === key)?.outcome;
}
