/**
 * Verifies one digest file (user guide, "Custom implementations of CloudTrail log file integrity
 * validation", sections A to E): from the digest as a fetch worker read it, check it sits where
 * it says it was delivered, rebuild the data signing string and verify the x-amz-meta-signature
 * with the public key its fingerprint names.
 */
import type { ChainLink } from './chain.js';
import { signingString, type DigestLogFile } from './digest-format.js';
import type { ChainScope } from './find-digests.js';
import type { DigestRead } from './read-files.js';
import type { DigestVerdict } from './report.js';
import { verifySignature, type KeyRing } from './signature.js';

export const SIGNATURE_ALGORITHM = 'SHA256withRSA';

export interface DigestCheck {
  verdict: DigestVerdict;
  link: ChainLink;
  /** The log files the digest lists (empty when it could not be read). */
  logFiles: DigestLogFile[];
  /**
   * Why the signature could not be checked (ListPublicKeys failed): `verdict` is then only a
   * placeholder, the digest has no verdict and the run is incomplete, never a forgery.
   */
  unverified?: string;
}

/** Judges what a fetch worker read of the digest at bucket/key (`readDigestFile`). */
export function checkDigest(read: DigestRead, bucket: string, key: string, endTime: Date, scope: ChainScope, keys: KeyRing): DigestCheck {
  const base = { bucket, key, accountId: scope.accountId, region: scope.region };
  const link: ChainLink = { bucket, key, endTime };
  const result = (outcome: DigestVerdict['outcome'], reason?: string, logFiles: DigestLogFile[] = []): DigestCheck => ({
    verdict: { ...base, outcome, ...(reason ? { reason } : {}), ...described(link, logFiles) },
    link,
    logFiles,
  });

  if (read.kind === 'missing') return result('digest missing', 'listed in the bucket but gone when fetched');
  if (read.kind === 'not gzip') return result('digest signature invalid', `not a readable gzip file (${read.message})`);
  const { metadata, digest } = read;
  link.inflatedSha256 = read.inflatedSha256;
  const signature = metadata.signature;
  if (signature !== undefined) link.signature = signature;
  if (!digest) return result('digest signature invalid', `invalid format: ${read.formatError}`);
  link.digest = digest;
  const { logFiles } = digest;
  const fingerprint = digest.digestPublicKeyFingerprint;
  link.fingerprint = fingerprint;

  if (digest.digestS3Bucket !== bucket || digest.digestS3Object !== key) {
    return result('digest signature invalid', `moved from its original location s3://${digest.digestS3Bucket}/${digest.digestS3Object}`, logFiles);
  }
  if (signature === undefined) return result('digest signature invalid', 'no x-amz-meta-signature metadata', logFiles);
  const algorithm = metadata['signature-algorithm'] ?? digest.digestSignatureAlgorithm;
  if (algorithm !== SIGNATURE_ALGORITHM || digest.digestSignatureAlgorithm !== SIGNATURE_ALGORITHM) {
    return result('digest signature invalid', `unsupported signature algorithm ${algorithm}`, logFiles);
  }
  if (keys.failure !== undefined) return { ...result('digest signature invalid', keys.failure, logFiles), unverified: keys.failure };
  const publicKey = keys.get(fingerprint);
  if (publicKey === undefined) {
    return result('public key not found', `ListPublicKeys in ${scope.region} returned no key with fingerprint ${fingerprint}`, logFiles);
  }
  if (publicKey instanceof Error) {
    return result('digest signature invalid', `public key ${fingerprint} could not be imported: ${publicKey.message}`, logFiles);
  }
  if (!verifySignature(signingString(digest, link.inflatedSha256), signature, publicKey)) {
    return result('digest signature invalid', 'signature verification failed', logFiles);
  }
  return result('digest valid', undefined, logFiles);
}

function described(link: ChainLink, logFiles: DigestLogFile[]): Partial<DigestVerdict> {
  const d = link.digest;
  if (!d) return {};
  return {
    digestStartTime: d.digestStartTime,
    digestEndTime: d.digestEndTime,
    ...(link.fingerprint ? { publicKeyFingerprint: link.fingerprint } : {}),
    logFileCount: logFiles.length,
  };
}
