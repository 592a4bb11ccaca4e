/**
 * `verifyTrailLogs`: the whole check for one trail and time range, as the CloudTrail user guide
 * describes it. Lists and judges on this thread; downloads and hashing run on fetch workers
 * (fetch-pool.ts) under one concurrency bound. Produces the report; AWS failures on single files
 * become report errors, never exceptions.
 */
import { CloudTrailClient, TrailNotFoundException } from '@aws-sdk/client-cloudtrail';
import pLimit from 'p-limit';
import type { AwsTarget } from '../collect/aws-target.js';
import { getTrail, listPublicKeys } from '../collect/cloudtrail-keys.js';
import { ClientCache } from '../collect/clients.js';
import { BucketS3Client } from '../collect/s3-objects.js';
import { errorNameOf } from '../collect/session.js';
import { TOOL } from '../package-info.js';
import { InputError } from '../errors.js';
import { redactHeld } from '../util/held-secrets.js';
import { checkChain } from './chain.js';
import { checkDigest, type DigestCheck } from './check-digest.js';
import { checkLogFile } from './check-log.js';
import { findAccountFolders, findScopes, listDigestKeys, type ChainScope, type FoundDigest, type FoundDigests, type TrailShape } from './find-digests.js';
import { FetchPool } from './fetch-pool.js';
import { coverage, findUnlistedLogFiles } from './find-orphans.js';
import { TRAIL_NAME, logsRoot, parseTrailArn, type DigestIdentity } from './locate.js';
import { silentProgress, type Progress } from './progress.js';
import { buildReport, unreadableReport, type ChainRestart, type DigestVerdict, type LogVerdict, type ReadError, type TrailFacts, type VerifyLogsReport } from './report.js';
import { KeyRing } from './signature.js';
import { HOUR_MS, displayTime } from './time.js';

export interface VerifyLogsOptions {
  /** Trail name (looked up in `region`) or trail ARN (looked up in its home region). */
  trail: string;
  target: AwsTarget;
  /** Where a trail given by name is looked up; default the target's region. */
  region?: string;
  /** Default: 24 hours before `end`. */
  start?: Date;
  /** Default: now. */
  end?: Date;
  /** Downloads in flight at once (default 16). */
  concurrency?: number;
  /** Fetch worker threads that download and hash (default: one per core). */
  workers?: number;
  progress?: Progress;
}

/** The trail or its bucket could not be read at all: nothing can be proven (a `could not read` report, exit 3). */
class UnreadableError extends Error {
  override name = 'UnreadableError';
  constructor(
    message: string,
    readonly failure: ReadError,
    readonly trail?: TrailFacts,
  ) {
    super(message);
  }
}

export const DEFAULT_CONCURRENCY = 16;

export async function verifyTrailLogs(options: VerifyLogsOptions): Promise<VerifyLogsReport> {
  const end = options.end ?? new Date();
  const start = options.start ?? new Date(end.getTime() - 24 * HOUR_MS);
  if (start.getTime() > end.getTime()) throw new InputError(`--start ${displayTime(start)} is after --end ${displayTime(end)}`);
  const progress = options.progress ?? silentProgress;
  const clients = new ClientCache(options.target);
  let pool: FetchPool | undefined;
  try {
    return await run(options, clients, start, end, progress, (region) => (pool = new FetchPool(options.target, region, options.workers)));
  } catch (error) {
    if (!(error instanceof UnreadableError)) throw error;
    const asked = parseTrailArn(options.trail);
    const trail = error.trail ?? { name: asked?.name ?? options.trail, ...(asked ? { arn: options.trail, homeRegion: asked.region } : {}) };
    return unreadableReport(TOOL, trail, { start: displayTime(start), end: displayTime(end) }, error.message, error.failure);
  } finally {
    progress.done();
    clients.destroy();
    await pool?.close();
  }
}

/** What the run accumulates; only per-file verdicts and keys, never file bodies. */
interface Tally {
  digests: DigestVerdict[];
  logFiles: LogVerdict[];
  chainRestarts: ChainRestart[];
  errors: ReadError[];
  /** Valid digests, whose log files get hashed. */
  toHash: DigestCheck[];
  /** `bucket/key` of every log file a valid digest lists. */
  listed: Set<string>;
  /** `bucket/key` → the digest that lists it but failed its check (a listing that counts for nothing). */
  unvouched: Map<string, string>;
  /** Per chain, the span in which an unlisted log file means something. */
  spans: Array<{ scope: ChainScope; from: Date; to: Date }>;
  logBytes: { compressed: number; uncompressed: number };
}

async function run(options: VerifyLogsOptions, clients: ClientCache, start: Date, end: Date, progress: Progress, startPool: (region: string) => FetchPool): Promise<VerifyLogsReport> {
  const trail = await resolveTrail(options, clients);
  const s3 = clients.get(BucketS3Client, trail.homeRegion);
  // Started before listing, so the workers load while the bucket is listed.
  const pool = startPool(trail.homeRegion);
  const identity: DigestIdentity = { accountId: trail.ownerAccountId, trailName: trail.name, homeRegion: trail.homeRegion };
  const root = logsRoot(trail.prefix);
  // A digest ending up to an hour after `end` still lists files delivered before `end`.
  const listTo = new Date(end.getTime() + HOUR_MS);
  const tally: Tally = {
    digests: [],
    logFiles: [],
    chainRestarts: [],
    errors: [],
    toHash: [],
    listed: new Set(),
    unvouched: new Map(),
    spans: [],
    logBytes: { compressed: 0, uncompressed: 0 },
  };

  const scopes: Array<{ scope: ChainScope; found: FoundDigests }> = [];
  await listing(trail, root, async () => {
    for (const account of await findAccountFolders(s3, trail.bucket, root, trail)) {
      for (const scope of await findScopes(s3, trail.bucket, account, trail)) {
        scopes.push({ scope, found: await listDigestKeys(s3, trail.bucket, scope, { ...identity, accountId: scope.accountId }, start, listTo) });
      }
    }
  });
  const regions = [...new Set(scopes.map((s) => s.scope.region))].sort();
  const keyRings = await loadKeyRings(clients, regions, start, listTo, tally.errors);

  const limit = pLimit(options.concurrency ?? DEFAULT_CONCURRENCY);
  const guarded = <T>(fallback: T, failed: Omit<ReadError, 'errorName' | 'message'>, task: () => Promise<T>): Promise<T> =>
    limit(async () => {
      try {
        return await task();
      } catch (error) {
        tally.errors.push({ ...failed, errorName: errorNameOf(error), message: messageOf(error) });
        return fallback;
      } finally {
        progress.tick();
      }
    });

  progress.phase(
    'digests',
    scopes.reduce((n, s) => n + s.found.own.length + s.found.others.length, 0),
  );
  await Promise.all(
    scopes.map(async ({ scope, found }) => {
      const read = { operation: 'GetObject', region: scope.region, bucket: trail.bucket };
      const ring = keyRings.get(scope.region) as KeyRing;
      const check = ({ key, info }: FoundDigest) =>
        guarded(undefined, { ...read, key }, async () => checkDigest(await pool.readDigest(trail.bucket, key), trail.bucket, key, info.endTime, scope, ring));
      const [own, foreign] = await Promise.all([Promise.all(found.own.map(check)), Promise.all(found.others.map(check))]);
      const readable = own.filter((c) => c !== undefined);
      settleScope(scope, found, readable, trail.bucket, start, end, tally);
      const foreignComplete = settleForeign(scope, found.others, foreign, tally);
      // Without a digest's verified list, its files would look unlisted: skip that check here (the run is incomplete anyway).
      if (readable.length < own.length || readable.some((c) => c.unverified) || !foreignComplete) tally.spans = tally.spans.filter((s) => s.scope !== scope);
    }),
  );

  const hashed = new Set<string>();
  const jobs = tally.toHash.flatMap((check) =>
    check.logFiles.filter((f) => !hashed.has(`${f.s3Bucket}/${f.s3Object}`) && hashed.add(`${f.s3Bucket}/${f.s3Object}`)).map((entry) => ({ entry, listedBy: check.verdict })),
  );
  progress.phase('log files', jobs.length);
  await Promise.all([
    ...jobs.map(({ entry, listedBy }) =>
      guarded(undefined, { operation: 'GetObject', region: listedBy.region, bucket: entry.s3Bucket, key: entry.s3Object }, async () => {
        const checked = await checkLogFile(entry, listedBy, () => pool.readLog(entry.s3Bucket, entry.s3Object));
        tally.logFiles.push(checked.verdict);
        tally.logBytes.compressed += checked.compressedBytes;
        tally.logBytes.uncompressed += checked.uncompressedBytes;
      }),
    ),
    // A log folder that can't be listed costs only the unlisted-file check there: recorded, not fatal.
    ...tally.spans.map((span) =>
      limit(async () => {
        try {
          tally.logFiles.push(...(await findUnlistedLogFiles(s3, trail.bucket, span.scope, span, (b, k) => tally.listed.has(`${b}/${k}`) || tally.unvouched.get(`${b}/${k}`))));
        } catch (error) {
          tally.errors.push({
            operation: 'ListObjectsV2',
            region: span.scope.region,
            bucket: trail.bucket,
            key: span.scope.folder,
            errorName: errorNameOf(error),
            message: messageOf(error),
          });
        }
      }),
    ),
  ]);

  return buildReport({
    tool: TOOL,
    trail: trailFacts(trail),
    requested: { start: displayTime(start), end: displayTime(end) },
    accounts: [...new Set(scopes.map((s) => s.scope.accountId))],
    regions,
    digests: tally.digests,
    logFiles: tally.logFiles,
    chainRestarts: tally.chainRestarts,
    errors: tally.errors,
    logBytes: tally.logBytes,
  });
}

/** ListPublicKeys per region (CloudTrail signs with a key pair per region); a failure leaves that region keyless and is reported. */
async function loadKeyRings(clients: ClientCache, regions: string[], start: Date, end: Date, errors: ReadError[]): Promise<Map<string, KeyRing>> {
  const rings = new Map<string, KeyRing>();
  const now = new Date();
  for (const region of regions) {
    try {
      rings.set(region, new KeyRing(await listPublicKeys(clients.get(CloudTrailClient, region), start, end < now ? end : now)));
    } catch (error) {
      errors.push({ operation: 'ListPublicKeys', region, errorName: errorNameOf(error), message: messageOf(error) });
      rings.set(region, new KeyRing([], `signature not checked: ListPublicKeys in ${region} failed with ${errorNameOf(error)}: ${messageOf(error)}`));
    }
  }
  return rings;
}

/** Applies the chain check to one scope's digest verdicts and records what the log phase needs. */
function settleScope(scope: ChainScope, found: FoundDigests, checks: DigestCheck[], bucket: string, start: Date, end: Date, tally: Tally): void {
  const byKey = new Map(checks.map((c) => [c.verdict.key, c]));
  // Every listed digest is a link, even one that failed to download: it exists, so it is not "missing".
  // Backfill digests list late files outside the hourly chain; the guide gives them no place in it.
  const chainable = found.own.filter((f) => !f.info.backfill).map((f) => byKey.get(f.key)?.link ?? { bucket, key: f.key, endTime: f.info.endTime });
  for (const finding of checkChain(chainable, start)) {
    if (finding.kind === 'missing') {
      tally.digests.push({
        bucket: finding.bucket,
        key: finding.key,
        accountId: scope.accountId,
        region: scope.region,
        outcome: 'digest missing',
        reason: `named as previous digest by ${finding.referencedBy}`,
      });
    } else if (finding.kind === 'broken') {
      // A predecessor that fails its own check is already reported; its successor is not to blame.
      const check = byKey.get(finding.key);
      const previousValid = byKey.get(finding.previousKey)?.verdict.outcome === 'digest valid';
      if (check && previousValid && check.verdict.outcome === 'digest valid') Object.assign(check.verdict, { outcome: 'digest signature invalid', reason: finding.reason });
    } else {
      tally.chainRestarts.push({ accountId: scope.accountId, region: scope.region, key: finding.key, digestStartTime: finding.digestStartTime });
    }
  }
  for (const check of checks) {
    if (check.unverified) {
      tally.errors.push(unverifiedError(check));
      continue;
    }
    tally.digests.push(check.verdict);
    // Only a digest that passed every check vouches for the files it lists.
    if (check.verdict.outcome !== 'digest valid') {
      unvouch(tally, check);
      continue;
    }
    for (const f of check.logFiles) tally.listed.add(`${f.s3Bucket}/${f.s3Object}`);
    tally.toHash.push(check);
  }
  const parsed = checks.map((c) => c.link.digest).filter((d) => d !== undefined);
  const span = coverage(
    { from: start, to: end },
    parsed.map((d) => new Date(d.digestStartTime)),
    parsed.map((d) => new Date(d.digestEndTime)),
  );
  if (span) tally.spans.push({ scope, ...span });
}

/**
 * Other trails may share the folder, and their digests say which log files there are theirs. A
 * digest named for another trail counts only when CloudTrail's signature on it verifies and it is
 * named for the folder's account; anything else (unsigned, edited, a trail that never existed)
 * is reported, and the files it lists stay unlisted. False when a digest could not be judged.
 */
function settleForeign(scope: ChainScope, found: FoundDigest[], checks: Array<DigestCheck | undefined>, tally: Tally): boolean {
  let complete = true;
  checks.forEach((check, i) => {
    const { info } = found[i] as FoundDigest;
    if (!check) complete = false;
    else if (check.unverified) {
      tally.errors.push(unverifiedError(check));
      complete = false;
    } else if (check.verdict.outcome !== 'digest valid' || info.accountId !== scope.accountId) {
      const why = check.verdict.outcome !== 'digest valid' ? (check.verdict.reason ?? check.verdict.outcome) : `named for account ${info.accountId}, in account ${scope.accountId}'s folder`;
      unvouch(tally, check);
      tally.digests.push({
        ...check.verdict,
        outcome: check.verdict.outcome === 'digest valid' ? 'digest signature invalid' : check.verdict.outcome,
        reason: `digest of trail ${info.trailTag} in this trail's folder, not vouched for by CloudTrail (${why}); the log files it lists are not counted as delivered`,
      });
    } else {
      for (const f of check.logFiles) tally.listed.add(`${f.s3Bucket}/${f.s3Object}`);
    }
  });
  return complete;
}

/** Records the files a failed digest lists; the first digest by key names them, whatever order checks end in. */
function unvouch(tally: Tally, check: DigestCheck): void {
  for (const f of check.logFiles) {
    const file = `${f.s3Bucket}/${f.s3Object}`;
    const known = tally.unvouched.get(file);
    if (known === undefined || check.verdict.key < known) tally.unvouched.set(file, check.verdict.key);
  }
}

/** A digest whose signature could not be checked: a read error, never a verdict. */
function unverifiedError(check: DigestCheck): ReadError {
  const { bucket, key, region } = check.verdict;
  return { operation: 'ListPublicKeys', region, bucket, key, errorName: 'SignatureNotChecked', message: check.unverified as string };
}

interface ResolvedTrail extends TrailShape {
  logFileValidationEnabled: boolean;
  arn: string;
  name: string;
  bucket: string;
  prefix?: string;
}

async function resolveTrail(options: VerifyLogsOptions, clients: ClientCache): Promise<ResolvedTrail> {
  const arn = parseTrailArn(options.trail);
  if (!arn && options.trail.startsWith('arn:')) {
    throw new InputError(`--trail ${JSON.stringify(options.trail)}: not a trail ARN (arn:aws:cloudtrail:<region>:<account>:trail/<name>)`);
  }
  if (!arn && !TRAIL_NAME.test(options.trail)) {
    throw new InputError(`--trail ${JSON.stringify(options.trail)}: not a trail name (3-128 letters, digits, '.', '_' or '-') nor a trail ARN`);
  }
  const region = arn?.region ?? options.region ?? options.target.globalRegion;
  let found;
  try {
    found = await getTrail(clients.get(CloudTrailClient, region), options.trail);
  } catch (error) {
    if (error instanceof TrailNotFoundException || errorNameOf(error) === 'TrailNotFoundException') {
      throw new InputError(`trail ${options.trail} not found in ${region} (CloudTrail GetTrail); give its ARN or the --region it lives in`);
    }
    const failure = { operation: 'GetTrail', region, errorName: errorNameOf(error), message: messageOf(error) };
    throw new UnreadableError(`cannot read trail ${options.trail} in ${region}: CloudTrail GetTrail failed with ${failure.errorName}: ${failure.message}`, failure);
  }
  const trailArn = parseTrailArn(found.TrailARN ?? '');
  if (!trailArn || !found.S3BucketName) {
    const message = `GetTrail ${options.trail} in ${region} returned no ARN or no S3 bucket`;
    throw new UnreadableError(message, { operation: 'GetTrail', region, errorName: 'IncompleteResponse', message });
  }
  return {
    arn: found.TrailARN as string,
    name: trailArn.name,
    ownerAccountId: trailArn.accountId,
    homeRegion: found.HomeRegion ?? trailArn.region,
    bucket: found.S3BucketName,
    ...(found.S3KeyPrefix ? { prefix: found.S3KeyPrefix } : {}),
    organizationTrail: found.IsOrganizationTrail ?? false,
    multiRegionTrail: found.IsMultiRegionTrail ?? false,
    logFileValidationEnabled: found.LogFileValidationEnabled ?? false,
  };
}

/** Listing failures (AccessDenied, NoSuchBucket) mean the bucket can't be read: stop with exit 3. */
async function listing(trail: ResolvedTrail, prefix: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    if (error instanceof InputError || error instanceof UnreadableError) throw error;
    const failure = { operation: 'ListObjectsV2', region: trail.homeRegion, bucket: trail.bucket, key: prefix, errorName: errorNameOf(error), message: messageOf(error) };
    throw new UnreadableError(`cannot list s3://${trail.bucket}/${prefix}: S3 ListObjectsV2 failed with ${failure.errorName}: ${failure.message}`, failure, trailFacts(trail));
  }
}

function trailFacts(trail: ResolvedTrail): TrailFacts {
  return {
    arn: trail.arn,
    name: trail.name,
    homeRegion: trail.homeRegion,
    bucket: trail.bucket,
    ...(trail.prefix ? { prefix: trail.prefix } : {}),
    organizationTrail: trail.organizationTrail,
    multiRegionTrail: trail.multiRegionTrail,
    logFileValidationEnabled: trail.logFileValidationEnabled,
  };
}

/** An AWS error's message, without any credential an endpoint echoed into it. */
function messageOf(error: unknown): string {
  return redactHeld(error instanceof Error ? error.message : String(error));
}

/** 0 intact; 1 any digest or log file failed; 3 nothing failed but something could not be read, or there was nothing to verify. */
export function exitCodeOf(report: VerifyLogsReport): 0 | 1 | 3 {
  return report.outcome.status === 'intact' ? 0 : report.outcome.status === 'not intact' ? 1 : 3;
}
