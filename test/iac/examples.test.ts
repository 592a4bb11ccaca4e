/**
 * `trailguard iac` on each example of examples/iac/, as a user runs it: every rule's verdict on
 * every resource of the configuration, and on the account (whose account-wide facts are
 * live-only without --inventory). The broken variants fail exactly what their comments say.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ResultsDocument } from '../../src/evaluate/types.js';
import { runIac } from './run-iac.js';

const CFN_TARGET = ['--account-id', '111122223333', '--region', 'eu-west-1'];
const EXAMPLES: Record<string, string[]> = {
  'tf-compliant': ['examples/iac/terraform/compliant/plan.json'],
  'tf-broken': ['examples/iac/terraform/broken/plan.json'],
  'cf-compliant': ['examples/iac/cloudformation/log-archive.yaml', ...CFN_TARGET],
  'cf-broken': ['examples/iac/cloudformation/log-archive-broken.yaml', ...CFN_TARGET],
};

/** Rule and resource name → status, on the configuration's resources (not the account), grouped by status. */
const EXPECTED: Record<string, Record<string, string[]>> = {
  'tf-compliant': {
    'pass': [
      'cloudtrail-all-trails-logging organization-trail',
      'cloudtrail-insights-enabled organization-trail',
      'cloudtrail-kms-key-healthy organization-trail',
      'cloudtrail-log-file-validation organization-trail',
      'cloudtrail-sse-kms organization-trail',
      'cloudtrail-trail-tagged organization-trail',
      'cw-alarm-actions-enabled organization-trail',
      'kms-cmk-rotation alias/organization-trail',
      'logs-trail-log-group-kms organization-trail',
      'logs-trail-log-group-retention organization-trail',
      'org-cloudtrail-trusted-access o-exampleorgid',
      's3-trail-bucket-access-logging acme-cloudtrail-logs-111122223333',
      's3-trail-bucket-encryption-default acme-cloudtrail-logs-111122223333',
      's3-trail-bucket-exists-owned acme-cloudtrail-logs-111122223333',
      's3-trail-bucket-lifecycle-archive acme-cloudtrail-logs-111122223333',
      's3-trail-bucket-mfa-delete acme-cloudtrail-logs-111122223333',
      's3-trail-bucket-not-public acme-cloudtrail-logs-111122223333',
      's3-trail-bucket-object-lock acme-cloudtrail-logs-111122223333',
      's3-trail-bucket-policy-denies-delete acme-cloudtrail-logs-111122223333',
      's3-trail-bucket-policy-scoped acme-cloudtrail-logs-111122223333',
      's3-trail-bucket-replication acme-cloudtrail-logs-111122223333',
      's3-trail-bucket-tls-only acme-cloudtrail-logs-111122223333',
      's3-trail-bucket-versioning acme-cloudtrail-logs-111122223333',
    ],
    'skip': [
      'cloudtrail-sns-notification-valid organization-trail',
      'cloudtrail-trail-designated-bucket organization-trail',
    ],
    'live-only': [
      'cloudtrail-cloudwatch-logs-integration organization-trail',
      'cloudtrail-digest-delivery-healthy organization-trail',
      'cloudtrail-organization-trail-covers-all-accounts o-exampleorgid',
      'cloudtrail-s3-delivery-healthy organization-trail',
      'org-scp-protects-cloudtrail o-exampleorgid',
      'org-trail-present o-exampleorgid',
      'sns-alarm-topic-confirmed-subscriber organization-trail',
    ],
  },
  'tf-broken': {
    'fail': [
      'cloudtrail-all-trails-logging organization-trail',
      'cloudtrail-kms-key-healthy organization-trail',
      'cloudtrail-log-file-validation organization-trail',
      'cloudtrail-sse-kms organization-trail',
      'cw-alarm-actions-enabled organization-trail',
      'kms-cmk-rotation alias/organization-trail',
      'logs-trail-log-group-kms organization-trail',
      'logs-trail-log-group-retention organization-trail',
      'org-cloudtrail-trusted-access o-exampleorgid',
      's3-trail-bucket-access-logging acme-cloudtrail-logs-111122223333',
      's3-trail-bucket-encryption-default acme-cloudtrail-logs-111122223333',
      's3-trail-bucket-lifecycle-archive acme-cloudtrail-logs-111122223333',
      's3-trail-bucket-mfa-delete acme-cloudtrail-logs-111122223333',
      's3-trail-bucket-object-lock acme-cloudtrail-logs-111122223333',
      's3-trail-bucket-policy-denies-delete acme-cloudtrail-logs-111122223333',
      's3-trail-bucket-replication acme-cloudtrail-logs-111122223333',
      's3-trail-bucket-versioning acme-cloudtrail-logs-111122223333',
    ],
    'pass': [
      'cloudtrail-cloudwatch-logs-integration organization-trail',
      'cloudtrail-trail-tagged organization-trail',
      's3-trail-bucket-exists-owned acme-cloudtrail-logs-111122223333',
      's3-trail-bucket-not-public acme-cloudtrail-logs-111122223333',
      's3-trail-bucket-policy-scoped acme-cloudtrail-logs-111122223333',
      's3-trail-bucket-tls-only acme-cloudtrail-logs-111122223333',
    ],
    'skip': [
      'cloudtrail-digest-delivery-healthy organization-trail',
      'cloudtrail-insights-enabled organization-trail',
      'cloudtrail-s3-delivery-healthy organization-trail',
      'cloudtrail-sns-notification-valid organization-trail',
      'cloudtrail-trail-designated-bucket organization-trail',
    ],
    'live-only': [
      'cloudtrail-organization-trail-covers-all-accounts o-exampleorgid',
      'org-scp-protects-cloudtrail o-exampleorgid',
      'org-trail-present o-exampleorgid',
      'sns-alarm-topic-confirmed-subscriber organization-trail',
    ],
  },
  'cf-compliant': {
    'pass': [
      'cloudtrail-all-trails-logging organization-trail',
      'cloudtrail-insights-enabled organization-trail',
      'cloudtrail-kms-key-healthy organization-trail',
      'cloudtrail-lake-eds-cmk organization-lake',
      'cloudtrail-lake-eds-protected organization-lake',
      'cloudtrail-log-file-validation organization-trail',
      'cloudtrail-sse-kms organization-trail',
      'cloudtrail-trail-tagged organization-trail',
      'cw-alarm-actions-enabled organization-trail',
      'kms-cmk-rotation alias/organization-trail',
      'logs-trail-log-group-kms organization-trail',
      'logs-trail-log-group-retention organization-trail',
      's3-trail-bucket-access-logging acme-cloudtrail-logs-111122223333',
      's3-trail-bucket-encryption-default acme-cloudtrail-logs-111122223333',
      's3-trail-bucket-exists-owned acme-cloudtrail-logs-111122223333',
      's3-trail-bucket-lifecycle-archive acme-cloudtrail-logs-111122223333',
      's3-trail-bucket-mfa-delete acme-cloudtrail-logs-111122223333',
      's3-trail-bucket-not-public acme-cloudtrail-logs-111122223333',
      's3-trail-bucket-object-lock acme-cloudtrail-logs-111122223333',
      's3-trail-bucket-policy-denies-delete acme-cloudtrail-logs-111122223333',
      's3-trail-bucket-policy-scoped acme-cloudtrail-logs-111122223333',
      's3-trail-bucket-replication acme-cloudtrail-logs-111122223333',
      's3-trail-bucket-tls-only acme-cloudtrail-logs-111122223333',
      's3-trail-bucket-versioning acme-cloudtrail-logs-111122223333',
    ],
    'skip': [
      'cloudtrail-sns-notification-valid organization-trail',
      'cloudtrail-trail-designated-bucket organization-trail',
      's3-trail-bucket-access-logging acme-s3-access-logs-111122223333',
      's3-trail-bucket-encryption-default acme-s3-access-logs-111122223333',
      's3-trail-bucket-exists-owned acme-s3-access-logs-111122223333',
      's3-trail-bucket-lifecycle-archive acme-s3-access-logs-111122223333',
      's3-trail-bucket-mfa-delete acme-s3-access-logs-111122223333',
      's3-trail-bucket-not-public acme-s3-access-logs-111122223333',
      's3-trail-bucket-object-lock acme-s3-access-logs-111122223333',
      's3-trail-bucket-policy-denies-delete acme-s3-access-logs-111122223333',
      's3-trail-bucket-policy-scoped acme-s3-access-logs-111122223333',
      's3-trail-bucket-replication acme-s3-access-logs-111122223333',
      's3-trail-bucket-tls-only acme-s3-access-logs-111122223333',
      's3-trail-bucket-versioning acme-s3-access-logs-111122223333',
    ],
    'live-only': [
      'cloudtrail-cloudwatch-logs-integration organization-trail',
      'cloudtrail-digest-delivery-healthy organization-trail',
      'cloudtrail-s3-delivery-healthy organization-trail',
      'sns-alarm-topic-confirmed-subscriber organization-trail',
    ],
  },
  'cf-broken': {
    'fail': [
      'cloudtrail-all-trails-logging organization-trail',
      'cloudtrail-log-file-validation organization-trail',
      'cloudtrail-sse-kms organization-trail',
      'cloudtrail-trail-tagged organization-trail',
      'kms-cmk-rotation TrailKey',
      'logs-trail-log-group-kms organization-trail',
      'logs-trail-log-group-retention organization-trail',
      's3-trail-bucket-access-logging acme-cloudtrail-logs-111122223333',
      's3-trail-bucket-encryption-default acme-cloudtrail-logs-111122223333',
      's3-trail-bucket-lifecycle-archive acme-cloudtrail-logs-111122223333',
      's3-trail-bucket-mfa-delete acme-cloudtrail-logs-111122223333',
      's3-trail-bucket-object-lock acme-cloudtrail-logs-111122223333',
      's3-trail-bucket-policy-denies-delete acme-cloudtrail-logs-111122223333',
      's3-trail-bucket-policy-scoped acme-cloudtrail-logs-111122223333',
      's3-trail-bucket-replication acme-cloudtrail-logs-111122223333',
      's3-trail-bucket-tls-only acme-cloudtrail-logs-111122223333',
      's3-trail-bucket-versioning acme-cloudtrail-logs-111122223333',
    ],
    'pass': [
      'cloudtrail-cloudwatch-logs-integration organization-trail',
      's3-trail-bucket-exists-owned acme-cloudtrail-logs-111122223333',
      's3-trail-bucket-not-public acme-cloudtrail-logs-111122223333',
    ],
    'skip': [
      'cloudtrail-digest-delivery-healthy organization-trail',
      'cloudtrail-insights-enabled organization-trail',
      'cloudtrail-kms-key-healthy organization-trail',
      'cloudtrail-s3-delivery-healthy organization-trail',
      'cloudtrail-sns-notification-valid organization-trail',
      'cloudtrail-trail-designated-bucket organization-trail',
      'cw-alarm-actions-enabled organization-trail',
      'sns-alarm-topic-confirmed-subscriber organization-trail',
    ],
  },
};

function verdicts(doc: ResultsDocument, accountId: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const r of doc.results) {
    if (r.resourceType === 'account' && r.accountId === accountId) continue;
    const status = r.status === 'skip' && r.skipReason?.startsWith('live-only') ? 'live-only' : r.status;
    (out[status] ??= []).push(`${r.ruleId} ${r.resourceName}`);
  }
  for (const list of Object.values(out)) list.sort();
  return out;
}

describe('trailguard iac on the examples', () => {
  for (const [name, args] of Object.entries(EXAMPLES)) {
    it(`${name}: every rule's verdict on every resource`, async () => {
      const { code, err, doc } = await runIac(args);
      expect(code, err).toBe(name.endsWith('broken') ? 1 : 0);
      expect(verdicts(doc, '111122223333')).toEqual(EXPECTED[name]);
      // Without --inventory, what the account view says of the account as a whole is live-only (or not configured).
      const account = doc.results.filter((r) => r.resourceType === 'account');
      expect(account.length).toBeGreaterThan(20);
      for (const r of account) expect(r.skipReason, r.ruleId).toMatch(/^live-only: |parameter critical_buckets is empty/);
    });
  }

  it('points each result at the block that declares its resource, module calls followed', async () => {
    const { doc } = await runIac(EXAMPLES['tf-broken']!);
    const at = (rule: string) => doc.results.find((r) => r.ruleId === rule)!.location;
    expect(at('cloudtrail-log-file-validation')).toEqual({ address: 'module.trail.aws_cloudtrail.this', file: 'examples/iac/terraform/broken/modules/trail/main.tf', line: 7, column: 1 });
    expect(at('s3-trail-bucket-versioning')).toEqual({ address: 'aws_s3_bucket.logs', file: 'examples/iac/terraform/broken/main.tf', line: 45, column: 1 });
    const cfn = await runIac(EXAMPLES['cf-broken']!);
    expect(cfn.doc.results.find((r) => r.ruleId === 'kms-cmk-rotation')!.location).toEqual({ address: 'TrailKey', file: 'examples/iac/cloudformation/log-archive-broken.yaml', line: 10, column: 3 });
  });

  it('SARIF anchors each failure at its resource block, so GitHub annotates the pull request there', async () => {
    const { dir } = await runIac([...EXAMPLES['tf-broken']!, '--format', 'sarif']);
    const sarif = JSON.parse(readFileSync(join(dir, 'results.sarif'), 'utf8')) as { runs: Array<{ results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } }; logicalLocations: Array<{ fullyQualifiedName: string }> }> }> }> };
    const result = sarif.runs[0]!.results.find((r) => r.ruleId === 'cloudtrail-log-file-validation')!;
    expect(result.locations[0]!.physicalLocation).toEqual({ artifactLocation: { uri: 'examples/iac/terraform/broken/modules/trail/main.tf' }, region: { startLine: 7, startColumn: 1 } });
    expect(result.locations[0]!.logicalLocations.map((l) => l.fullyQualifiedName)).toContain('module.trail.aws_cloudtrail.this');
  });
});
