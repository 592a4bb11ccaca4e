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

const LOGS = 'acme-cloudtrail-logs-111122223333';
const ACCESS_LOGS = 'acme-s3-access-logs-111122223333';
const TRAIL = 'organization-trail';
const ORG = 'o-exampleorgid';
/** The log bucket rules, which judge every bucket a trail delivers to (and skip the others). */
const BUCKET_RULES = [
  's3-trail-bucket-access-logging',
  's3-trail-bucket-encryption-default',
  's3-trail-bucket-exists-owned',
  's3-trail-bucket-mfa-delete',
  's3-trail-bucket-not-public',
  's3-trail-bucket-object-lock',
  's3-trail-bucket-policy-denies-delete',
  's3-trail-bucket-policy-scoped',
  's3-trail-bucket-replication',
  's3-trail-bucket-tls-only',
  's3-trail-bucket-versioning',
  's3-trail-bucket-lifecycle-archive',
];
/** The trail rules a trail configured in full passes (the rest need live facts). */
const HARDENED_TRAIL_RULES = [
  'cloudtrail-all-trails-logging',
  'cloudtrail-insights-enabled',
  'cloudtrail-kms-key-healthy',
  'cloudtrail-log-file-validation',
  'logs-trail-log-group-kms',
  'logs-trail-log-group-retention',
  'cloudtrail-sse-kms',
  'cloudtrail-trail-tagged',
  'cw-alarm-actions-enabled',
];
/** `rule resource` for each rule on one resource. */
const on = (resource: string, rules: readonly string[]) => rules.map((rule) => `${rule} ${resource}`);

/** Rule and resource name → status, on the configuration's resources (not the account), grouped by status. */
const EXPECTED: Record<string, Record<string, string[]>> = {
  'tf-compliant': {
    pass: [...on(LOGS, BUCKET_RULES), ...on(TRAIL, HARDENED_TRAIL_RULES), 'kms-cmk-rotation alias/organization-trail', 'org-cloudtrail-trusted-access o-exampleorgid'],
    skip: on(TRAIL, ['cloudtrail-sns-notification-valid', 'cloudtrail-trail-designated-bucket']),
    'live-only': [
      ...on(TRAIL, ['cloudtrail-cloudwatch-logs-integration', 'cloudtrail-digest-delivery-healthy', 'cloudtrail-s3-delivery-healthy', 'sns-alarm-topic-confirmed-subscriber']),
      ...on(ORG, ['cloudtrail-organization-trail-covers-all-accounts', 'org-scp-protects-cloudtrail', 'org-trail-present']),
    ],
  },
  'tf-broken': {
    fail: [
      ...on(LOGS, [
        's3-trail-bucket-access-logging',
        's3-trail-bucket-encryption-default',
        's3-trail-bucket-mfa-delete',
        's3-trail-bucket-object-lock',
        's3-trail-bucket-policy-denies-delete',
        's3-trail-bucket-replication',
        's3-trail-bucket-versioning',
        's3-trail-bucket-lifecycle-archive',
      ]),
      ...on(TRAIL, [
        'cloudtrail-all-trails-logging',
        'cloudtrail-kms-key-healthy',
        'cloudtrail-log-file-validation',
        'logs-trail-log-group-kms',
        'logs-trail-log-group-retention',
        'cloudtrail-sse-kms',
        'cw-alarm-actions-enabled',
      ]),
      'kms-cmk-rotation alias/organization-trail',
      'org-cloudtrail-trusted-access o-exampleorgid',
    ],
    pass: [
      ...on(LOGS, ['s3-trail-bucket-exists-owned', 's3-trail-bucket-not-public', 's3-trail-bucket-policy-scoped', 's3-trail-bucket-tls-only']),
      ...on(TRAIL, ['cloudtrail-cloudwatch-logs-integration', 'cloudtrail-trail-tagged']),
    ],
    skip: on(TRAIL, [
      'cloudtrail-digest-delivery-healthy',
      'cloudtrail-insights-enabled',
      'cloudtrail-s3-delivery-healthy',
      'cloudtrail-sns-notification-valid',
      'cloudtrail-trail-designated-bucket',
    ]),
    'live-only': [
      ...on(ORG, ['cloudtrail-organization-trail-covers-all-accounts', 'org-scp-protects-cloudtrail', 'org-trail-present']),
      'sns-alarm-topic-confirmed-subscriber organization-trail',
    ],
  },
  'cf-compliant': {
    pass: [
      ...on(LOGS, BUCKET_RULES),
      ...on(TRAIL, HARDENED_TRAIL_RULES),
      ...on('organization-lake', ['cloudtrail-lake-eds-cmk', 'cloudtrail-lake-eds-protected']),
      'kms-cmk-rotation alias/organization-trail',
    ],
    // The access-log bucket receives no trail: the bucket rules skip it.
    skip: [...on(ACCESS_LOGS, BUCKET_RULES), ...on(TRAIL, ['cloudtrail-sns-notification-valid', 'cloudtrail-trail-designated-bucket'])],
    'live-only': on(TRAIL, ['cloudtrail-cloudwatch-logs-integration', 'cloudtrail-digest-delivery-healthy', 'cloudtrail-s3-delivery-healthy', 'sns-alarm-topic-confirmed-subscriber']),
  },
  'cf-broken': {
    fail: [
      ...on(
        LOGS,
        BUCKET_RULES.filter((rule) => rule !== 's3-trail-bucket-exists-owned' && rule !== 's3-trail-bucket-not-public'),
      ),
      ...on(TRAIL, [
        'cloudtrail-all-trails-logging',
        'cloudtrail-log-file-validation',
        'logs-trail-log-group-kms',
        'logs-trail-log-group-retention',
        'cloudtrail-sse-kms',
        'cloudtrail-trail-tagged',
      ]),
      'kms-cmk-rotation TrailKey',
    ],
    pass: [...on(LOGS, ['s3-trail-bucket-exists-owned', 's3-trail-bucket-not-public']), 'cloudtrail-cloudwatch-logs-integration organization-trail'],
    skip: on(TRAIL, [
      'cloudtrail-digest-delivery-healthy',
      'cloudtrail-insights-enabled',
      'cloudtrail-kms-key-healthy',
      'cloudtrail-s3-delivery-healthy',
      'cloudtrail-sns-notification-valid',
      'cloudtrail-trail-designated-bucket',
      'cw-alarm-actions-enabled',
      'sns-alarm-topic-confirmed-subscriber',
    ]),
  },
};

const sorted = (byStatus: Record<string, string[]>) => Object.fromEntries(Object.entries(byStatus).map(([status, list]) => [status, [...list].sort()]));

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
  it.each(Object.entries(EXAMPLES))("%s: every rule's verdict on every resource", async (name, args) => {
    const { code, err, doc } = await runIac(args);
    expect(code, err).toBe(name.endsWith('broken') ? 1 : 0);
    expect(verdicts(doc, '111122223333')).toEqual(sorted(EXPECTED[name]!));
    // Without --inventory, what the account view says of the account as a whole is live-only (or not configured).
    const account = doc.results.filter((r) => r.resourceType === 'account');
    expect(account.length).toBeGreaterThan(20);
    for (const r of account) expect(r.skipReason, r.ruleId).toMatch(/^live-only: |parameter critical_buckets is empty/);
  });

  it('points each result at the block that declares its resource, module calls followed', async () => {
    const { doc } = await runIac(EXAMPLES['tf-broken']!);
    const at = (rule: string) => doc.results.find((r) => r.ruleId === rule)!.location;
    expect(at('cloudtrail-log-file-validation')).toEqual({ address: 'module.trail.aws_cloudtrail.this', file: 'examples/iac/terraform/broken/modules/trail/main.tf', line: 7, column: 1 });
    expect(at('s3-trail-bucket-versioning')).toEqual({ address: 'aws_s3_bucket.logs', file: 'examples/iac/terraform/broken/main.tf', line: 45, column: 1 });
    const cfn = await runIac(EXAMPLES['cf-broken']!);
    expect(cfn.doc.results.find((r) => r.ruleId === 'kms-cmk-rotation')!.location).toEqual({
      address: 'TrailKey',
      file: 'examples/iac/cloudformation/log-archive-broken.yaml',
      line: 10,
      column: 3,
    });
  });

  it('SARIF anchors each failure at its resource block, so GitHub annotates the pull request there', async () => {
    const { dir } = await runIac([...EXAMPLES['tf-broken']!, '--format', 'sarif']);
    const sarif = JSON.parse(readFileSync(join(dir, 'results.sarif'), 'utf8')) as {
      runs: Array<{
        results: Array<{
          ruleId: string;
          locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } }; logicalLocations: Array<{ fullyQualifiedName: string }> }>;
        }>;
      }>;
    };
    const result = sarif.runs[0]!.results.find((r) => r.ruleId === 'cloudtrail-log-file-validation')!;
    expect(result.locations[0]!.physicalLocation).toEqual({ artifactLocation: { uri: 'examples/iac/terraform/broken/modules/trail/main.tf' }, region: { startLine: 7, startColumn: 1 } });
    expect(result.locations[0]!.logicalLocations.map((l) => l.fullyQualifiedName)).toContain('module.trail.aws_cloudtrail.this');
  });
});
