/**
 * The digest file and the string CloudTrail signs, as the CloudTrail user guide defines them:
 * fields from "CloudTrail digest file structure" (section "Digest file field descriptions"), the
 * signing string from "Custom implementations of CloudTrail log file integrity validation"
 * (section "D. Recreate the Data Signing String").
 */
import { createHash } from 'node:crypto';

export interface DigestLogFile {
  s3Bucket: string;
  s3Object: string;
  /** Hex SHA-256 of the log file's UNCOMPRESSED content. */
  hashValue: string;
  hashAlgorithm: string;
  newestEventTime: string | null;
  oldestEventTime: string | null;
}

export interface DigestFile {
  awsAccountId: string;
  digestStartTime: string;
  digestEndTime: string;
  digestS3Bucket: string;
  digestS3Object: string;
  digestPublicKeyFingerprint: string;
  digestSignatureAlgorithm: string;
  newestEventTime: string | null;
  oldestEventTime: string | null;
  /** All five previous* fields are null in a starting digest (logging or validation just began). */
  previousDigestS3Bucket: string | null;
  previousDigestS3Object: string | null;
  previousDigestHashValue: string | null;
  previousDigestHashAlgorithm: string | null;
  previousDigestSignature: string | null;
  logFiles: DigestLogFile[];
}

export class DigestFormatError extends Error {
  override name = 'DigestFormatError';
}

const REQUIRED_STRINGS = ['awsAccountId', 'digestStartTime', 'digestEndTime', 'digestS3Bucket', 'digestS3Object', 'digestPublicKeyFingerprint', 'digestSignatureAlgorithm'] as const;
const PREVIOUS = ['previousDigestS3Bucket', 'previousDigestS3Object', 'previousDigestHashValue', 'previousDigestHashAlgorithm', 'previousDigestSignature'] as const;

/** Parses the uncompressed digest JSON, checking the fields validation relies on. */
export function parseDigest(inflated: Buffer): DigestFile {
  let data: unknown;
  try {
    data = JSON.parse(inflated.toString('utf8'));
  } catch {
    throw new DigestFormatError('not JSON');
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new DigestFormatError('not a JSON object');
  const d = data as Record<string, unknown>;
  for (const field of REQUIRED_STRINGS) {
    if (typeof d[field] !== 'string') throw new DigestFormatError(`${field} missing or not a string`);
  }
  for (const field of PREVIOUS) {
    if (d[field] !== null && d[field] !== undefined && typeof d[field] !== 'string') throw new DigestFormatError(`${field} is not a string or null`);
  }
  if (!Array.isArray(d.logFiles)) throw new DigestFormatError('logFiles missing or not an array');
  for (const [i, entry] of (d.logFiles as unknown[]).entries()) {
    const e = entry as Record<string, unknown> | null;
    if (!e || typeof e.s3Bucket !== 'string' || typeof e.s3Object !== 'string' || typeof e.hashValue !== 'string') {
      throw new DigestFormatError(`logFiles[${i}] lacks s3Bucket, s3Object or hashValue`);
    }
  }
  const digest = data as DigestFile;
  for (const field of PREVIOUS) digest[field] ??= null;
  return digest;
}

export function sha256Hex(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * digestEndTime + '\n' + <digest bucket>/<digest key> + '\n' + hex SHA-256 of the uncompressed
 * digest + '\n' + previousDigestSignature. A starting digest's null signature is written "null"
 * (the guide's Java sample formats the JSON null with %s; the AWS CLI does the same).
 */
export function signingString(digest: DigestFile, inflatedHashHex: string): string {
  return [digest.digestEndTime, `${digest.digestS3Bucket}/${digest.digestS3Object}`, inflatedHashHex, digest.previousDigestSignature ?? 'null'].join('\n');
}
