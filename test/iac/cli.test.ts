/**
 * `trailguard iac` beyond the examples: values known only after apply, referenced resources the
 * plan does not hold, a plan applied to the live account (--inventory, --baseline), and bad input.
 */
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { IAC_OUTPUT, runIac } from './run-iac.js';

const LIVE = 'test/fixtures/inventory/compliant.json';
const REPLACE_TRAIL = 'test/fixtures/iac/replace-trail.plan.json';

describe('values a plan does not know', () => {
  it('a value known only after apply is an error naming KnownAfterApply, never a guess; a bucket outside the plan is NotCollected', async () => {
    const { code, doc } = await runIac(['test/fixtures/iac/unknowns.plan.json']);
    expect(code).toBe(1);
    const result = (rule: string) => doc.results.find((r) => r.ruleId === rule)!;
    // kms_key_id comes from a data source read only at apply: the trail's key rules cannot judge it.
    for (const rule of ['cloudtrail-sse-kms', 'cloudtrail-kms-key-healthy']) {
      expect(result(rule).status, rule).toBe('error');
      expect(result(rule).error).toMatchObject({ errorName: 'KnownAfterApply', operation: 'GetTrail', accountId: '111122223333', region: 'eu-west-1' });
      expect(result(rule).message).toContain('aws_cloudtrail.main.kms_key_id is known only after apply');
    }
    // The trail's bucket is not in the plan: its rules are errors until --inventory provides it.
    const bucket = doc.results.filter((r) => r.resourceType === 'bucket');
    expect(bucket.length).toBeGreaterThan(5);
    for (const r of bucket) expect(r.error?.errorName, r.ruleId).toBe('NotCollected');
    // What is known is still judged.
    expect(result('cloudtrail-log-file-validation').status).toBe('pass');
    expect(result('cloudtrail-insights-enabled').status).toBe('fail');
  });
});

describe('CDK', () => {
  it('reads every stack template of a cdk.out folder, in the account and region of its manifest, with JSON line numbers', async () => {
    const { doc } = await runIac(['test/fixtures/iac/cdk.out']);
    expect(doc.run.accounts).toEqual(['111122223333']);
    const trail = doc.results.find((r) => r.ruleId === 'cloudtrail-log-file-validation')!;
    expect(trail.resourceArn).toBe('arn:aws:cloudtrail:eu-west-1:111122223333:trail/Trail022F0CF2');
    expect(trail.location).toEqual({ address: 'Trail022F0CF2', file: 'test/fixtures/iac/cdk.out/LogArchiveStack.template.json', line: 53, column: 3 });
    // Fn::Join of the bucket's ARN resolves, so the TLS Deny covers the bucket; the key lacks a CloudTrail grant.
    expect(doc.results.find((r) => r.ruleId === 's3-trail-bucket-tls-only')!.status).toBe('pass');
    expect(doc.results.find((r) => r.ruleId === 'cloudtrail-kms-key-healthy')!.status).toBe('fail');
  });
});

describe('the plan on top of the live account', () => {
  it('a plan that replaces the only multi-region trail by a regional one fails the account, with no trail left to point at', async () => {
    const { code, doc } = await runIac([REPLACE_TRAIL, '--inventory', LIVE]);
    expect(code).toBe(1);
    const account = (rule: string) => doc.results.find((r) => r.ruleId === rule && r.resourceType === 'account')!;
    expect(account('cloudtrail-multi-region-trail-logging').status).toBe('fail');
    expect(account('cloudtrail-multi-region-trail-logging').location).toBeUndefined();
    // The live trail is gone, the planned one is judged (its delivery status is live-only), and the live bucket gets the plan's replication.
    expect(doc.results.some((r) => r.resourceName === 'main' && r.resourceType === 'trail')).toBe(false);
    expect(doc.results.find((r) => r.ruleId === 'cloudtrail-s3-delivery-healthy' && r.resourceName === 'regional')!.skipReason).toMatch(/^live-only: /);
    expect(doc.results.find((r) => r.ruleId === 's3-trail-bucket-replication')!.status).toBe('pass');
    // Account-wide facts come from the live inventory: no live-only skip on the account.
    expect(doc.results.filter((r) => r.resourceType === 'account' && r.skipReason?.startsWith('live-only'))).toEqual([]);
  });

  it('--baseline reports only what the change breaks or fixes', async () => {
    const { code, doc, err } = await runIac([REPLACE_TRAIL, '--inventory', LIVE, '--baseline']);
    expect(code).toBe(1);
    const moved = doc.results.map((r) => `${r.status} ${r.ruleId} ${r.resourceName}`).sort();
    expect(moved).toEqual([
      'fail cloudtrail-cloudwatch-logs-integration regional',
      'fail cloudtrail-data-events-any 111111111111',
      'fail cloudtrail-insights-enabled regional',
      'fail cloudtrail-management-events-all 111111111111',
      'fail cloudtrail-multi-region-trail 111111111111',
      'fail cloudtrail-multi-region-trail-logging 111111111111',
      'fail cloudtrail-region-coverage 111111111111',
      'fail cloudtrail-security-trail 111111111111',
      'pass s3-trail-bucket-replication trail-logs-111111111111',
    ]);
    expect(doc.summary.total).toBe(9);
    expect(err).toContain('Fixed (1)');
  });

  it('reads a scan run folder as the live inventory', async () => {
    mkdirSync(IAC_OUTPUT, { recursive: true });
    const folder = mkdtempSync(join(IAC_OUTPUT, 'run-folder-'));
    cpSync(LIVE, join(folder, 'inventory.json'));
    const { doc } = await runIac([REPLACE_TRAIL, '--inventory', folder]);
    expect(doc.results.find((r) => r.ruleId === 'cloudtrail-multi-region-trail-logging')!.status).toBe('fail');
  });
});

describe('bad input: a clear message naming the file, exit 2', () => {
  const dir = () => {
    mkdirSync(IAC_OUTPUT, { recursive: true });
    return mkdtempSync(join(IAC_OUTPUT, 'bad-'));
  };

  it('a plan format from a future major version', async () => {
    const d = dir();
    writeFileSync(join(d, 'plan.json'), JSON.stringify({ format_version: '2.0', resource_changes: [] }));
    const run = await cli(['iac', 'plan.json'], d);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/^plan\.json: Terraform plan format_version "2\.0" is not supported/);
  });

  it('Terraform state instead of a plan', async () => {
    const d = dir();
    writeFileSync(join(d, 'state.json'), JSON.stringify({ format_version: '1.0', terraform_version: '1.9.8', values: { root_module: {} } }));
    const run = await cli(['iac', 'state.json'], d);
    expect(run.code).toBe(2);
    expect(run.err).toContain('state.json: this is Terraform state, not a plan');
  });

  it('a YAML syntax error, at its line and column', async () => {
    const d = dir();
    writeFileSync(join(d, 'template.yaml'), 'Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties: { BucketName: [unclosed\n');
    const run = await cli(['iac', 'template.yaml'], d);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/^template\.yaml:\d+:\d+: /);
    expect(run.err).not.toContain('    at ');
  });

  it('a YAML alias bomb', async () => {
    const d = dir();
    const levels = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      ...Array.from(
        { length: 8 },
        (_, i) =>
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10)
            .fill(`*${String.fromCharCode(97 + i)}`)
            .join(', ')}]`,
      ),
    ];
    writeFileSync(join(d, 'bomb.yaml'), `${levels.join('\n')}\nResources: {}\n`);
    const run = await cli(['iac', 'bomb.yaml'], d);
    expect(run.code).toBe(2);
    expect(run.err).toContain('bomb.yaml: YAML aliases expand too far');
  });

  it('neither a plan nor a template; --baseline without --inventory', async () => {
    const d = dir();
    writeFileSync(join(d, 'other.json'), '{"hello": "world"}');
    expect((await cli(['iac', 'other.json'], d)).err).toContain('other.json: neither a Terraform plan');
    const baseline = await cli(['iac', 'other.json', '--baseline'], d);
    expect(baseline.code).toBe(2);
    expect(baseline.err).toContain('--baseline compares with the live account: give --inventory too');
  });
});
