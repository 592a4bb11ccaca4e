/** Shared inputs for the evidence tests: a small but complete scan, keys, and scratch folders. */
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { ResultsDocument } from '../../src/evaluate/types.js';
import type { EvidenceInput, RawRecord } from '../../src/evidence/types.js';
import type { Inventory } from '../../src/inventory/types.js';
import { buildReport, type VerifyLogsReport } from '../../src/verify-logs/report.js';

const FIXTURES = resolve(import.meta.dirname, '..', 'fixtures');

export async function scratchDir(name: string): Promise<string> {
  const base = resolve(import.meta.dirname, '..', '..', 'test-output', 'evidence');
  mkdirSync(base, { recursive: true });
  return mkdtemp(join(base, `${name}-`));
}

export const RAW: RawRecord[] = [
  {
    accountId: '111111111111',
    region: 'us-east-1',
    service: 'cloudtrail',
    operation: 'DescribeTrails',
    requestId: 'req-0001',
    params: { includeShadowTrails: true },
    response: { trailList: [{ Name: 'org-trail', IsMultiRegionTrail: true }], $metadata: { httpStatusCode: 200, requestId: 'req-0001' } },
  },
  {
    accountId: '111111111111',
    region: 'us-east-1',
    service: 'cloudtrail',
    operation: 'GetTrailStatus',
    requestId: 'req-0002',
    params: { Name: 'org-trail' },
    response: { IsLogging: true },
  },
  {
    accountId: '111111111111',
    region: 'us-east-1',
    service: 'sts',
    operation: 'AssumeRole',
    requestId: 'req-0003',
    params: { RoleArn: 'arn:aws:iam::111111111111:role/audit', RoleSessionName: 'trailguard-scan' },
    response: {
      Credentials: {
        AccessKeyId: 'ASIAEXAMPLEEXAMPLE12',
        SecretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY',
        SessionToken: 'IQoJb3JpZ2luX2VjEXAMPLETOKENEXAMPLETOKENEXAMPLETOKENEXAMPLETOKEN',
      },
    },
  },
  {
    accountId: '111111111111',
    region: 'eu-west-1',
    service: 's3',
    operation: 'GetBucketPolicy',
    requestId: 'req-0004',
    params: { Bucket: 'org-trail-logs' },
    error: { name: 'AccessDenied', message: 'Access Denied', httpStatusCode: 403 },
  },
];

const TRAIL_ARN = 'arn:aws:cloudtrail:us-east-1:111111111111:trail/org-trail';

/** A verify-logs report over one hour: one valid digest listing two log files, one of them changed. */
export function verifyLogsReport(): VerifyLogsReport {
  const at = { bucket: 'org-trail-logs', accountId: '111111111111', region: 'us-east-1' };
  return buildReport({
    tool: { name: 'trailguard', version: '0.1.0' },
    trail: { arn: TRAIL_ARN, name: 'org-trail', homeRegion: 'us-east-1', bucket: 'org-trail-logs', organizationTrail: true, multiRegionTrail: true, logFileValidationEnabled: true },
    requested: { start: '2026-06-01T10:00:00Z', end: '2026-06-01T11:00:00Z' },
    accounts: ['111111111111'],
    regions: ['us-east-1'],
    digests: [{ ...at, key: 'AWSLogs/111111111111/CloudTrail-Digest/us-east-1/2026/06/01/d1.json.gz', outcome: 'digest valid' }],
    logFiles: [
      { ...at, key: 'AWSLogs/111111111111/CloudTrail/us-east-1/2026/06/01/l1.json.gz', outcome: 'log file valid' },
      { ...at, key: 'AWSLogs/111111111111/CloudTrail/us-east-1/2026/06/01/l2.json.gz', outcome: 'log file modified' },
    ],
    chainRestarts: [],
    errors: [],
    logBytes: { compressed: 2048, uncompressed: 9000 },
  });
}

export function sampleInput(overrides: Partial<EvidenceInput> = {}): EvidenceInput {
  const inventory = JSON.parse(readFileSync(join(FIXTURES, 'inventory', 'compliant.json'), 'utf8')) as Inventory;
  const results = JSON.parse(readFileSync(join(FIXTURES, 'results', 'org-scan.json'), 'utf8')) as ResultsDocument;
  const rule = (name: string) => ({ pack: 'builtin', relativePath: `cloudtrail/${name}`, content: readFileSync(join(FIXTURES, 'rules', 'valid', name), 'utf8') });
  return {
    run: {
      argv: ['scan', '--profile', 'audit', '--external-id', 'very-private-id', '--evidence', 'out.tar.gz', '--sign-key', 'keys/evidence.pem'],
      startedAt: '2026-06-01T12:00:00.000Z',
      endedAt: '2026-06-01T12:00:42.000Z',
      exitCode: 1,
    },
    inventory,
    raw: RAW,
    rules: [rule('fixture-trail-validation.yaml'), rule('fixture-critical-buckets.yaml')],
    config: { name: 'trailguard.yaml', content: 'regions: [us-east-1, eu-west-1]\n' },
    waivers: { name: 'waivers.yaml', content: 'waivers: []\n' },
    results,
    reports: [
      { name: 'results.sarif', content: '{"version":"2.1.0","runs":[]}\n' },
      { name: 'report.html', content: '<!DOCTYPE html><title>report</title><p>16 results</p>\n' },
    ],
    verifyLogs: [{ trailArn: TRAIL_ARN, report: verifyLogsReport() }],
    ...overrides,
  };
}

/** An Ed25519 key pair as PEM files, as `openssl genpkey -algorithm ed25519` would make. */
export function ed25519Keys(dir: string, name = 'signing'): { privateKey: string; publicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const paths = { privateKey: join(dir, `${name}.pem`), publicKey: join(dir, `${name}.pub.pem`) };
  writeFileSync(paths.privateKey, privateKey.export({ type: 'pkcs8', format: 'pem' }));
  writeFileSync(paths.publicKey, publicKey.export({ type: 'spki', format: 'pem' }));
  return paths;
}

/** Runs the CLI in-process, capturing its output. */
export { cli } from '../helpers/cli.js';
