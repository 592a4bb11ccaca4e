import { beforeAll, describe, expect, it } from 'vitest';
import {
  GetBucketAclCommand,
  GetBucketEncryptionCommand,
  GetBucketLifecycleConfigurationCommand,
  GetBucketLocationCommand,
  GetBucketLoggingCommand,
  GetBucketOwnershipControlsCommand,
  GetBucketPolicyCommand,
  GetBucketPolicyStatusCommand,
  GetBucketReplicationCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  GetObjectCommand,
  GetObjectLockConfigurationCommand,
  GetPublicAccessBlockCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListBucketsCommand,
  ListObjectsV2Command,
  S3Client,
  paginateListObjectsV2,
} from '@aws-sdk/client-s3';
import { GetPublicAccessBlockCommand as GetAccountPublicAccessBlockCommand, S3ControlClient } from '@aws-sdk/client-s3-control';
import { ARCHIVE, clientFor, failure, FIXTURE_WORLD, MEMBER, MGMT } from './helpers.js';
import { useSimulator } from '../helpers/simulator.js';

let owner: S3Client;
let mgmt: S3Client;
const B = 'archive-logs';

const sim = useSimulator(FIXTURE_WORLD);
beforeAll(() => {
  owner = clientFor(sim, S3Client, ARCHIVE, 'eu-west-1');
  mgmt = clientFor(sim, S3Client, MGMT, 'us-east-1');
});

describe('bucket configuration as the owner reads it', () => {
  it('ListBuckets lists only the caller account’s buckets, and paginates with MaxBuckets', async () => {
    const all = await mgmt.send(new ListBucketsCommand({}));
    expect(all.Buckets?.map((b) => b.Name)).toEqual(['mgmt-b2', 'mgmt-b3', 'mgmt-bucket']);
    expect(all.Buckets?.[0]?.CreationDate).toBeInstanceOf(Date);
    const first = await mgmt.send(new ListBucketsCommand({ MaxBuckets: 2 }));
    expect(first.Buckets?.map((b) => b.Name)).toEqual(['mgmt-b2', 'mgmt-b3']);
    const rest = await mgmt.send(new ListBucketsCommand({ MaxBuckets: 2, ContinuationToken: first.ContinuationToken }));
    expect(rest.Buckets?.map((b) => b.Name)).toEqual(['mgmt-bucket']);
    expect(rest.ContinuationToken).toBeUndefined();
  });

  it('HeadBucket answers with the bucket region, or a bodiless 404', async () => {
    expect((await owner.send(new HeadBucketCommand({ Bucket: B }))).BucketRegion).toBe('eu-west-1');
    const e = await failure(owner.send(new HeadBucketCommand({ Bucket: 'no-such-bucket' })));
    expect([e.name, e.$metadata.httpStatusCode]).toEqual(['NotFound', 404]);
  });

  it('GetBucketLocation: the region, empty for us-east-1', async () => {
    expect((await owner.send(new GetBucketLocationCommand({ Bucket: B }))).LocationConstraint).toBe('eu-west-1');
    expect((await mgmt.send(new GetBucketLocationCommand({ Bucket: 'mgmt-b3' }))).LocationConstraint).toBeUndefined();
  });

  it('GetBucketPolicy and GetBucketPolicyStatus', async () => {
    const policy = JSON.parse((await owner.send(new GetBucketPolicyCommand({ Bucket: B }))).Policy ?? '{}') as { Statement: Array<{ Sid: string }> };
    expect(policy.Statement.map((s) => s.Sid)).toEqual(['MgmtRead', 'DenyAcl']);
    expect((await owner.send(new GetBucketPolicyStatusCommand({ Bucket: B }))).PolicyStatus).toEqual({ IsPublic: false });
    expect((await owner.send(new GetBucketPolicyStatusCommand({ Bucket: 'access-logs' }))).PolicyStatus).toEqual({ IsPublic: true });
  });

  it('GetBucketAcl with canonical user and group grantees', async () => {
    const acl = await owner.send(new GetBucketAclCommand({ Bucket: B }));
    expect(acl.Owner).toEqual({ ID: 'owner-canonical', DisplayName: 'archive' });
    expect(acl.Grants).toEqual([
      { Grantee: { Type: 'CanonicalUser', ID: 'owner-canonical', DisplayName: 'archive' }, Permission: 'FULL_CONTROL' },
      { Grantee: { Type: 'Group', URI: 'http://acs.amazonaws.com/groups/s3/LogDelivery' }, Permission: 'WRITE' },
    ]);
  });

  it('ownership controls, encryption, lifecycle, versioning with MFA delete, public access block', async () => {
    expect((await owner.send(new GetBucketOwnershipControlsCommand({ Bucket: B }))).OwnershipControls).toEqual({ Rules: [{ ObjectOwnership: 'BucketOwnerPreferred' }] });
    expect((await owner.send(new GetBucketEncryptionCommand({ Bucket: B }))).ServerSideEncryptionConfiguration).toEqual({
      Rules: [
        {
          ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: 'arn:aws:kms:us-east-1:222222222222:key/11111111-2222-4333-8444-555555555555' },
          BucketKeyEnabled: true,
        },
      ],
    });
    expect((await owner.send(new GetBucketLifecycleConfigurationCommand({ Bucket: B }))).Rules).toEqual([
      {
        ID: 'glacier',
        Status: 'Enabled',
        Filter: { Prefix: 'AWSLogs/' },
        Transitions: [
          { Days: 30, StorageClass: 'STANDARD_IA' },
          { Days: 90, StorageClass: 'GLACIER' },
        ],
        NoncurrentVersionExpiration: { NoncurrentDays: 30 },
      },
    ]);
    const versioning = await owner.send(new GetBucketVersioningCommand({ Bucket: B }));
    expect([versioning.Status, versioning.MFADelete]).toEqual(['Enabled', 'Enabled']);
    expect((await owner.send(new GetPublicAccessBlockCommand({ Bucket: B }))).PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      IgnorePublicAcls: true,
      BlockPublicPolicy: false,
      RestrictPublicBuckets: true,
    });
  });

  it('object lock, logging, replication, tagging', async () => {
    expect((await owner.send(new GetObjectLockConfigurationCommand({ Bucket: B }))).ObjectLockConfiguration).toEqual({
      ObjectLockEnabled: 'Enabled',
      Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Years: 1 } },
    });
    expect((await owner.send(new GetBucketLoggingCommand({ Bucket: B }))).LoggingEnabled).toEqual({ TargetBucket: 'access-logs', TargetPrefix: 'archive/' });
    const replication = (await owner.send(new GetBucketReplicationCommand({ Bucket: B }))).ReplicationConfiguration;
    expect(replication?.Role).toBe('arn:aws:iam::222222222222:role/replication');
    expect(replication?.Rules?.[0]).toMatchObject({ ID: 'dr', Status: 'Enabled', Destination: { Bucket: 'arn:aws:s3:::dr-bucket' } });
    expect((await mgmt.send(new GetBucketTaggingCommand({ Bucket: 'mgmt-bucket' }))).TagSet).toEqual([{ Key: 'env', Value: 'test' }]);
  });

  it('defaults a new bucket the way AWS does today', async () => {
    const b = 'mgmt-b2';
    expect((await mgmt.send(new GetBucketEncryptionCommand({ Bucket: b }))).ServerSideEncryptionConfiguration?.Rules?.[0]?.ApplyServerSideEncryptionByDefault).toEqual({
      SSEAlgorithm: 'AES256',
    });
    expect((await mgmt.send(new GetBucketOwnershipControlsCommand({ Bucket: b }))).OwnershipControls?.Rules).toEqual([{ ObjectOwnership: 'BucketOwnerEnforced' }]);
    expect((await mgmt.send(new GetPublicAccessBlockCommand({ Bucket: b }))).PublicAccessBlockConfiguration?.BlockPublicPolicy).toBe(true);
    const versioning = await mgmt.send(new GetBucketVersioningCommand({ Bucket: b }));
    expect([versioning.Status, versioning.MFADelete]).toEqual([undefined, undefined]);
    expect((await mgmt.send(new GetBucketLoggingCommand({ Bucket: b }))).LoggingEnabled).toBeUndefined();
    const acl = await mgmt.send(new GetBucketAclCommand({ Bucket: b }));
    expect(acl.Grants?.[0]?.Permission).toBe('FULL_CONTROL');
  });
});

describe('not-configured answers use AWS’s error codes and statuses', () => {
  const cases: Array<[string, () => Promise<unknown>, string]> = [
    ['GetBucketPolicy', () => mgmt.send(new GetBucketPolicyCommand({ Bucket: 'mgmt-bucket' })), 'NoSuchBucketPolicy'],
    ['GetBucketPolicyStatus', () => mgmt.send(new GetBucketPolicyStatusCommand({ Bucket: 'mgmt-bucket' })), 'NoSuchBucketPolicy'],
    ['GetBucketEncryption', () => mgmt.send(new GetBucketEncryptionCommand({ Bucket: 'mgmt-bucket' })), 'ServerSideEncryptionConfigurationNotFoundError'],
    ['GetBucketLifecycleConfiguration', () => mgmt.send(new GetBucketLifecycleConfigurationCommand({ Bucket: 'mgmt-bucket' })), 'NoSuchLifecycleConfiguration'],
    ['GetObjectLockConfiguration', () => mgmt.send(new GetObjectLockConfigurationCommand({ Bucket: 'mgmt-bucket' })), 'ObjectLockConfigurationNotFoundError'],
    ['GetPublicAccessBlock', () => mgmt.send(new GetPublicAccessBlockCommand({ Bucket: 'mgmt-bucket' })), 'NoSuchPublicAccessBlockConfiguration'],
    ['GetBucketOwnershipControls', () => mgmt.send(new GetBucketOwnershipControlsCommand({ Bucket: 'mgmt-bucket' })), 'OwnershipControlsNotFoundError'],
    ['GetBucketReplication', () => mgmt.send(new GetBucketReplicationCommand({ Bucket: 'mgmt-bucket' })), 'ReplicationConfigurationNotFoundError'],
    ['GetBucketTagging', () => mgmt.send(new GetBucketTaggingCommand({ Bucket: 'mgmt-b2' })), 'NoSuchTagSet'],
    ['GetBucketLocation (no bucket)', () => mgmt.send(new GetBucketLocationCommand({ Bucket: 'no-such-bucket' })), 'NoSuchBucket'],
    ['GetObject (no key)', () => owner.send(new GetObjectCommand({ Bucket: B, Key: 'missing' })), 'NoSuchKey'],
  ];
  it.each(cases)('%s', async (_name, call, code) => {
    const e = await failure(call());
    expect(e.name).toBe(code);
    expect(e.$metadata.httpStatusCode).toBe(404);
  });

  it('HeadObject of a missing key is a bodiless 404 (NotFound)', async () => {
    const e = await failure(owner.send(new HeadObjectCommand({ Bucket: B, Key: 'missing' })));
    expect(e.name).toBe('NotFound');
    expect(e.$metadata.httpStatusCode).toBe(404);
  });
});

describe('cross-account access', () => {
  it('lets another account read what the bucket policy grants', async () => {
    expect((await mgmt.send(new GetBucketVersioningCommand({ Bucket: B }))).Status).toBe('Enabled');
    expect((await mgmt.send(new GetBucketLocationCommand({ Bucket: B }))).LocationConstraint).toBe('eu-west-1');
  });

  it('denies what the policy denies, what it does not grant, and GetBucketPolicy always', async () => {
    for (const call of [
      () => mgmt.send(new GetBucketAclCommand({ Bucket: B })),
      () => mgmt.send(new GetBucketPolicyCommand({ Bucket: B })),
      () => clientFor(sim, S3Client, MEMBER).send(new GetBucketVersioningCommand({ Bucket: B })),
    ]) {
      const e = await failure(call());
      expect(e.name).toBe('AccessDenied');
      expect(e.$metadata.httpStatusCode).toBe(403);
    }
  });
});

describe('objects', () => {
  it('ListObjectsV2 pages with continuation tokens and honours prefix and delimiter', async () => {
    const keys: string[] = [];
    for await (const page of paginateListObjectsV2({ client: owner, pageSize: 2 }, { Bucket: B, Prefix: 'AWSLogs/' })) {
      expect(page.Contents?.length ?? 0).toBeLessThanOrEqual(2);
      keys.push(...(page.Contents ?? []).map((c) => c.Key ?? ''));
    }
    expect(keys).toEqual(['AWSLogs/a.json.gz', 'AWSLogs/b.json.gz', 'AWSLogs/digest.json.gz', 'AWSLogs/sub/c.json.gz']);
    const grouped = await owner.send(new ListObjectsV2Command({ Bucket: B, Delimiter: '/' }));
    expect(grouped.CommonPrefixes).toEqual([{ Prefix: 'AWSLogs/' }, { Prefix: 'other/' }]);
    expect(grouped.Contents).toBeUndefined();
    const one = await owner.send(new ListObjectsV2Command({ Bucket: B, Prefix: 'other/' }));
    expect(one.Contents?.[0]).toMatchObject({ Key: 'other/z.txt', Size: 3 });
    expect(one.Contents?.[0]?.LastModified).toBeInstanceOf(Date);
  });

  it('GetObject and HeadObject return the body and the user metadata', async () => {
    const got = await owner.send(new GetObjectCommand({ Bucket: B, Key: 'AWSLogs/digest.json.gz' }));
    expect(await got.Body?.transformToString()).toBe('digest');
    expect(got.Metadata).toEqual({ signature: 'abcdef', 'signature-algorithm': 'SHA256withRSA' });
    const head = await owner.send(new HeadObjectCommand({ Bucket: B, Key: 'AWSLogs/digest.json.gz' }));
    expect(head.ContentLength).toBe(6);
    expect(head.Metadata?.signature).toBe('abcdef');
    expect(head.ETag).toMatch(/^"[0-9a-f]{32}"$/);
  });

  it('serves objects added through world.putObject', async () => {
    sim.world.putObject(B, 'added/x.bin', Buffer.from([1, 2, 3]), { k: 'v' });
    const got = await owner.send(new GetObjectCommand({ Bucket: B, Key: 'added/x.bin' }));
    expect([...((await got.Body?.transformToByteArray()) ?? [])]).toEqual([1, 2, 3]);
    expect(sim.world.deleteObject(B, 'added/x.bin')).toBe(true);
  });
});

describe('addressing', () => {
  it('serves virtual-host style requests to <bucket>.localhost', async () => {
    const vh = new S3Client({ ...sim.clientConfigFor(ARCHIVE, 'eu-west-1', { virtualHost: true }), maxAttempts: 1 });
    expect((await vh.send(new GetBucketVersioningCommand({ Bucket: B }))).Status).toBe('Enabled');
    const got = await vh.send(new GetObjectCommand({ Bucket: B, Key: 'AWSLogs/sub/c.json.gz' }));
    expect(await got.Body?.transformToString()).toBe('log-c');
    expect(sim.requests.at(-1)).toMatchObject({ service: 's3', operation: 'GetObject', account: ARCHIVE, status: 200 });
  });

  it('S3 Control GetPublicAccessBlock reads the account-level block, or NoSuchPublicAccessBlockConfiguration', async () => {
    const control = (account: string) => new S3ControlClient({ ...sim.clientConfigFor(account, 'us-east-1', { virtualHost: true }), maxAttempts: 1 });
    const out = await control(MGMT).send(new GetAccountPublicAccessBlockCommand({ AccountId: MGMT }));
    expect(out.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: false });
    const e = await failure(control(MEMBER).send(new GetAccountPublicAccessBlockCommand({ AccountId: MEMBER })));
    expect(e.name).toBe('NoSuchPublicAccessBlockConfiguration');
    expect(e.$metadata.httpStatusCode).toBe(404);
    expect((await failure(control(MEMBER).send(new GetAccountPublicAccessBlockCommand({ AccountId: MGMT })))).name).toBe('AccessDenied');
  });
});
