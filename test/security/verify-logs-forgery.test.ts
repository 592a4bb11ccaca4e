/**
 * Attacks on `verify-logs` by someone who can write to the log bucket: forged log files vouched
 * for by digests CloudTrail never signed, log-like files under names CloudTrail never writes,
 * and a public-key lookup that fails. Each is built in the simulator and run through the CLI.
 */
import { createSign } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { useSimulator } from '../helpers/simulator.js';
import { addTrailLogs, makeSigner, type TrailLogsManifest } from '../../src/simulator/trail-logs.js';
import { sha256Hex, signingString, type DigestFile } from '../../src/verify-logs/digest-format.js';
import type { VerifyLogsReport } from '../../src/verify-logs/report.js';
import { BUCKET, END, OWNER, START, TRAIL_ARN, schemaProblems, world } from '../verify-logs/helpers.js';

const FOLDER = `AWSLogs/${OWNER}/`;
const LOGS = `${FOLDER}CloudTrail/us-east-1/2026/11/24/`;
const DIGESTS = `${FOLDER}CloudTrail-Digest/us-east-1/2026/11/24/`;
const FORGED_LOG = `${LOGS}${OWNER}_CloudTrail_us-east-1_20261124T0312Z_forgedforgedforg.json.gz`;

const sim = useSimulator(world, { signInAs: OWNER });
let manifest: TrailLogsManifest;

beforeAll(() => {
  manifest = addTrailLogs(sim.world, { trail: TRAIL_ARN, start: START, end: END, regions: ['us-east-1'], seed: 7 });
});

/** Every attack starts from the untouched bucket. */
beforeEach(() => {
  for (const key of [...(sim.world.buckets.get(BUCKET)?.objects.keys() ?? [])]) {
    if (!manifest.logFiles.includes(key) && !manifest.digests.includes(key)) sim.world.deleteObject(BUCKET, key);
  }
  sim.faults.clear();
});

async function verify(): Promise<{ code: number; report: VerifyLogsReport; stderr: string }> {
  const r = await cli(['verify-logs', '--trail', TRAIL_ARN, '--start', START, '--end', END, '--endpoint-url', sim.endpoint, '--region', 'us-east-1', '--max-attempts', '1']);
  return { code: r.code, report: JSON.parse(r.out) as VerifyLogsReport, stderr: r.err };
}

/** A digest for `trail` listing `logFiles`, signed with `signer` or carrying the given bogus signature. */
function putDigest(trailTag: string, logFiles: Array<{ key: string; body: Buffer }>, sign: { fingerprint: string; signature?: string; with?: ReturnType<typeof makeSigner> }): string {
  const key = `${DIGESTS}${OWNER}_CloudTrail-Digest_us-east-1_${trailTag}_20261124T043000Z.json.gz`;
  const digest: DigestFile = {
    awsAccountId: OWNER,
    digestStartTime: '2026-11-24T03:30:00Z',
    digestEndTime: '2026-11-24T04:30:00Z',
    digestS3Bucket: BUCKET,
    digestS3Object: key,
    digestPublicKeyFingerprint: sign.fingerprint,
    digestSignatureAlgorithm: 'SHA256withRSA',
    newestEventTime: null,
    oldestEventTime: null,
    previousDigestS3Bucket: null,
    previousDigestS3Object: null,
    previousDigestHashValue: null,
    previousDigestHashAlgorithm: null,
    previousDigestSignature: null,
    logFiles: logFiles.map((f) => ({ s3Bucket: BUCKET, s3Object: f.key, hashValue: sha256Hex(f.body), hashAlgorithm: 'SHA-256', newestEventTime: null, oldestEventTime: null })),
  };
  const json = Buffer.from(JSON.stringify(digest));
  const signature = sign.with
    ? createSign('RSA-SHA256')
        .update(signingString(digest, sha256Hex(json)))
        .sign(sign.with.privateKey, 'hex')
    : (sign.signature ?? 'ab');
  sim.world.putObject(BUCKET, key, gzipSync(json), { signature, 'signature-algorithm': 'SHA256withRSA' });
  return key;
}

function putLog(key: string): { key: string; body: Buffer } {
  const body = Buffer.from(JSON.stringify({ Records: [{ eventName: 'ConsoleLogin', sourceIPAddress: '203.0.113.66' }] }));
  sim.world.putObject(BUCKET, key, gzipSync(body));
  return { key, body };
}

describe('verify-logs against a writer of the log bucket', () => {
  it('starts from a bucket it calls intact', async () => {
    const r = await verify();
    expect(r.code).toBe(0);
    expect(r.report.summary.intact).toBe(true);
  });

  it('does not let an unsigned digest of a ghost trail vouch for a forged log file', async () => {
    const forged = putLog(FORGED_LOG);
    const ghost = putDigest('ghost_us-east-1', [forged], { fingerprint: '00', signature: 'ab' });
    const r = await verify();
    expect(r.code).toBe(1);
    expect(r.report.summary.intact).toBe(false);
    expect(r.report.logFiles.find((l) => l.key === FORGED_LOG)).toMatchObject({ outcome: 'log file not in any digest', reason: `listed only by digest ${ghost}, which did not verify` });
    expect(r.report.digests.find((d) => d.key === ghost)).toMatchObject({ outcome: 'public key not found' });
    expect(r.report.digests.find((d) => d.key === ghost)?.reason).toMatch(/^digest of trail ghost_us-east-1 in this trail's folder, not vouched for by CloudTrail/);
    expect(r.stderr).toContain(`log file not in any digest\ts3://${BUCKET}/${FORGED_LOG}`);
    expect(r.stderr).toContain('Integrity NOT proven');
    expect(schemaProblems(r.report)).toEqual([]);
  });

  it('does not count a digest signed by a key CloudTrail does not publish, for another trail or for this one', async () => {
    const forged = putLog(FORGED_LOG);
    const attacker = makeSigner();
    const other = putDigest('other_us-east-1', [forged], { fingerprint: attacker.fingerprint, with: attacker });
    const r = await verify();
    expect(r.code).toBe(1);
    expect(r.report.digests.find((d) => d.key === other)?.outcome).toBe('public key not found');
    expect(r.report.logFiles.find((l) => l.key === FORGED_LOG)?.outcome).toBe('log file not in any digest');
  });

  it('does not count the listing of a digest whose signature is wrong', async () => {
    const forged = putLog(FORGED_LOG);
    const real = sim.world.cloudTrailPublicKeys[0]!.Fingerprint;
    putDigest('other_us-east-1', [forged], { fingerprint: real, signature: 'ab'.repeat(256) });
    const r = await verify();
    expect(r.code).toBe(1);
    expect(r.report.summary.outcomes['digest signature invalid']).toBe(1);
    expect(r.report.logFiles.find((l) => l.key === FORGED_LOG)?.outcome).toBe('log file not in any digest');
  });

  it.each([
    [`${LOGS}${OWNER}_CloudTrail_us-east-1_20261124T0312Z_evil-1.json.gz`, /^not a CloudTrail log file name/],
    [`${LOGS}${OWNER}_CloudTrail_us-east-1_20261124T0312Z_evil.json`, /^not a CloudTrail log file name/],
    [`${LOGS}evil.json.gz`, /^not a CloudTrail log file name/],
    [`${LOGS}more/${OWNER}_CloudTrail_us-east-1_20261124T0312Z_abc.json.gz`, /^in a sub-folder of the log folder/],
    [`${LOGS}${OWNER}_CloudTrail_us-east-1_20200101T0312Z_outofrange.json.gz`, /^named for account 111122223333, us-east-1, 2020\/01\/01, but in the folder of .* 2026\/11\/24/],
    [`${LOGS}999999999999_CloudTrail_us-east-1_20261124T0312Z_otheraccount.json.gz`, /^named for account 999999999999/],
  ])('reports %s, a file CloudTrail never writes there, as unlisted', async (key, reason) => {
    putLog(key);
    const r = await verify();
    expect(r.code).toBe(1);
    const verdict = r.report.logFiles.find((l) => l.key === key);
    expect(verdict?.outcome).toBe('log file not in any digest');
    expect(verdict?.reason).toMatch(reason);
    expect(verdict?.reason).toContain('Athena');
  });
});

describe('verify-logs when the public keys cannot be read', () => {
  it.each([
    ['denied', { kind: 'accessDenied' as const }, 'AccessDenied'],
    ['answering 503', { kind: 'error' as const, status: 503 }, ''],
  ])('with ListPublicKeys %s, reports read errors and exits 3, never "public key not found"', async (_, fault, errorName) => {
    sim.faults.add({ ...fault, service: 'cloudtrail', operation: 'ListPublicKeys' });
    const r = await verify();
    expect(r.code).toBe(3);
    expect(r.report.summary.outcomes['public key not found']).toBe(0);
    expect(r.report.digests.filter((d) => d.outcome !== 'digest valid')).toEqual([]);
    expect(r.report.summary.intact).toBe(false);
    // The failed call, then one "signature not checked" per digest.
    const keys = r.report.errors.filter((e) => e.operation === 'ListPublicKeys');
    expect(keys).toHaveLength(1 + manifest.digests.length);
    expect(
      keys
        .filter((e) => e.errorName === 'SignatureNotChecked')
        .map((e) => e.key)
        .sort(),
    ).toEqual([...manifest.digests].sort());
    expect(keys.find((e) => !e.key)?.errorName).toContain(errorName);
    // Unverified listings decide nothing: no log file is called unlisted, none is hashed as if proven.
    expect(r.report.logFiles).toEqual([]);
    expect(r.stderr).toMatch(/signature not checked: ListPublicKeys in us-east-1 failed with/);
    expect(r.stderr).not.toContain('Integrity NOT proven: see the failures above');
    expect(schemaProblems(r.report)).toEqual([]);
  });
});
