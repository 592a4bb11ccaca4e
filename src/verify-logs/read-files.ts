/**
 * The I/O half of verification, run on the fetch workers: GetObject one log or digest file,
 * inflate it, hash it, and (for a digest) parse it. Only the small result goes back to the main
 * thread, which judges it (check-log.ts, check-digest.ts). The size limits on digests apply
 * here, where the bytes are.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { openObject } from '../collect/s3-objects.js';
import { DigestFormatError, parseDigest, sha256Hex, type DigestFile } from './digest-format.js';
import { inflateSmallObject, sha256OfGzipBody } from './hash-stream.js';

/** What GetObject + gunzip + SHA-256 found for a log file. */
export type LogRead =
  | { kind: 'missing' }
  /** The bytes are not the gzip CloudTrail wrote (a zlib error code). */
  | { kind: 'not gzip'; code: string; compressedBytes: number }
  | { kind: 'hashed'; sha256: string; compressedBytes: number; uncompressedBytes: number };

/** What GetObject + gunzip + parse found for a digest file. */
export type DigestRead =
  | { kind: 'missing' }
  | { kind: 'not gzip'; message: string }
  /** Read and hashed; `digest` absent when the JSON is not a digest (`formatError` says why). */
  | { kind: 'read'; inflatedSha256: string; metadata: Record<string, string>; digest?: DigestFile; formatError?: string };

/** Throws only for AWS errors other than a missing key (AccessDenied, throttling past retries...). */
export async function readLogFile(s3: S3Client, bucket: string, key: string): Promise<LogRead> {
  const object = await openObject(s3, bucket, key);
  if (!object) return { kind: 'missing' };
  const compressedBytes = object.contentLength ?? 0;
  try {
    const hashed = await sha256OfGzipBody(object.body, object.contentLength);
    return { kind: 'hashed', sha256: hashed.sha256, compressedBytes, uncompressedBytes: hashed.uncompressedBytes };
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    // zlib errors mean the bytes are not the gzip CloudTrail wrote; anything else is a read failure.
    if (!code.startsWith('Z_')) throw error;
    object.body.destroy();
    return { kind: 'not gzip', code, compressedBytes };
  }
}

export async function readDigestFile(s3: S3Client, bucket: string, key: string): Promise<DigestRead> {
  const object = await openObject(s3, bucket, key);
  if (!object) return { kind: 'missing' };
  let inflated: Buffer;
  try {
    inflated = await inflateSmallObject(object.body);
  } catch (error) {
    return { kind: 'not gzip', message: (error as Error).message };
  }
  const read = { kind: 'read' as const, inflatedSha256: sha256Hex(inflated), metadata: object.metadata };
  try {
    return { ...read, digest: parseDigest(inflated) };
  } catch (error) {
    if (error instanceof DigestFormatError) return { ...read, formatError: error.message };
    throw error;
  }
}
