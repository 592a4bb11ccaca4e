/**
 * Private keys behind the world's asymmetric KMS keys. ECC keys are derived from the world
 * seed and the key ARN (the same key every run); RSA keys can't be derived cheaply, so they
 * are generated on first use and kept for the simulator's life.
 */
import { createECDH, createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';

export interface KeyPair {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

const CURVES: Record<string, { ecdh: string; jwk: string; size: number }> = {
  ECC_NIST_P256: { ecdh: 'prime256v1', jwk: 'P-256', size: 32 },
  ECC_NIST_P384: { ecdh: 'secp384r1', jwk: 'P-384', size: 48 },
};

const cache = new Map<string, KeyPair>();

export function keyPairFor(keySpec: string, arn: string, seed: number): KeyPair {
  const id = `${seed}|${keySpec}|${arn}`;
  let pair = cache.get(id);
  if (pair) return pair;
  const curve = CURVES[keySpec];
  if (curve) {
    const d = createHash('sha512').update(`kms-key/${id}`).digest().subarray(0, curve.size);
    const ecdh = createECDH(curve.ecdh);
    ecdh.setPrivateKey(d);
    const pub = ecdh.getPublicKey();
    const jwk = {
      kty: 'EC',
      crv: curve.jwk,
      x: pub.subarray(1, 1 + curve.size).toString('base64url'),
      y: pub.subarray(1 + curve.size).toString('base64url'),
      d: d.toString('base64url'),
    };
    const privateKey = createPrivateKey({ key: jwk, format: 'jwk' });
    pair = { privateKey, publicKey: createPublicKey(privateKey) };
  } else {
    const bits = Number(/^RSA_(\d+)$/.exec(keySpec)?.[1] ?? 2048);
    pair = generateKeyPairSync('rsa', { modulusLength: bits });
  }
  cache.set(id, pair);
  return pair;
}

export const SIGNING_ALGORITHMS: Record<string, string[]> = {
  ECC_NIST_P256: ['ECDSA_SHA_256'],
  ECC_NIST_P384: ['ECDSA_SHA_384'],
  RSA_2048: ['RSASSA_PKCS1_V1_5_SHA_256', 'RSASSA_PKCS1_V1_5_SHA_384', 'RSASSA_PKCS1_V1_5_SHA_512', 'RSASSA_PSS_SHA_256', 'RSASSA_PSS_SHA_384', 'RSASSA_PSS_SHA_512'],
};
SIGNING_ALGORITHMS.RSA_3072 = SIGNING_ALGORITHMS.RSA_2048 as string[];
SIGNING_ALGORITHMS.RSA_4096 = SIGNING_ALGORITHMS.RSA_2048 as string[];
