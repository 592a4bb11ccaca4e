/**
 * Verifies one log file a valid digest lists (user guide, "Custom implementations of CloudTrail
 * log file integrity validation", section F): GetObject, inflate, SHA-256, compare with hashValue.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { openObject } from '../collect/s3-objects.js';
import type { DigestLogFile } from './digest-format.js';
import { sha256OfGzipStream } from './hash-stream.js';
import type { LogVerdict } from './report.js';

export interface LogCheck {
  verdict: LogVerdict;
  compressedBytes: number;
  uncompressedBytes: number;
}

/** Throws only for AWS errors other than a missing key (AccessDenied, throttling past retries...). */
export async function checkLogFile(s3: S3Client, entry: DigestLogFile, listedBy: { key: string; accountId: string; region: string }): Promise<LogCheck> {
  const base = {
    bucket: entry.s3Bucket,
    key: entry.s3Object,
    accountId: listedBy.accountId,
    region: listedBy.region,
    digestKey: listedBy.key,
    expectedSha256: entry.hashValue.toLowerCase(),
  };
  if (entry.hashAlgorithm && entry.hashAlgorithm !== 'SHA-256') {
    return { verdict: { ...base, outcome: 'log file modified', reason: `unsupported hash algorithm ${entry.hashAlgorithm}` }, compressedBytes: 0, uncompressedBytes: 0 };
  }
  const object = await openObject(s3, entry.s3Bucket, entry.s3Object);
  if (!object) return { verdict: { ...base, outcome: 'log file deleted', reason: 'NoSuchKey' }, compressedBytes: 0, uncompressedBytes: 0 };
  const compressedBytes = object.contentLength ?? 0;
  let hashed;
  try {
    hashed = await sha256OfGzipStream(object.body);
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    // zlib errors mean the bytes are not the gzip CloudTrail wrote; anything else is a read failure.
    if (!code.startsWith('Z_')) throw error;
    object.body.destroy();
    return { verdict: { ...base, outcome: 'log file modified', reason: `not a valid gzip file (${code})` }, compressedBytes, uncompressedBytes: 0 };
  }
  const actualSha256 = hashed.sha256;
  const verdict: LogVerdict =
    actualSha256 === base.expectedSha256
      ? { ...base, outcome: 'log file valid' }
      : { ...base, outcome: 'log file modified', actualSha256, reason: 'SHA-256 of the uncompressed content differs from the digest' };
  return { verdict, compressedBytes, uncompressedBytes: hashed.uncompressedBytes };
}
