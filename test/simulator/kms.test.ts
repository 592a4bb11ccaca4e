import { createPublicKey, verify } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  DescribeKeyCommand,
  GetKeyPolicyCommand,
  GetKeyRotationStatusCommand,
  GetPublicKeyCommand,
  KMSClient,
  ListAliasesCommand,
  ListKeysCommand,
  ListResourceTagsCommand,
  SignCommand,
  VerifyCommand,
  paginateListKeys,
} from '@aws-sdk/client-kms';
import { startSimulator } from '../../src/simulator/index.js';
import { ARCHIVE, clientFor, failure, FIXTURE_WORLD, MGMT, MEMBER } from './helpers.js';
import { useSimulator } from '../helpers/simulator.js';

const ORG_KEY = 'arn:aws:kms:us-east-1:222222222222:key/11111111-2222-4333-8444-555555555555';
let kms: KMSClient;

const sim = useSimulator(FIXTURE_WORLD);
beforeAll(() => {
  kms = clientFor(sim, KMSClient, MGMT, 'us-east-1');
});

describe('listing and describing keys', () => {
  it('ListKeys pages with Marker/Truncated and stays in the region', async () => {
    const ids: string[] = [];
    for await (const page of paginateListKeys({ client: kms, pageSize: 3 }, {})) ids.push(...(page.Keys ?? []).map((k) => k.KeyId ?? ''));
    expect(ids).toEqual(['aaaaaaaa-0000-4000-8000-000000000001', 'aaaaaaaa-0000-4000-8000-000000000002', 'aaaaaaaa-0000-4000-8000-000000000003', 'aaaaaaaa-0000-4000-8000-000000000004']);
    const first = await kms.send(new ListKeysCommand({ Limit: 3 }));
    expect(first.Truncated).toBe(true);
    expect(first.Keys?.[0]?.KeyArn).toBe(`arn:aws:kms:us-east-1:${MGMT}:key/aaaaaaaa-0000-4000-8000-000000000001`);
    const eu = await clientFor(sim, KMSClient, MGMT, 'eu-west-1').send(new ListKeysCommand({}));
    expect(eu.Keys?.map((k) => k.KeyId)).toEqual(['aaaaaaaa-0000-4000-8000-000000000005']);
  });

  it('ListAliases lists aliases with their target, optionally for one key', async () => {
    const all = await kms.send(new ListAliasesCommand({}));
    expect(all.Aliases?.map((a) => [a.AliasName, a.TargetKeyId?.slice(-1)])).toEqual([
      ['alias/one', '1'],
      ['alias/two', '2'],
      ['alias/ec-sign', '3'],
      ['alias/rsa-sign', '4'],
    ]);
    const one = await kms.send(new ListAliasesCommand({ KeyId: 'aaaaaaaa-0000-4000-8000-000000000002' }));
    expect(one.Aliases?.map((a) => a.AliasArn)).toEqual([`arn:aws:kms:us-east-1:${MGMT}:alias/two`]);
  });

  it('DescribeKey by id, ARN and alias', async () => {
    for (const id of ['aaaaaaaa-0000-4000-8000-000000000001', `arn:aws:kms:us-east-1:${MGMT}:key/aaaaaaaa-0000-4000-8000-000000000001`, 'alias/one']) {
      const { KeyMetadata } = await kms.send(new DescribeKeyCommand({ KeyId: id }));
      expect(KeyMetadata).toMatchObject({
        KeyId: 'aaaaaaaa-0000-4000-8000-000000000001',
        AWSAccountId: MGMT,
        KeyManager: 'CUSTOMER',
        KeyState: 'Enabled',
        Enabled: true,
        KeySpec: 'SYMMETRIC_DEFAULT',
        KeyUsage: 'ENCRYPT_DECRYPT',
        Origin: 'AWS_KMS',
        MultiRegion: false,
      });
      expect(KeyMetadata?.CreationDate).toBeInstanceOf(Date);
    }
    expect((await failure(kms.send(new DescribeKeyCommand({ KeyId: 'alias/nope' })))).name).toBe('NotFoundException');
  });

  it('GetKeyRotationStatus, GetKeyPolicy, ListResourceTags', async () => {
    expect(await kms.send(new GetKeyRotationStatusCommand({ KeyId: 'alias/one' }))).toMatchObject({ KeyRotationEnabled: true, RotationPeriodInDays: 180 });
    expect((await kms.send(new GetKeyRotationStatusCommand({ KeyId: 'alias/two' }))).KeyRotationEnabled).toBe(false);
    expect((await failure(kms.send(new GetKeyRotationStatusCommand({ KeyId: 'alias/ec-sign' })))).name).toBe('UnsupportedOperationException');
    const policy = await kms.send(new GetKeyPolicyCommand({ KeyId: 'alias/one' }));
    expect(JSON.parse(policy.Policy ?? '{}')).toMatchObject({ Statement: [{ Principal: { AWS: `arn:aws:iam::${MGMT}:root` }, Action: 'kms:*' }] });
    const first = await kms.send(new ListResourceTagsCommand({ KeyId: 'alias/one', Limit: 2 }));
    expect(first.Tags).toEqual([
      { TagKey: 'a', TagValue: '1' },
      { TagKey: 'b', TagValue: '2' },
    ]);
    expect(first.Truncated).toBe(true);
    const rest = await kms.send(new ListResourceTagsCommand({ KeyId: 'alias/one', Marker: first.NextMarker }));
    expect(rest.Tags).toEqual([{ TagKey: 'c', TagValue: '3' }]);
  });
});

describe('another account’s key', () => {
  it('is described by ARN when the key policy allows the caller', async () => {
    const { KeyMetadata } = await kms.send(new DescribeKeyCommand({ KeyId: ORG_KEY }));
    expect(KeyMetadata?.AWSAccountId).toBe(ARCHIVE);
    expect((await kms.send(new GetKeyRotationStatusCommand({ KeyId: ORG_KEY }))).KeyRotationEnabled).toBe(true);
  });

  it('keeps its policy from other accounts, and everything from accounts the policy omits', async () => {
    expect((await failure(kms.send(new GetKeyPolicyCommand({ KeyId: ORG_KEY })))).name).toBe('AccessDeniedException');
    expect((await failure(clientFor(sim, KMSClient, MEMBER).send(new DescribeKeyCommand({ KeyId: ORG_KEY })))).name).toBe('AccessDeniedException');
  });
});

describe('asymmetric keys: GetPublicKey, Sign, Verify', () => {
  it.each([
    ['alias/ec-sign', 'ECDSA_SHA_256', 'sha256'],
    ['alias/rsa-sign', 'RSASSA_PKCS1_V1_5_SHA_256', 'sha256'],
  ] as const)('%s signs with %s and the public key verifies it with node:crypto', async (alias, algorithm, hash) => {
    const message = Buffer.from('manifest contents');
    const signed = await kms.send(new SignCommand({ KeyId: alias, Message: message, MessageType: 'RAW', SigningAlgorithm: algorithm }));
    const pub = await kms.send(new GetPublicKeyCommand({ KeyId: alias }));
    expect(pub.SigningAlgorithms).toContain(algorithm);
    const key = createPublicKey({ key: Buffer.from(pub.PublicKey ?? new Uint8Array()), format: 'der', type: 'spki' });
    expect(verify(hash, message, algorithm.startsWith('ECDSA') ? { key, dsaEncoding: 'der' } : key, Buffer.from(signed.Signature ?? new Uint8Array()))).toBe(true);
    const ok = await kms.send(new VerifyCommand({ KeyId: alias, Message: message, Signature: signed.Signature, SigningAlgorithm: algorithm }));
    expect(ok.SignatureValid).toBe(true);
    const bad = await failure(kms.send(new VerifyCommand({ KeyId: alias, Message: Buffer.from('tampered'), Signature: signed.Signature, SigningAlgorithm: algorithm })));
    expect(bad.name).toBe('KMSInvalidSignatureException');
  });

  it('signs a precomputed SHA-256 digest with RSASSA_PKCS1_V1_5', async () => {
    const { createHash } = await import('node:crypto');
    const message = Buffer.from('a large manifest');
    const digest = createHash('sha256').update(message).digest();
    const signed = await kms.send(new SignCommand({ KeyId: 'alias/rsa-sign', Message: digest, MessageType: 'DIGEST', SigningAlgorithm: 'RSASSA_PKCS1_V1_5_SHA_256' }));
    const pub = await kms.send(new GetPublicKeyCommand({ KeyId: 'alias/rsa-sign' }));
    const key = createPublicKey({ key: Buffer.from(pub.PublicKey ?? new Uint8Array()), format: 'der', type: 'spki' });
    expect(verify('sha256', message, key, Buffer.from(signed.Signature ?? new Uint8Array()))).toBe(true);
  });

  it('derives the same ECC key on every start (deterministic from the seed)', async () => {
    const again = await startSimulator({ world: FIXTURE_WORLD });
    try {
      const a = await kms.send(new GetPublicKeyCommand({ KeyId: 'alias/ec-sign' }));
      const b = await clientFor(again, KMSClient, MGMT).send(new GetPublicKeyCommand({ KeyId: 'alias/ec-sign' }));
      expect(Buffer.from(b.PublicKey ?? new Uint8Array()).equals(Buffer.from(a.PublicKey ?? new Uint8Array()))).toBe(true);
    } finally {
      await again.close();
    }
  });

  it('refuses to sign with a symmetric key', async () => {
    const e = await failure(kms.send(new SignCommand({ KeyId: 'alias/one', Message: Buffer.from('x'), SigningAlgorithm: 'ECDSA_SHA_256' })));
    expect(e.name).toBe('InvalidKeyUsageException');
  });
});
