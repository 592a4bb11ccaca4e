/**
 * SHA256withRSA verification of a digest against the CloudTrail public key its
 * digestPublicKeyFingerprint names (user guide, "Custom implementations of CloudTrail log file
 * integrity validation", sections B, C and E).
 */
import { createPublicKey, createVerify, type KeyObject } from 'node:crypto';
import type { CloudTrailPublicKey } from '../collect/cloudtrail-keys.js';

/**
 * The guide says Value is "DER encoded ... in PKCS #1 format", yet its own sample response and
 * Java snippet also show an X.509 SubjectPublicKeyInfo; accept both.
 */
export function importPublicKey(der: Uint8Array): KeyObject {
  const key = Buffer.from(der);
  try {
    return createPublicKey({ key, format: 'der', type: 'pkcs1' });
  } catch {
    return createPublicKey({ key, format: 'der', type: 'spki' });
  }
}

/** Public keys of one region by fingerprint: CloudTrail signs with a different key pair per region. */
export class KeyRing {
  private readonly keys = new Map<string, KeyObject | Error>();

  /**
   * @param failure why ListPublicKeys could not be read: then no key is known, and a digest's
   *   signature is unchecked rather than signed by an unknown key
   */
  constructor(
    entries: readonly CloudTrailPublicKey[],
    readonly failure?: string,
  ) {
    for (const entry of entries) {
      try {
        this.keys.set(entry.Fingerprint, importPublicKey(entry.Value));
      } catch (error) {
        this.keys.set(entry.Fingerprint, error instanceof Error ? error : new Error(String(error)));
      }
    }
  }

  /** The key, an Error if ListPublicKeys returned it but it would not import, or undefined. */
  get(fingerprint: string): KeyObject | Error | undefined {
    return this.keys.get(fingerprint);
  }
}

/** True when signatureHex is a valid RSASSA-PKCS1-v1_5 SHA-256 signature of data. */
export function verifySignature(data: string, signatureHex: string, key: KeyObject): boolean {
  if (!/^(?:[0-9a-f]{2})+$/i.test(signatureHex)) return false;
  return createVerify('RSA-SHA256').update(data, 'utf8').verify(key, Buffer.from(signatureHex, 'hex'));
}
