/**
 * Signs evidence manifests with an AWS KMS asymmetric key (SIGN_VERIFY). kms:GetPublicKey
 * records the public key in the bundle, so the signature can be checked offline with openssl;
 * kms:Sign signs the SHA-256 of the manifest (MessageType DIGEST, since KMS caps raw messages
 * at 4 KiB), which is the same signature as over the manifest's bytes.
 */
import { GetPublicKeyCommand, KMSClient, SignCommand, type SigningAlgorithmSpec } from '@aws-sdk/client-kms';
import { createHash, createPublicKey } from 'node:crypto';
import type { SignatureAlgorithm, Signer } from '../util/signer.js';
import { InputError } from '../errors.js';
import type { AwsTarget } from './aws-target.js';
import { ClientCache } from './clients.js';
import { arnRegion } from './plain.js';

/**
 * The algorithm trailguard uses for a key spec. RSA gets PKCS#1 v1.5 rather than PSS because it
 * is deterministic (two exports of the same run sign to the same bytes) and plain `openssl dgst`
 * checks it.
 */
function algorithmFor(keySpec: string | undefined, offered: readonly string[]): SignatureAlgorithm | undefined {
  if (keySpec === 'ECC_NIST_P256' && offered.includes('ECDSA_SHA_256')) return 'ECDSA_SHA_256';
  if (keySpec?.startsWith('RSA_')) {
    if (offered.includes('RSASSA_PKCS1_V1_5_SHA_256')) return 'RSASSA_PKCS1_V1_5_SHA_256';
    if (offered.includes('RSASSA_PSS_SHA_256')) return 'RSASSA_PSS_SHA_256';
  }
  return undefined;
}

const KEY_NEEDED = 'evidence signing needs a SIGN_VERIFY key of spec ECC_NIST_P256 or RSA_2048/3072/4096, usable with kms:GetPublicKey and kms:Sign';

export function kmsSigner(target: AwsTarget, keyId: string): Signer {
  const region = (keyId.startsWith('arn:') ? arnRegion(keyId) : undefined) ?? target.globalRegion;
  const clients = new ClientCache(target);
  const kms = clients.get(KMSClient, region);
  const failed = (operation: string, error: unknown) =>
    new InputError(`kms:${operation} on ${keyId} in ${region} failed: ${(error as Error).name}: ${(error as Error).message} (${KEY_NEEDED})`);
  let resolved: { keyArn: string; algorithm: SignatureAlgorithm } | undefined;

  return {
    async describe() {
      const key = await kms.send(new GetPublicKeyCommand({ KeyId: keyId })).catch((error: unknown) => {
        throw failed('GetPublicKey', error);
      });
      const algorithm = algorithmFor(key.KeySpec, key.SigningAlgorithms ?? []);
      if (key.KeyUsage !== 'SIGN_VERIFY' || !algorithm || !key.PublicKey || !key.KeyId) {
        throw new InputError(`--sign-kms-key ${keyId}: key usage ${key.KeyUsage ?? 'unknown'}, spec ${key.KeySpec ?? 'unknown'}; ${KEY_NEEDED}`);
      }
      resolved = { keyArn: key.KeyId, algorithm };
      const publicKeyPem = createPublicKey({ key: Buffer.from(key.PublicKey), format: 'der', type: 'spki' })
        .export({ type: 'spki', format: 'pem' })
        .toString();
      return { algorithm, publicKeyPem, keyArn: key.KeyId };
    },
    async sign(data) {
      if (!resolved) throw new Error('kmsSigner.sign called before describe');
      const digest = createHash('sha256').update(data).digest();
      const signed = await kms
        .send(
          new SignCommand({
            KeyId: resolved.keyArn,
            Message: digest,
            MessageType: 'DIGEST',
            SigningAlgorithm: resolved.algorithm as SigningAlgorithmSpec,
          }),
        )
        .catch((error: unknown) => {
          throw failed('Sign', error);
        })
        .finally(() => clients.destroy());
      if (!signed.Signature) throw new Error(`kms:Sign on ${resolved.keyArn} returned no signature`);
      return Buffer.from(signed.Signature);
    },
  };
}
