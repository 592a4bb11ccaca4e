/**
 * Signing with an AWS KMS asymmetric key, against the simulator through the real SDK: the
 * bundle records the key ARN and public key, verifies with trailguard, with the key fetched
 * independently from kms:GetPublicKey, with KMS's own Verify, and with openssl.
 */
import { GetPublicKeyCommand, KMSClient, VerifyCommand } from '@aws-sdk/client-kms';
import { spawnSync } from 'node:child_process';
import { createHash, createPublicKey } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { kmsSigner } from '../../src/collect/kms-signer.js';
import { exportEvidence } from '../../src/evidence/export.js';
import { saveRunFolder } from '../../src/evidence/run-folder.js';
import { verifyEvidence } from '../../src/evidence/verify.js';
import { cli, sampleInput, scratchDir } from './sample.js';
import { useSimulator } from '../helpers/simulator.js';

const ACCOUNT = '111111111111';
const REGION = 'eu-west-1';
const arn = (id: string) => `arn:aws:kms:${REGION}:${ACCOUNT}:key/${id}`;
const RSA_KEY = arn('0b5ee7a4-0000-4000-8000-00000000e51a');
const SYMMETRIC_KEY = arn('0b5ee7a4-0000-4000-8000-0000000005e1');

const sim = useSimulator({
  accounts: [
    {
      Id: ACCOUNT,
      keys: [
        { KeyId: '0b5ee7a4-0000-4000-8000-00000000e51a', Region: REGION, KeySpec: 'RSA_2048', KeyUsage: 'SIGN_VERIFY', Description: 'evidence signing' },
        { KeyId: '0b5ee7a4-0000-4000-8000-0000000005e1', Region: REGION },
        { KeyId: '0b5ee7a4-0000-4000-8000-00000000e4c7', Region: REGION, KeySpec: 'RSA_2048', KeyUsage: 'ENCRYPT_DECRYPT' },
      ],
    },
  ],
});
let dir: string;

beforeAll(async () => {
  dir = await scratchDir('kms');
});

function target() {
  return { credentials: sim.credentialsFor(ACCOUNT), globalRegion: 'us-east-1', endpointUrl: sim.endpoint, maxAttempts: 2, requestTimeoutMs: 5_000 };
}

describe('KMS evidence signing', () => {
  it('signs the manifest with the KMS key and records its ARN and public key', async () => {
    const out = join(dir, 'rsa');
    const secrets = [sim.credentialsFor(ACCOUNT).secretAccessKey];
    await exportEvidence(sampleInput(), out, { signer: kmsSigner(target(), RSA_KEY), knownSecrets: secrets });

    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.signature).toMatchObject({ algorithm: 'RSASSA_PKCS1_V1_5_SHA_256', keyArn: RSA_KEY, publicKeyFile: 'signing-public-key.pem' });
    expect(JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')).export.signature.keyArn).toBe(RSA_KEY);

    // The auditor fetches the public key from KMS themselves and trusts that, not the bundle's copy.
    const kms = new KMSClient(sim.clientConfigFor(ACCOUNT, REGION));
    const { PublicKey } = await kms.send(new GetPublicKeyCommand({ KeyId: RSA_KEY }));
    const trusted = createPublicKey({ key: Buffer.from(PublicKey!), format: 'der', type: 'spki' });
    expect(await verifyEvidence(out, { publicKey: trusted })).toMatchObject({ ok: true, signature: { status: 'valid', checkedAgainst: 'trusted', keyArn: RSA_KEY } });

    // KMS itself agrees the signature is over manifest.json's SHA-256.
    const digest = createHash('sha256')
      .update(readFileSync(join(out, 'manifest.json')))
      .digest();
    const verified = await kms.send(
      new VerifyCommand({ KeyId: RSA_KEY, Message: digest, MessageType: 'DIGEST', Signature: readFileSync(join(out, 'manifest.sig')), SigningAlgorithm: 'RSASSA_PKCS1_V1_5_SHA_256' }),
    );
    expect(verified.SignatureValid).toBe(true);
    kms.destroy();

    // And the README's openssl command, with the key from KMS.
    const pem = join(dir, 'kms-public.pem');
    writeFileSync(pem, trusted.export({ type: 'spki', format: 'pem' }));
    const step = readFileSync(join(out, 'README.txt'), 'utf8')
      .match(/2\. (openssl .*)/)![1]!
      .replace('signing-public-key.pem', pem);
    const openssl = spawnSync('sh', ['-c', step], { cwd: out, encoding: 'utf8' });
    expect(openssl.stdout + openssl.stderr).toContain('Verified OK');

    for (const file of readdirSync(out, { recursive: true }) as string[]) {
      if (!file.includes('.')) continue;
      for (const secret of secrets) expect(readFileSync(join(out, file), 'latin1').includes(secret), file).toBe(false);
    }
  });

  it('signs from the CLI with --sign-kms-key and the usual AWS options', async () => {
    const runDir = join(dir, 'run');
    await saveRunFolder(runDir, sampleInput());
    const creds = sim.credentialsFor(ACCOUNT);
    const saved = { id: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY };
    // The default credential provider chain reads the process environment, as the AWS CLI does.
    process.env.AWS_ACCESS_KEY_ID = creds.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = creds.secretAccessKey;
    try {
      const out = join(dir, 'cli.tar.gz');
      const exported = await cli(['evidence', 'export', '--run', runDir, '--out', out, '--sign-kms-key', RSA_KEY, '--endpoint-url', sim.endpoint]);
      expect(exported.code, exported.err).toBe(0);
      const verified = await cli(['evidence', 'verify', out]);
      expect(verified.code).toBe(0);
      expect(verified.out).toContain(`KMS key ${RSA_KEY}`);

      const symmetric = await cli(['evidence', 'export', '--run', runDir, '--out', join(dir, 'symmetric'), '--sign-kms-key', SYMMETRIC_KEY, '--endpoint-url', sim.endpoint]);
      expect(symmetric.code).toBe(2);
      expect(symmetric.err).toContain('UnsupportedOperationException');
      expect(symmetric.err).toContain('evidence signing needs a SIGN_VERIFY key');

      const encryptOnly = await cli([
        'evidence',
        'export',
        '--run',
        runDir,
        '--out',
        join(dir, 'encrypt'),
        '--sign-kms-key',
        arn('0b5ee7a4-0000-4000-8000-00000000e4c7'),
        '--endpoint-url',
        sim.endpoint,
      ]);
      expect(encryptOnly.code).toBe(2);
      expect(encryptOnly.err).toContain('key usage ENCRYPT_DECRYPT, spec RSA_2048; evidence signing needs a SIGN_VERIFY key');

      const missing = await cli(['evidence', 'export', '--run', runDir, '--out', join(dir, 'missing'), '--sign-kms-key', arn('no-such-key'), '--endpoint-url', sim.endpoint]);
      expect(missing.code).toBe(2);
      expect(missing.err).toContain(`kms:GetPublicKey on ${arn('no-such-key')} in ${REGION} failed: NotFoundException`);
    } finally {
      process.env.AWS_ACCESS_KEY_ID = saved.id;
      process.env.AWS_SECRET_ACCESS_KEY = saved.secret;
      if (saved.id === undefined) delete process.env.AWS_ACCESS_KEY_ID;
      if (saved.secret === undefined) delete process.env.AWS_SECRET_ACCESS_KEY;
    }
  });
});
