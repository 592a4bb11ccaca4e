/** The pure pieces: key layout, data signing string, chain rules, time parsing. */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { checkChain, type ChainLink } from '../../src/verify-logs/chain.js';
import { DigestFormatError, parseDigest, signingString } from '../../src/verify-logs/digest-format.js';
import { isDigestOf, logsRoot, parseDigestKey, parseLogKey, parseTrailArn } from '../../src/verify-logs/locate.js';
import { dayFolders, parseUserTime } from '../../src/verify-logs/time.js';

// The digest key and log key of the user guide's sample digest file.
const GUIDE_DIGEST = 'AWSLogs/111122223333/CloudTrail-Digest/us-east-2/2015/08/17/111122223333_CloudTrail-Digest_us-east-2_your-trail-name_us-east-2_20150817T150131Z.json.gz';
const GUIDE_LOG = 'AWSLogs/111122223333/CloudTrail/us-east-2/2015/08/17/111122223333_CloudTrail_us-east-2_20150817T1445Z_9nYN7gp2eWAJHIfT.json.gz';

describe('key layout', () => {
  it("reads the guide's sample digest and log keys", () => {
    const digest = parseDigestKey(GUIDE_DIGEST);
    expect(digest).toEqual({ accountId: '111122223333', region: 'us-east-2', trailTag: 'your-trail-name_us-east-2', endTime: new Date('2015-08-17T15:01:31Z'), backfill: false });
    expect(isDigestOf(digest!, { accountId: '111122223333', trailName: 'your-trail-name', homeRegion: 'us-east-2' })).toBe(true);
    expect(isDigestOf(digest!, { accountId: '111122223333', trailName: 'your-trail', homeRegion: 'us-east-2' })).toBe(false);
    expect(parseLogKey(GUIDE_LOG)).toEqual({ accountId: '111122223333', region: 'us-east-2', time: new Date('2015-08-17T14:45:00Z') });
  });

  it('recognises backfill digests and trail names with underscores', () => {
    const key = GUIDE_DIGEST.replace('your-trail-name', 'audit_trail.v2').replace('.json.gz', '_backfill.json.gz');
    expect(parseDigestKey(key)).toMatchObject({ trailTag: 'audit_trail.v2_us-east-2', backfill: true });
  });

  it('puts the optional prefix before AWSLogs/, and parses trail ARNs', () => {
    expect(logsRoot(undefined)).toBe('AWSLogs/');
    expect(logsRoot('/central/')).toBe('central/AWSLogs/');
    expect(parseTrailArn('arn:aws-us-gov:cloudtrail:us-gov-west-1:111122223333:trail/org')).toEqual({
      partition: 'aws-us-gov',
      region: 'us-gov-west-1',
      accountId: '111122223333',
      name: 'org',
    });
    expect(parseTrailArn('arn:aws:s3:::bucket')).toBeUndefined();
  });
});

describe('data signing string', () => {
  const digest = parseDigest(
    Buffer.from(
      JSON.stringify({
        awsAccountId: '111122223333',
        digestStartTime: '2015-08-12T03:01:31Z',
        digestEndTime: '2015-08-12T04:01:31Z',
        digestS3Bucket: 'S3-bucket-name',
        digestS3Object: 'AWSLogs/111122223333/CloudTrail-Digest/us-east-2/2015/08/12/111122223333_us-east-2_CloudTrail-Digest_us-east-2_20150812T040131Z.json.gz',
        digestPublicKeyFingerprint: '31e8b5433410dfb61a9dc45cc65b22ff',
        digestSignatureAlgorithm: 'SHA256withRSA',
        newestEventTime: null,
        oldestEventTime: null,
        previousDigestSignature: '6e8540b8',
        logFiles: [],
      }),
    ),
  );

  it('joins end time, bucket/key, digest hash and previous signature with newlines, as section D of the guide shows', () => {
    expect(signingString(digest, '4ff08d7c6ecd6eb313257e839645d20363ee3784a2328a7d76b99b53cc9bcacd')).toBe(
      '2015-08-12T04:01:31Z\nS3-bucket-name/AWSLogs/111122223333/CloudTrail-Digest/us-east-2/2015/08/12/111122223333_us-east-2_CloudTrail-Digest_us-east-2_20150812T040131Z.json.gz\n4ff08d7c6ecd6eb313257e839645d20363ee3784a2328a7d76b99b53cc9bcacd\n6e8540b8',
    );
  });

  it('writes a starting digest\'s missing previous signature as "null"', () => {
    expect(signingString({ ...digest, previousDigestSignature: null }, 'ab').endsWith('\nab\nnull')).toBe(true);
    expect(digest.previousDigestS3Object).toBeNull();
  });

  it('rejects a digest without the fields validation needs', () => {
    expect(() => parseDigest(Buffer.from('{"awsAccountId":"1"}'))).toThrow(DigestFormatError);
    expect(() => parseDigest(Buffer.from('not json'))).toThrow('not JSON');
  });
});

describe('chain rules', () => {
  const key = (hour: number): string => GUIDE_DIGEST.replace('T150131Z', `T${String(hour).padStart(2, '0')}0131Z`);
  const link = (hour: number, previous: number | null, signature = `sig${hour}`, previousSignature = previous === null ? null : `sig${previous}`): ChainLink => ({
    bucket: 'b',
    key: key(hour),
    endTime: new Date(`2015-08-17T${String(hour).padStart(2, '0')}:01:31Z`),
    signature,
    inflatedSha256: `sha${hour}`,
    digest: {
      digestStartTime: `2015-08-17T${String(hour - 1).padStart(2, '0')}:01:31Z`,
      digestEndTime: `2015-08-17T${String(hour).padStart(2, '0')}:01:31Z`,
      previousDigestS3Bucket: previous === null ? null : 'b',
      previousDigestS3Object: previous === null ? null : key(previous),
      previousDigestSignature: previousSignature,
      previousDigestHashValue: previous === null ? null : `sha${previous}`,
    },
  });
  const listedFrom = new Date('2015-08-17T10:30:00Z');

  it('accepts an intact chain whose first digest points before the listed range', () => {
    expect(checkChain([link(11, 10), link(12, 11), link(13, 12)], listedFrom)).toEqual([]);
  });

  it('finds a deleted digest, a broken link and a restart', () => {
    const findings = checkChain([link(11, 10), link(13, 12), link(14, 13, 'sig14', 'forged'), link(15, null), link(16, 15)], listedFrom);
    expect(findings).toEqual([
      { kind: 'missing', bucket: 'b', key: key(12), referencedBy: key(13) },
      { kind: 'broken', key: key(14), previousKey: key(13), reason: `chain broken: previousDigestSignature differs from the signature of ${key(13)}` },
      { kind: 'restart', key: key(15), digestStartTime: '2015-08-17T14:01:31Z' },
    ]);
  });
});

describe('times', () => {
  it('reads ISO-8601 with or without zone, and bare dates, as UTC', () => {
    expect(parseUserTime('2026-11-24', '--start').toISOString()).toBe('2026-11-24T00:00:00.000Z');
    expect(parseUserTime('2026-11-24T05:06', '--start').toISOString()).toBe('2026-11-24T05:06:00.000Z');
    expect(parseUserTime('2026-11-24T05:06:07+02:00', '--start').toISOString()).toBe('2026-11-24T03:06:07.000Z');
    expect(() => parseUserTime('24/11/2026', '--end')).toThrow(InputError);
  });

  it('lists every UTC day folder a range touches', () => {
    expect(dayFolders(new Date('2026-11-30T23:00:00Z'), new Date('2026-12-01T01:00:00Z'))).toEqual(['2026/11/30', '2026/12/01']);
  });
});
