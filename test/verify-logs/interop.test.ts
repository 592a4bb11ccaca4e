/**
 * Interoperability with the AWS documentation and OpenSSL: (a) a digest the test builds from the
 * CloudTrail user guide's description and signs with the `openssl` command verifies in
 * trailguard; (b) a digest trailguard's generator signed verifies with `openssl dgst -verify`.
 * The data signing string here is written from the guide, not taken from trailguard's code.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash, createPublicKey } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { addTrailLogs } from '../../src/simulator/trail-logs.js';
import { verifyTrailLogs } from '../../src/verify-logs/verify.js';
import { BUCKET, OWNER, TRAIL_ARN, outcomeOf, targetFor, world } from './helpers.js';
import { useSimulator } from '../helpers/simulator.js';

const dir = join('test-output', 'verify-logs', 'interop');
const sha256 = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');
const openssl = (...args: string[]): string => execFileSync('openssl', args, { encoding: 'utf8' });

/** "Data_To_Sign_String" from the guide's section "D. Recreate the Data Signing String". */
function dataToSign(endTime: string, bucket: string, key: string, uncompressedDigest: Buffer, previousSignature: string | null): string {
  return `${endTime}\n${bucket}/${key}\n${sha256(uncompressedDigest)}\n${previousSignature ?? 'null'}`;
}

/** Signs with `openssl dgst -sha256 -sign` and returns the hex signature, as x-amz-meta-signature carries it. */
function opensslSign(name: string, data: string): string {
  writeFileSync(join(dir, `${name}.txt`), data);
  openssl('dgst', '-sha256', '-sign', join(dir, 'key.pem'), '-out', join(dir, `${name}.sig`), join(dir, `${name}.txt`));
  return readFileSync(join(dir, `${name}.sig`)).toString('hex');
}

const sim = useSimulator(world);
beforeAll(() => {
  mkdirSync(dir, { recursive: true });
});

describe('(a) a digest built from the AWS documentation and signed with openssl', () => {
  const prefix = `AWSLogs/${OWNER}`;
  const digestKeyAt = (stamp: string): string => `${prefix}/CloudTrail-Digest/us-east-1/2026/11/24/${OWNER}_CloudTrail-Digest_us-east-1_main_us-east-1_${stamp}.json.gz`;
  const logKey = (stamp: string, id: string): string => `${prefix}/CloudTrail/us-east-1/2026/11/24/${OWNER}_CloudTrail_us-east-1_${stamp}_${id}.json.gz`;
  let fingerprint: string;

  /** Writes a log file and a digest listing it, signed by openssl; returns the digest key and signature. */
  function deliver(hour: number, previous: { key: string; uncompressed: Buffer; signature: string } | null) {
    const log = Buffer.from(
      JSON.stringify({
        Records: [
          {
            eventVersion: '1.09',
            eventTime: `2026-11-24T0${hour}:12:00Z`,
            eventSource: 'sts.amazonaws.com',
            eventName: 'GetCallerIdentity',
            awsRegion: 'us-east-1',
            recipientAccountId: OWNER,
          },
        ],
      }),
    );
    const logObject = logKey(`20261124T0${hour}15Z`, `docSample0000000${hour}`);
    sim.world.putObject(BUCKET, logObject, gzipSync(log));
    const endTime = `2026-11-24T0${hour}:31:07Z`;
    const key = digestKeyAt(`20261124T0${hour}3107Z`);
    const digest = {
      awsAccountId: OWNER,
      digestStartTime: `2026-11-24T0${hour - 1}:31:07Z`,
      digestEndTime: endTime,
      digestS3Bucket: BUCKET,
      digestS3Object: key,
      digestPublicKeyFingerprint: fingerprint,
      digestSignatureAlgorithm: 'SHA256withRSA',
      newestEventTime: `2026-11-24T0${hour}:12:00Z`,
      oldestEventTime: `2026-11-24T0${hour}:12:00Z`,
      previousDigestS3Bucket: previous ? BUCKET : null,
      previousDigestS3Object: previous?.key ?? null,
      previousDigestHashValue: previous ? sha256(previous.uncompressed) : null,
      previousDigestHashAlgorithm: previous ? 'SHA-256' : null,
      previousDigestSignature: previous?.signature ?? null,
      logFiles: [
        {
          s3Bucket: BUCKET,
          s3Object: logObject,
          hashValue: sha256(log),
          hashAlgorithm: 'SHA-256',
          newestEventTime: `2026-11-24T0${hour}:12:00Z`,
          oldestEventTime: `2026-11-24T0${hour}:12:00Z`,
        },
      ],
    };
    const uncompressed = Buffer.from(JSON.stringify(digest, null, 2));
    const signature = opensslSign(`digest-${hour}`, dataToSign(endTime, BUCKET, key, uncompressed, previous?.signature ?? null));
    sim.world.putObject(BUCKET, key, gzipSync(uncompressed), { signature, 'signature-algorithm': 'SHA256withRSA' });
    return { key, uncompressed, signature, logObject };
  }

  beforeAll(() => {
    openssl('genrsa', '-out', join(dir, 'key.pem'), '2048');
    // The guide: ListPublicKeys returns "the DER encoded public key value in PKCS #1 format".
    openssl('rsa', '-in', join(dir, 'key.pem'), '-RSAPublicKey_out', '-outform', 'DER', '-out', join(dir, 'pub.der'));
    const der = readFileSync(join(dir, 'pub.der'));
    fingerprint = createHash('md5').update(der).digest('hex');
    sim.world.cloudTrailPublicKeys.push({ Value: der, Fingerprint: fingerprint, ValidityStartTime: new Date('2026-11-01T00:00:00Z'), ValidityEndTime: new Date('2026-12-01T00:00:00Z') });
  });

  it('verifies a starting digest and the digest chained to it, and their log files', async () => {
    const first = deliver(1, null);
    const second = deliver(2, first);
    const report = await verifyTrailLogs({ trail: TRAIL_ARN, target: targetFor(sim), start: new Date('2026-11-24T00:00:00Z'), end: new Date('2026-11-24T03:00:00Z') });
    expect(report.digests.map((d) => [d.key, d.outcome])).toEqual([
      [first.key, 'digest valid'],
      [second.key, 'digest valid'],
    ]);
    expect(outcomeOf(report, first.logObject)).toBe('log file valid');
    expect(outcomeOf(report, second.logObject)).toBe('log file valid');
    expect(report.summary.intact).toBe(true);
  });

  it('rejects the same digest signed over the hash of the COMPRESSED file instead', async () => {
    const third = deliver(3, null);
    const compressedHashSigned = `2026-11-24T03:31:07Z\n${BUCKET}/${third.key}\n${sha256(gzipSync(third.uncompressed))}\nnull`;
    sim.world.putObject(BUCKET, third.key, gzipSync(third.uncompressed), { signature: opensslSign('digest-3-wrong', compressedHashSigned), 'signature-algorithm': 'SHA256withRSA' });
    const report = await verifyTrailLogs({ trail: TRAIL_ARN, target: targetFor(sim), start: new Date('2026-11-24T03:00:00Z'), end: new Date('2026-11-24T04:00:00Z') });
    expect(report.digests.find((d) => d.key === third.key)).toMatchObject({ outcome: 'digest signature invalid', reason: 'signature verification failed' });
  });
});

describe("(b) a digest from trailguard's generator, checked by openssl", () => {
  it('verifies with `openssl dgst -sha256 -verify` given the public key as PEM, and fails on a changed string', async () => {
    const trail = `arn:aws:cloudtrail:us-east-1:${OWNER}:trail/other`;
    const m = addTrailLogs(sim.world, { trail, start: '2026-11-25T00:00:00Z', end: '2026-11-25T04:00:00Z', seed: 4 });
    const key = m.digests[1] as string;
    const report = await verifyTrailLogs({ trail, target: targetFor(sim), start: new Date('2026-11-25T00:00:00Z'), end: new Date('2026-11-25T04:00:00Z') });
    expect(outcomeOf(report, key)).toBe('digest valid');

    const object = sim.world.buckets.get(BUCKET)?.objects.get(key);
    const uncompressed = gunzipSync(object?.body ?? Buffer.alloc(0));
    const digest = JSON.parse(uncompressed.toString('utf8')) as { digestEndTime: string; digestPublicKeyFingerprint: string; previousDigestSignature: string | null };
    const publicKey = sim.world.cloudTrailPublicKeys.find((k) => k.Fingerprint === digest.digestPublicKeyFingerprint);
    writeFileSync(join(dir, 'generated.pem'), createPublicKey({ key: publicKey?.Value ?? Buffer.alloc(0), format: 'der', type: 'spki' }).export({ type: 'spki', format: 'pem' }));
    writeFileSync(join(dir, 'generated.sig'), Buffer.from(object?.metadata.signature ?? '', 'hex'));
    writeFileSync(join(dir, 'generated.txt'), dataToSign(digest.digestEndTime, BUCKET, key, uncompressed, digest.previousDigestSignature));
    writeFileSync(join(dir, 'generated-wrong.txt'), dataToSign(digest.digestEndTime, BUCKET, key, uncompressed, null));
    const verifyWith = (data: string) =>
      spawnSync('openssl', ['dgst', '-sha256', '-verify', join(dir, 'generated.pem'), '-signature', join(dir, 'generated.sig'), join(dir, data)], { encoding: 'utf8' });

    const good = verifyWith('generated.txt');
    expect(good.stdout.trim()).toBe('Verified OK');
    expect(good.status).toBe(0);
    const bad = verifyWith('generated-wrong.txt');
    expect(bad.stdout.trim()).toBe('Verification failure');
    expect(bad.status).toBe(1);
  });
});
