/** STS and credentials: who a request comes from, and AssumeRole landing later calls in the role's account. */
import { beforeAll, describe, expect, it } from 'vitest';
import { CloudTrailClient, DescribeTrailsCommand } from '@aws-sdk/client-cloudtrail';
import { S3Client, ListBucketsCommand } from '@aws-sdk/client-s3';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { ARCHIVE, clientFor, failure, FIXTURE_WORLD, MEMBER, MGMT, SUSPENDED } from './helpers.js';
import { useSimulator } from '../helpers/simulator.js';

let clock = new Date('2026-06-01T00:00:00Z');
let sts: STSClient;

const sim = useSimulator(FIXTURE_WORLD, { now: () => clock });
beforeAll(() => {
  sts = clientFor(sim, STSClient, MGMT);
});

describe('credentials', () => {
  it('are deterministic per account, distinct, and carry the SIMSECRET marker', () => {
    const a = sim.credentialsFor(MGMT);
    expect(a).toEqual(sim.credentialsFor(MGMT));
    expect(a.accessKeyId).not.toBe(sim.credentialsFor(MEMBER).accessKeyId);
    expect(a.secretAccessKey).toContain('SIMSECRET');
  });

  it('GetCallerIdentity names the account and user', async () => {
    const me = await sts.send(new GetCallerIdentityCommand({}));
    expect(me).toMatchObject({ Account: MGMT, Arn: `arn:aws:iam::${MGMT}:user/trailguard-sim` });
    expect(me.UserId).toMatch(/^AIDA/);
  });

  it('refuses unknown access keys with each protocol’s code', async () => {
    const bad = { accessKeyId: 'AKIAUNKNOWN000000000', secretAccessKey: 'x' };
    expect((await failure(new STSClient({ ...sim.clientConfigFor(MGMT), credentials: bad, maxAttempts: 1 }).send(new GetCallerIdentityCommand({})))).name).toBe('InvalidClientTokenId');
    expect((await failure(new CloudTrailClient({ ...sim.clientConfigFor(MGMT), credentials: bad, maxAttempts: 1 }).send(new DescribeTrailsCommand({})))).name).toBe(
      'UnrecognizedClientException',
    );
    expect((await failure(new S3Client({ ...sim.clientConfigFor(MGMT), credentials: bad, maxAttempts: 1 }).send(new ListBucketsCommand({})))).name).toBe('InvalidAccessKeyId');
  });

  it('refuses a suspended account’s own credentials', async () => {
    expect((await failure(clientFor(sim, STSClient, SUSPENDED).send(new GetCallerIdentityCommand({})))).name).toBe('InvalidClientTokenId');
  });
});

describe('AssumeRole', () => {
  const roleIn = (account: string, name = 'OrganizationAccountAccessRole') => `arn:aws:iam::${account}:role/${name}`;

  it('returns credentials bound to the member; later calls land there', async () => {
    const out = await sts.send(new AssumeRoleCommand({ RoleArn: roleIn(MEMBER), RoleSessionName: 'trailguard-scan', DurationSeconds: 900 }));
    expect(out.Credentials?.AccessKeyId).toMatch(/^ASIA/);
    expect(out.Credentials?.SessionToken).toBeTruthy();
    expect(out.Credentials?.Expiration).toEqual(new Date(clock.getTime() + 900_000));
    expect(out.AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${MEMBER}:assumed-role/OrganizationAccountAccessRole/trailguard-scan`);
    const credentials = { accessKeyId: out.Credentials?.AccessKeyId ?? '', secretAccessKey: out.Credentials?.SecretAccessKey ?? '', sessionToken: out.Credentials?.SessionToken ?? '' };
    const asMember = new STSClient({ ...sim.clientConfigFor(MGMT), credentials, maxAttempts: 1 });
    const me = await asMember.send(new GetCallerIdentityCommand({}));
    expect(me).toMatchObject({ Account: MEMBER, Arn: `arn:aws:sts::${MEMBER}:assumed-role/OrganizationAccountAccessRole/trailguard-scan` });
    const trails = await new CloudTrailClient({ ...sim.clientConfigFor(MGMT, 'eu-west-1'), credentials, maxAttempts: 1 }).send(new DescribeTrailsCommand({ includeShadowTrails: false }));
    expect(trails.trailList?.map((t) => t.Name)).toEqual(['member-trail']);
    expect(sim.requests.at(-1)).toMatchObject({ account: MEMBER, service: 'cloudtrail', operation: 'DescribeTrails' });

    clock = new Date(clock.getTime() + 901_000);
    const expired = await failure(asMember.send(new GetCallerIdentityCommand({})));
    expect(expired.name).toBe('ExpiredToken');
  });

  it('honours the ExternalId condition and the role’s MaxSessionDuration', async () => {
    const arn = roleIn(ARCHIVE, 'AuditRole');
    expect((await failure(sts.send(new AssumeRoleCommand({ RoleArn: arn, RoleSessionName: 's1' })))).name).toBe('AccessDenied');
    expect((await failure(sts.send(new AssumeRoleCommand({ RoleArn: arn, RoleSessionName: 's1', ExternalId: 'wrong' })))).name).toBe('AccessDenied');
    const ok = await sts.send(new AssumeRoleCommand({ RoleArn: arn, RoleSessionName: 's1', ExternalId: 'secret-42', DurationSeconds: 7200 }));
    expect(ok.AssumedRoleUser?.Arn).toContain(`${ARCHIVE}:assumed-role/AuditRole/s1`);
    const tooLong = await failure(sts.send(new AssumeRoleCommand({ RoleArn: arn, RoleSessionName: 's1', ExternalId: 'secret-42', DurationSeconds: 7201 })));
    expect(tooLong.name).toBe('ValidationError');
  });

  it('gives AccessDenied for a missing role, an untrusted caller, or a suspended account', async () => {
    for (const [client, arn] of [
      [sts, roleIn(MEMBER, 'NoSuchRole')],
      [sts, roleIn('999999999999')],
      [clientFor(sim, STSClient, MEMBER), roleIn(ARCHIVE)],
      [sts, roleIn(SUSPENDED)],
    ] as const) {
      const e = await failure(client.send(new AssumeRoleCommand({ RoleArn: arn, RoleSessionName: 'scan' })));
      expect([e.name, e.$metadata.httpStatusCode]).toEqual(['AccessDenied', 403]);
      expect(e.message).toContain('sts:AssumeRole');
    }
  });
});
