/**
 * Verifies one log file a valid digest lists (user guide, "Custom implementations of CloudTrail
 * log file integrity validation", section F): compare the SHA-256 of the inflated file with hashValue.
 */
import type { DigestLogFile } from './digest-format.js';
import type { LogRead } from './read-files.js';
import type { LogVerdict } from './report.js';

export interface LogCheck {
  verdict: LogVerdict;
  compressedBytes: number;
  uncompressedBytes: number;
}

/**
 * Judges a log file from what a fetch worker read of it (`read` runs `readLogFile`); a file with
 * an unsupported hash algorithm is not fetched.
 */
export async function checkLogFile(entry: DigestLogFile, listedBy: { key: string; accountId: string; region: string }, read: () => Promise<LogRead>): Promise<LogCheck> {
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
  const got = await read();
  if (got.kind === 'missing') return { verdict: { ...base, outcome: 'log file deleted', reason: 'NoSuchKey' }, compressedBytes: 0, uncompressedBytes: 0 };
  const { compressedBytes } = got;
  if (got.kind === 'not gzip') return { verdict: { ...base, outcome: 'log file modified', reason: `not a valid gzip file (${got.code})` }, compressedBytes, uncompressedBytes: 0 };
  const actualSha256 = got.sha256;
  const verdict: LogVerdict =
    actualSha256 === base.expectedSha256
      ? { ...base, outcome: 'log file valid' }
      : { ...base, outcome: 'log file modified', actualSha256, reason: 'SHA-256 of the uncompressed content differs from the digest' };
  return { verdict, compressedBytes, uncompressedBytes: got.uncompressedBytes };
}
