/**
 * The digest chain of one (account, region): each digest names the previous one and carries its
 * signature and the SHA-256 of its uncompressed content (user guide, "CloudTrail digest file
 * structure", sections "Digest file chaining" and "Starting digest file"). A named predecessor
 * that is gone is a deleted digest; one that is present but does not match is a broken link.
 */
import type { DigestFile } from './digest-format.js';
import { parseDigestKey } from './locate.js';

export interface ChainLink {
  bucket: string;
  key: string;
  /** The end timestamp in the key, which orders the chain even when the file can't be read. */
  endTime: Date;
  /** Present when the digest could be read and parsed. */
  digest?: Pick<DigestFile, 'digestStartTime' | 'digestEndTime' | 'previousDigestS3Bucket' | 'previousDigestS3Object' | 'previousDigestSignature' | 'previousDigestHashValue'>;
  fingerprint?: string;
  /** x-amz-meta-signature of the object. */
  signature?: string;
  /** Hex SHA-256 of the uncompressed digest. */
  inflatedSha256?: string;
}

export type ChainFinding =
  | { kind: 'missing'; bucket: string; key: string; referencedBy: string }
  | { kind: 'broken'; key: string; previousKey: string; reason: string }
  | { kind: 'restart'; key: string; digestStartTime: string };

/**
 * @param links every (non-backfill) digest of the chain found in the bucket
 * @param listedFrom digests ending before this were not listed, so their absence proves nothing
 */
export function checkChain(links: readonly ChainLink[], listedFrom: Date): ChainFinding[] {
  const ordered = [...links].sort((a, b) => a.endTime.getTime() - b.endTime.getTime());
  const byLocation = new Map(ordered.map((l) => [`${l.bucket}/${l.key}`, l]));
  const findings: ChainFinding[] = [];
  const reportedMissing = new Set<string>();
  ordered.forEach((link, index) => {
    const d = link.digest;
    if (!d) return;
    if (!d.previousDigestS3Object || !d.previousDigestS3Bucket) {
      // A starting digest: the first one found, or logging/validation was off for a while.
      if (index > 0) findings.push({ kind: 'restart', key: link.key, digestStartTime: d.digestStartTime });
      return;
    }
    const location = `${d.previousDigestS3Bucket}/${d.previousDigestS3Object}`;
    const previous = byLocation.get(location);
    if (!previous) {
      const end = parseDigestKey(d.previousDigestS3Object)?.endTime;
      const wasListed = d.previousDigestS3Bucket === link.bucket && end !== undefined && end.getTime() >= listedFrom.getTime();
      if (wasListed && !reportedMissing.has(location)) {
        reportedMissing.add(location);
        findings.push({ kind: 'missing', bucket: d.previousDigestS3Bucket, key: d.previousDigestS3Object, referencedBy: link.key });
      }
      return;
    }
    if (previous.signature !== undefined && d.previousDigestSignature !== previous.signature) {
      findings.push({ kind: 'broken', key: link.key, previousKey: previous.key, reason: `chain broken: previousDigestSignature differs from the signature of ${previous.key}` });
    } else if (previous.inflatedSha256 !== undefined && d.previousDigestHashValue !== previous.inflatedSha256) {
      findings.push({ kind: 'broken', key: link.key, previousKey: previous.key, reason: `chain broken: previousDigestHashValue differs from the SHA-256 of ${previous.key}` });
    }
  });
  return findings;
}
