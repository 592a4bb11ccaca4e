/**
 * Credentials and scope are checked before anything is read: `scan`, `collect` and `plan` with
 * missing, invalid or expired credentials, an unknown profile or a misspelt region exit 2 naming
 * what to fix, and write no report. A profile's region and endpoint_url apply as in the AWS CLI.
 * A hung endpoint costs about two request timeouts, and the error says it timed out.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import type { ResultsDocument } from '../../src/evaluate/types.js';
import { DEMO_WORLD } from '../../src/simulator/index.js';
import { useSimulator } from '../helpers/simulator.js';

const PAYMENTS = '444444444444';
const saved = { ...process.env };
let dir: string;
let clock = new Date();

const sim = useSimulator(DEMO_WORLD, { now: () => clock });
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'trailguard-access-'));
}, 60_000);

afterEach(() => {
  process.env = { ...saved };
  clock = new Date();
});

/**
 * The CLI as a user runs it: the SDK's credential chain reads the process environment, and
 * trailguard its own (the same object outside tests). Nothing from this machine's ~/.aws leaks in.
 */
async function trailguard(args: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  const empty = join(dir, 'empty');
  writeFileSync(empty, '');
  const full: Record<string, string> = { AWS_CONFIG_FILE: empty, AWS_SHARED_CREDENTIALS_FILE: empty, AWS_EC2_METADATA_DISABLED: 'true', ...env };
  process.env = { PATH: saved.PATH ?? '', ...full };
  let out = '';
  let err = '';
  const code = await run(args, { out: (t) => void (out += t), err: (t) => void (err += t), isTTY: false, env: full, cwd: dir });
  return { code, out, err };
}

function keysOf(account: string): Record<string, string> {
  const c = sim.credentialsFor(account);
  return { AWS_ACCESS_KEY_ID: c.accessKeyId, AWS_SECRET_ACCESS_KEY: c.secretAccessKey };
}

describe('unusable credentials: exit 2, what to fix, no report', () => {
  const scan = (out: string) => ['scan', '--endpoint-url', sim.endpoint, '--regions', 'us-east-1', '--output-dir', join(dir, out), '--allow-incomplete', '--fail-on', 'high'];

  it('invalid keys', async () => {
    const r = await trailguard(scan('invalid'), { AWS_ACCESS_KEY_ID: 'AKIAX', AWS_SECRET_ACCESS_KEY: 'x' });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^cannot identify the caller: the credentials are not valid \(InvalidClientTokenId: .*\)\. Check the access key id and secret/);
    expect(existsSync(join(dir, 'invalid'))).toBe(false);
  });

  it('no credentials at all', async () => {
    const r = await trailguard(scan('none'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('cannot identify the caller: no AWS credentials found');
    expect(r.err).toContain('--profile');
    expect(existsSync(join(dir, 'none'))).toBe(false);
  });

  it('an expired session', async () => {
    const sts = new STSClient({ ...sim.clientConfigFor('111111111111'), maxAttempts: 1 });
    const out = await sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${PAYMENTS}:role/OrganizationAccountAccessRole`, RoleSessionName: 'old', DurationSeconds: 900 }));
    clock = new Date(clock.getTime() + 3_600_000);
    const r = await trailguard(scan('expired'), {
      AWS_ACCESS_KEY_ID: out.Credentials!.AccessKeyId!,
      AWS_SECRET_ACCESS_KEY: out.Credentials!.SecretAccessKey!,
      AWS_SESSION_TOKEN: out.Credentials!.SessionToken!,
    });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/cannot identify the caller: the session has expired \(ExpiredToken: /);
    expect(existsSync(join(dir, 'expired'))).toBe(false);
  });

  it('an unknown --profile, with the profiles there and a suggestion', async () => {
    const config = join(dir, 'config-unknown');
    writeFileSync(config, '[default]\nregion = us-east-1\n[profile audit]\nregion = eu-west-1\n');
    const r = await trailguard(['collect', '--profile', 'audt', '--endpoint-url', sim.endpoint], { AWS_CONFIG_FILE: config });
    expect(r.code).toBe(2);
    expect(r.err).toContain(`--profile: profile "audt" is not in ${config} or`);
    expect(r.err).toContain('(profiles there: audit, default); did you mean `audit`?');
  });

  it('plan refuses too, before discovery', async () => {
    const before = sim.requests.length;
    const r = await trailguard(['plan', '--endpoint-url', sim.endpoint], { AWS_ACCESS_KEY_ID: 'AKIAX', AWS_SECRET_ACCESS_KEY: 'x' });
    expect(r.code).toBe(2);
    expect(r.err).toContain('the credentials are not valid');
    // Only the identification was attempted (with the SDK's retries of nothing: it is not retryable).
    expect(sim.requests.slice(before).map((q) => `${q.service}:${q.operation}`)).toEqual(['sts:GetCallerIdentity']);
  });
});

describe('region names are checked against the partition', () => {
  it('--regions eu-wst-1: exit 2 with a suggestion, nothing read', async () => {
    const before = sim.requests.length;
    const r = await trailguard(['scan', '--endpoint-url', sim.endpoint, '--regions', 'us-east-1,eu-wst-1', '--output-dir', join(dir, 'typo')], keysOf(PAYMENTS));
    expect(r.code).toBe(2);
    expect(r.err).toContain('--regions: "eu-wst-1" is not an AWS region name; did you mean `eu-west-1`?');
    expect(sim.requests.length).toBe(before);
    expect(existsSync(join(dir, 'typo'))).toBe(false);
  });

  it('--region eu-wst-1 and a region of another partition', async () => {
    const typo = await trailguard(['collect', '--endpoint-url', sim.endpoint, '--region', 'eu-wst-1'], keysOf(PAYMENTS));
    expect(typo.code).toBe(2);
    expect(typo.err).toContain('--region: "eu-wst-1" is not an AWS region name; did you mean `eu-west-1`?');
    const china = await trailguard(['collect', '--endpoint-url', sim.endpoint, '--regions', 'cn-north-1', '-o', join(dir, 'cn.json')], keysOf(PAYMENTS));
    expect(china.code).toBe(2);
    expect(china.err).toContain('--regions: cn-north-1 is a region of the aws-cn partition, but the credentials are for aws');
  });
});

describe("a profile's region and endpoint_url", () => {
  it('apply as the AWS CLI applies them; flags and the environment come first', async () => {
    const config = join(dir, 'config-sim');
    const credentials = join(dir, 'credentials-sim');
    const keys = sim.credentialsFor(PAYMENTS);
    writeFileSync(config, `[profile sim]\nregion = eu-west-1\nendpoint_url = ${sim.endpoint}\n`);
    writeFileSync(credentials, `[sim]\naws_access_key_id = ${keys.accessKeyId}\naws_secret_access_key = ${keys.secretAccessKey}\n`);
    const files = { AWS_CONFIG_FILE: config, AWS_SHARED_CREDENTIALS_FILE: credentials };
    const before = sim.requests.length;
    const r = await trailguard(['collect', '--profile', 'sim', '--regions', 'eu-west-1', '--only', 'cloudtrail-trail-exists', '-o', join(dir, 'profile.json')], files);
    expect(r.err).toContain(`collected account ${PAYMENTS}`);
    expect(r.code).toBe(0);
    const served = sim.requests.slice(before);
    expect(served.find((q) => q.operation === 'GetCallerIdentity')).toMatchObject({ account: PAYMENTS, region: 'eu-west-1' });
    // AWS_REGION wins over the profile's region.
    const mark = sim.requests.length;
    await trailguard(['collect', '--profile', 'sim', '--regions', 'eu-west-1', '--only', 'cloudtrail-trail-exists', '-o', join(dir, 'profile2.json')], { ...files, AWS_REGION: 'us-west-2' });
    expect(sim.requests.slice(mark).find((q) => q.operation === 'GetCallerIdentity')?.region).toBe('us-west-2');
  });
});

describe('a hung endpoint has a budget', () => {
  it('a call that never answers is tried twice, the rest of that endpoint is not sent, and the error says it timed out', async () => {
    const remove = sim.faults.add({ kind: 'hang', account: PAYMENTS, service: 's3' });
    try {
      const before = sim.requests.length;
      const out = join(dir, 'hang');
      const r = await trailguard(
        ['scan', '--endpoint-url', sim.endpoint, '--regions', 'us-east-1', '--request-timeout', '0.5', '--max-attempts', '8', '--output-dir', out, '--format', 'json'],
        keysOf(PAYMENTS),
      );
      expect(r.code).toBeGreaterThan(0);
      const s3 = sim.requests.slice(before).filter((q) => q.service === 's3');
      // Every S3 call of the account goes to one endpoint (the buckets are in us-east-1): two attempts, then none.
      expect(s3.length).toBeLessThanOrEqual(2 * 4);
      expect(s3.length).toBeGreaterThanOrEqual(2);
      const doc = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as ResultsDocument;
      const errors = doc.results.filter((x) => x.status === 'error' && x.error?.service === 's3');
      expect(errors.length).toBeGreaterThan(0);
      for (const e of errors) expect(e.error?.errorName).toBe('TimeoutError');
      expect(errors.some((e) => /timed out: no answer within the request timeout, 2 attempt\(s\)/.test(e.error?.message ?? ''))).toBe(true);
      expect(doc.results.some((x) => x.error?.service === 's3' && x.status !== 'error')).toBe(false);
    } finally {
      remove();
    }
  }, 60_000);
});
