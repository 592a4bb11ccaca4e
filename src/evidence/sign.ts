/** Signing manifest.json: the Ed25519 key-file signer, and signature checking with node:crypto. */
import { constants, createHash, createPrivateKey, createPublicKey, verify, sign, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { InputError } from '../errors.js';
import type { SignatureAlgorithm, Signer } from '../util/signer.js';
import { PUBLIC_KEY_FILE, SIGNATURE_FILE } from './bundle-layout.js';

/** What manifest.json records about its own signature. */
export interface SignatureInfo {
  algorithm: SignatureAlgorithm;
  /** The signature over manifest.json's bytes. */
  file: typeof SIGNATURE_FILE;
  /** The signer's public key (SubjectPublicKeyInfo PEM), in the bundle. */
  publicKeyFile: typeof PUBLIC_KEY_FILE;
  /** SHA-256 of the public key's DER SubjectPublicKeyInfo: compare it with the key you trust. */
  publicKeySha256: string;
  /** The KMS key that signed, for a KMS signature. */
  keyArn?: string;
}

/** Loads an Ed25519 private key (unencrypted PEM, PKCS#8) from `path`. */
export async function ed25519KeyFileSigner(path: string): Promise<Signer> {
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(await readFile(path));
  } catch (error) {
    throw new InputError([{ file: path, message: `cannot read an unencrypted PEM private key: ${(error as Error).message}` }]);
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new InputError([{ file: path, message: `is a ${privateKey.asymmetricKeyType ?? 'unknown'} key; --sign-key needs an Ed25519 key (openssl genpkey -algorithm ed25519)` }]);
  }
  const publicKeyPem = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
  return {
    describe: async () => ({ algorithm: 'ED25519', publicKeyPem }),
    sign: async (data) => sign(null, data, privateKey),
  };
}

export function publicKeySha256(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex');
}

/** Parses a PEM public key; throws InputError naming `file` when it is not one. */
export function parsePublicKey(pem: string | Buffer, file: string): KeyObject {
  try {
    return createPublicKey(pem);
  } catch (error) {
    throw new InputError([{ file, message: `not a PEM public key: ${(error as Error).message}` }]);
  }
}

/** Checks `signature` over `data` the way the named algorithm (and KMS, for its algorithms) defines it. */
export function verifySignature(algorithm: SignatureAlgorithm, publicKey: KeyObject, data: Buffer, signature: Buffer): boolean {
  try {
    switch (algorithm) {
      case 'ED25519':
        return verify(null, data, publicKey, signature);
      case 'ECDSA_SHA_256':
        return verify('sha256', data, { key: publicKey, dsaEncoding: 'der' }, signature);
      case 'RSASSA_PKCS1_V1_5_SHA_256':
        return verify('sha256', data, { key: publicKey, padding: constants.RSA_PKCS1_PADDING }, signature);
      case 'RSASSA_PSS_SHA_256':
        // KMS uses a salt as long as the digest.
        return verify('sha256', data, { key: publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }, signature);
    }
  } catch {
    // A key of the wrong type for the algorithm, or a garbled signature: not valid either way.
    return false;
  }
}

/** The openssl command that checks the signature with no trailguard installed (run in the bundle folder). */
export function opensslVerifyCommand(algorithm: SignatureAlgorithm, publicKeyFile: string = PUBLIC_KEY_FILE): string {
  switch (algorithm) {
    case 'ED25519':
      return `openssl pkeyutl -verify -pubin -inkey ${publicKeyFile} -rawin -in manifest.json -sigfile ${SIGNATURE_FILE}`;
    case 'ECDSA_SHA_256':
    case 'RSASSA_PKCS1_V1_5_SHA_256':
      return `openssl dgst -sha256 -verify ${publicKeyFile} -signature ${SIGNATURE_FILE} manifest.json`;
    case 'RSASSA_PSS_SHA_256':
      return `openssl dgst -sha256 -sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:32 -verify ${publicKeyFile} -signature ${SIGNATURE_FILE} manifest.json`;
  }
}
