/**
 * An intact bundle verifies with no trailguard: `sha256sum -c SHA256SUMS` and the exact openssl
 * command README.txt prints, for Ed25519 and for each algorithm a KMS key signs with (ECDSA
 * P-256 with a DER signature, RSA PKCS#1 v1.5 and PSS), using local keys in KMS's formats.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { constants, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportEvidence } from '../../src/evidence/export.js';
import { ed25519KeyFileSigner } from '../../src/evidence/sign.js';
import type { SignatureAlgorithm, Signer } from '../../src/util/signer.js';
import { verifyEvidence } from '../../src/evidence/verify.js';
import { ed25519Keys, sampleInput, scratchDir } from './sample.js';

let dir: string;
beforeAll(async () => {
  dir = await scratchDir('interop');
});

/** Signs like KMS does for each algorithm (KMS signs the digest; node signs the message: same bytes out). */
function localKmsStyleSigner(algorithm: SignatureAlgorithm, privateKey: KeyObject, publicKey: KeyObject): Signer {
  return {
    describe: async () => ({ algorithm, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(), keyArn: 'arn:aws:kms:eu-west-1:999999999999:key/local-test' }),
    sign: async (data) =>
      algorithm === 'RSASSA_PSS_SHA_256'
        ? sign('sha256', data, { key: privateKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 })
        : algorithm === 'RSASSA_PKCS1_V1_5_SHA_256'
          ? sign('sha256', data, { key: privateKey, padding: constants.RSA_PKCS1_PADDING })
          : sign('sha256', data, { key: privateKey, dsaEncoding: 'der' }),
  };
}

/** The openssl step from README.txt, run in the bundle folder as a shell command. */
function readmeOpensslStep(bundle: string): string {
  const line = readFileSync(join(bundle, 'README.txt'), 'utf8')
    .split('\n')
    .find((l) => l.trim().startsWith('2. openssl '));
  expect(line).toBeDefined();
  return line!.trim().slice(3);
}

function sh(command: string, cwd: string) {
  return spawnSync('sh', ['-c', command], { cwd, encoding: 'utf8' });
}

async function checkByHand(name: string, signer: Signer): Promise<void> {
  const bundle = join(dir, name);
  await exportEvidence(sampleInput(), bundle, { signer });
  expect((await verifyEvidence(bundle)).ok).toBe(true);

  const sums = sh('sha256sum -c --strict SHA256SUMS', bundle);
  expect(sums.status, sums.stderr).toBe(0);
  expect(
    sums.stdout
      .trim()
      .split('\n')
      .every((l) => l.endsWith(': OK')),
  ).toBe(true);

  const step = readmeOpensslStep(bundle);
  const good = sh(step, bundle);
  expect(good.status, good.stderr + good.stdout).toBe(0);
  expect(good.stdout).toMatch(/Verified OK|Signature Verified Successfully/);

  // The same command fails once manifest.json changes: it is checking something.
  const manifest = readFileSync(join(bundle, 'manifest.json'), 'utf8');
  writeFileSync(join(bundle, 'manifest.json'), manifest.replace('"sha256"', '"sha256" '));
  expect(sh(step, bundle).status).not.toBe(0);
  expect(sh('sha256sum -c --quiet SHA256SUMS', bundle).status).not.toBe(0);
}

describe('verifying a bundle without trailguard', () => {
  it('works for an Ed25519 key file', async () => {
    await checkByHand('ed25519', await ed25519KeyFileSigner(ed25519Keys(dir).privateKey));
  });

  it('works for an ECDSA P-256 key (DER signature, as KMS returns)', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    await checkByHand('ecdsa', localKmsStyleSigner('ECDSA_SHA_256', privateKey, publicKey));
  });

  it('works for RSA PKCS#1 v1.5 and PSS keys', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    await checkByHand('rsa-pkcs1', localKmsStyleSigner('RSASSA_PKCS1_V1_5_SHA_256', privateKey, publicKey));
    await checkByHand('rsa-pss', localKmsStyleSigner('RSASSA_PSS_SHA_256', privateKey, publicKey));
  });

  it('records rule pack hashes that the documented shell pipeline recomputes', async () => {
    const bundle = join(dir, 'ed25519');
    const [pack] = JSON.parse(readFileSync(join(bundle, 'run.json'), 'utf8')).rulePacks as Array<{ name: string; sha256: string }>;
    const pipeline = `find . -type f | sed 's|^\\./||' | LC_ALL=C sort | while IFS= read -r f; do sha256sum "$f"; done | sha256sum`;
    const result = sh(pipeline, join(bundle, 'rules', pack!.name));
    expect(result.stdout.split(' ')[0]).toBe(pack!.sha256);
  });

  it('accepts a signature openssl made over manifest.json with the same key', async () => {
    const keys = ed25519Keys(dir, 'openssl-signed');
    const bundle = join(dir, 'openssl-signed');
    await exportEvidence(sampleInput(), bundle, { signer: await ed25519KeyFileSigner(keys.privateKey) });
    const ours = readFileSync(join(bundle, 'manifest.sig'));
    execFileSync('openssl', ['pkeyutl', '-sign', '-inkey', keys.privateKey, '-rawin', '-in', 'manifest.json', '-out', 'manifest.sig'], { cwd: bundle });
    expect(await verifyEvidence(bundle, { publicKey: readFileSync(keys.publicKey, 'utf8') })).toMatchObject({ ok: true });
    // Ed25519 is deterministic: openssl and node:crypto produce the very same signature.
    expect(readFileSync(join(bundle, 'manifest.sig')).equals(ours)).toBe(true);
  });
});
