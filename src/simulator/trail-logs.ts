/**
 * Generates a trail's delivered files for the simulator: gzip JSON log files and the hourly,
 * chained, signed digest files that list them, laid out and signed as the CloudTrail user guide
 * describes (see docs/verify-logs.md). Content is deterministic from the seed; signatures come
 * from the simulator's RSA key, made once per process (node:crypto cannot seed key generation).
 * Tampering options change the result the way an attacker (or an accident) would, and the
 * returned manifest names every file touched, so tests know the expected verdicts.
 */
import { createHash, createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { InputError } from '../errors.js';
import { sha256Hex, signingString, type DigestFile, type DigestLogFile } from '../verify-logs/digest-format.js';
import { accountFolder, digestKey, logKey, logsRoot, parseTrailArn, type DigestIdentity } from '../verify-logs/locate.js';
import { HOUR_MS, displayTime } from '../verify-logs/time.js';
import { mulberry32 } from './faults.js';
import { logFileContent, pick, token } from './trail-log-records.js';
import type { World } from './world/model.js';
import type { TrailLogsSpec } from './world/spec.js';

export interface TrailLogsManifest {
  logFiles: string[];
  digests: string[];
  modifiedLogFiles: string[];
  deletedLogFiles: string[];
  deletedDigests: string[];
  brokenChainDigests: string[];
  unknownKeyDigests: string[];
  forgedDigests: string[];
  /** Log files deleted and dropped from a forged digest. */
  hiddenLogFiles: string[];
  unlistedLogFiles: string[];
}

export interface Signer {
  privateKey: KeyObject;
  /** DER SubjectPublicKeyInfo. */
  publicKeyDer: Buffer;
  fingerprint: string;
}

/** Where and for whom the files are written. */
export interface TrailLayout extends DigestIdentity {
  bucket: string;
  prefix?: string;
  regions: string[];
  organizationId?: string;
  /** Accounts that deliver (just the owner for an account trail). */
  accounts: string[];
}

export interface ObjectSink {
  put(key: string, body: Buffer, metadata?: Record<string, string>): void;
}

export function makeSigner(): Signer {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const publicKeyDer = publicKey.export({ format: 'der', type: 'spki' });
  // The guide does not say how CloudTrail derives fingerprints; validators only compare them.
  return { privateKey, publicKeyDer, fingerprint: createHash('md5').update(publicKeyDer).digest('hex') };
}

let simulatorKey: Signer | undefined;
/** The simulator's CloudTrail signing key (served by ListPublicKeys once a world uses it). */
export function simulatorSigner(): Signer {
  simulatorKey ??= makeSigner();
  return simulatorKey;
}

/** Reads a `trailLogs` entry against the world, writes the files into the trail's bucket and publishes the key. */
export function addTrailLogs(world: World, spec: TrailLogsSpec): TrailLogsManifest {
  const arn = parseTrailArn(spec.trail);
  const trail = arn ? world.accounts.get(arn.accountId)?.trails.find((t) => t.arn === spec.trail) : undefined;
  if (!arn || !trail) throw new InputError(`trailLogs: ${spec.trail} is not the ARN of a trail in the world's accounts`);
  const organizationTrail = trail.spec.IsOrganizationTrail === true && world.organization !== undefined;
  const account = world.accounts.get(arn.accountId);
  const enabled = account ? [...account.regionStatus].filter(([, s]) => s !== 'DISABLED').map(([r]) => r) : [];
  const layout: TrailLayout = {
    accountId: arn.accountId,
    trailName: trail.spec.Name,
    homeRegion: trail.spec.HomeRegion,
    bucket: trail.spec.S3BucketName,
    ...(trail.spec.S3KeyPrefix ? { prefix: trail.spec.S3KeyPrefix } : {}),
    regions: spec.regions ?? (trail.spec.IsMultiRegionTrail ? enabled.sort() : [trail.spec.HomeRegion]),
    ...(organizationTrail ? { organizationId: world.organization?.id } : {}),
    accounts: spec.accounts ?? (organizationTrail ? [...world.accounts.keys()].filter((id) => world.receivesOrganizationTrails(id)).sort() : [arn.accountId]),
  };
  const signer = simulatorSigner();
  const start = new Date(spec.start);
  const end = new Date(spec.end);
  if (!world.cloudTrailPublicKeys.some((k) => k.Fingerprint === signer.fingerprint)) {
    world.cloudTrailPublicKeys.push({
      Value: signer.publicKeyDer,
      Fingerprint: signer.fingerprint,
      ValidityStartTime: new Date(Math.min(start.getTime(), Date.now()) - 30 * 24 * HOUR_MS),
      ValidityEndTime: new Date(Math.max(end.getTime(), Date.now()) + 365 * 24 * HOUR_MS),
    });
  }
  return generateTrailLogs(layout, spec, signer, { put: (key, body, metadata) => world.putObject(layout.bucket, key, body, metadata) });
}

type Options = Pick<TrailLogsSpec, 'start' | 'end' | 'seed' | 'filesPerHour' | 'eventsPerFile' | 'largeFileEvery' | 'tamper'>;

/** One digest period of one chain, planned before any file is written so tamper targets can be drawn. */
interface Slot {
  chain: number;
  account: string;
  region: string;
  periodStart: Date;
  periodEnd: Date;
  /** First and last digest of a chain are never tampered with: damage there is undetectable by design. */
  inner: boolean;
}

export function generateTrailLogs(layout: TrailLayout, options: Options, signer: Signer, sink: ObjectSink): TrailLogsManifest {
  const seed = options.seed ?? 1;
  const filesPerHour = options.filesPerHour ?? 4;
  const [minEvents, maxEvents] = options.eventsPerFile ?? [10, 60];
  const tamper = options.tamper ?? {};
  const root = logsRoot(layout.prefix);
  const slots = planSlots(layout, new Date(options.start), new Date(options.end), seed);
  const rng = mulberry32(seed);

  // Draw tamper targets: digests first (distinct), then log files of untouched digests.
  const inner = shuffle(
    rng,
    slots.filter((s) => s.inner),
  );
  const take = (n = 0): Set<Slot> => new Set(inner.splice(0, n));
  const deleted = take(tamper.deleteDigests);
  const broken = take(tamper.breakChain);
  const unknown = take(tamper.unknownKeyDigests);
  const forged = take(tamper.forgeDigests);
  const untouched = new Set(inner);
  const logSlots = shuffle(
    rng,
    slots.filter((s) => untouched.has(s)).flatMap((s) => Array.from({ length: filesPerHour }, (_, i) => `${slotId(s)}#${i}`)),
  );
  const modify = new Set(logSlots.splice(0, tamper.modifyLogFiles ?? 0));
  const remove = new Set(logSlots.splice(0, tamper.deleteLogFiles ?? 0));
  const unknownSigner = unknown.size ? makeSigner() : undefined;

  const manifest: TrailLogsManifest = {
    logFiles: [],
    digests: [],
    modifiedLogFiles: [],
    deletedLogFiles: [],
    deletedDigests: [],
    brokenChainDigests: [],
    unknownKeyDigests: [],
    forgedDigests: [],
    hiddenLogFiles: [],
    unlistedLogFiles: [],
  };
  const previous = new Map<number, { key: string; sha256: string; signature: string }>();
  let fileNumber = 0;
  for (const slot of slots) {
    const folder = accountFolder(root, slot.account, layout.organizationId);
    const fileRng = mulberry32(seed ^ hashString(slotId(slot)));
    const entries: DigestLogFile[] = [];
    // A forged digest hides one of its files: the attacker deletes it and drops it from the list.
    const hiddenIndex = forged.has(slot) ? Math.floor(rng() * filesPerHour) : -1;
    for (let i = 0; i < filesPerHour; i++) {
      fileNumber += 1;
      const span = slot.periodEnd.getTime() - slot.periodStart.getTime() - 6 * 60_000;
      const named = new Date(slot.periodStart.getTime() + Math.floor(((i + fileRng()) / filesPerHour) * span));
      const large = options.largeFileEvery && fileNumber % options.largeFileEvery === 0 ? 10 : 1;
      const events = large * (minEvents + Math.floor(fileRng() * (maxEvents - minEvents + 1)));
      const content = logFileContent(fileRng, slot.account, slot.region, named, events);
      const key = logKey(folder, slot.account, slot.region, named, token(fileRng, 16));
      const id = `${slotId(slot)}#${i}`;
      entries.push({
        s3Bucket: layout.bucket,
        s3Object: key,
        hashValue: sha256Hex(content.json),
        hashAlgorithm: 'SHA-256',
        newestEventTime: content.newestEventTime,
        oldestEventTime: content.oldestEventTime,
      });
      manifest.logFiles.push(key);
      if (remove.has(id) || i === hiddenIndex) {
        (i === hiddenIndex ? manifest.hiddenLogFiles : manifest.deletedLogFiles).push(key);
        continue;
      }
      sink.put(key, gzipSync(modify.has(id) ? tampered(content.json, fileRng) : content.json));
      if (modify.has(id)) manifest.modifiedLogFiles.push(key);
    }

    const signedBy = unknown.has(slot) && unknownSigner ? unknownSigner : signer;
    const key = digestKey(folder, { ...layout, accountId: slot.account }, slot.region, slot.periodEnd);
    const prev = previous.get(slot.chain);
    const digest: DigestFile = {
      awsAccountId: slot.account,
      digestStartTime: displayTime(slot.periodStart),
      digestEndTime: displayTime(slot.periodEnd),
      digestS3Bucket: layout.bucket,
      digestS3Object: key,
      digestPublicKeyFingerprint: signedBy.fingerprint,
      digestSignatureAlgorithm: 'SHA256withRSA',
      newestEventTime:
        entries
          .map((e) => e.newestEventTime as string)
          .sort()
          .pop() ?? null,
      oldestEventTime: entries.map((e) => e.oldestEventTime as string).sort()[0] ?? null,
      previousDigestS3Bucket: prev ? layout.bucket : null,
      previousDigestS3Object: prev?.key ?? null,
      previousDigestHashValue: prev?.sha256 ?? null,
      previousDigestHashAlgorithm: prev ? 'SHA-256' : null,
      previousDigestSignature: prev ? (broken.has(slot) ? flipHex(prev.signature) : prev.signature) : null,
      logFiles: entries,
    };
    const json = Buffer.from(JSON.stringify(digest));
    const sha256 = sha256Hex(json);
    const signature = sign(signingString(digest, sha256), signedBy);
    previous.set(slot.chain, { key, sha256, signature });
    manifest.digests.push(key);
    if (deleted.has(slot)) {
      manifest.deletedDigests.push(key);
      continue;
    }
    if (broken.has(slot)) manifest.brokenChainDigests.push(key);
    if (unknown.has(slot)) manifest.unknownKeyDigests.push(key);
    let stored = json;
    if (forged.has(slot)) {
      manifest.forgedDigests.push(key);
      stored = Buffer.from(JSON.stringify({ ...digest, logFiles: entries.filter((_, i) => i !== hiddenIndex) }));
    }
    sink.put(key, gzipSync(stored), { signature, 'signature-algorithm': 'SHA256withRSA' });
  }

  for (let i = 0; i < (tamper.unlistedLogFiles ?? 0); i++) {
    const slot = pick(rng, slots.filter((s) => s.inner).length ? slots.filter((s) => s.inner) : slots);
    const named = new Date(slot.periodStart.getTime() + 10 * 60_000);
    const content = logFileContent(rng, slot.account, slot.region, named, minEvents);
    const key = logKey(accountFolder(root, slot.account, layout.organizationId), slot.account, slot.region, named, token(rng, 16));
    sink.put(key, gzipSync(content.json));
    manifest.unlistedLogFiles.push(key);
  }
  return manifest;
}

function planSlots(layout: TrailLayout, start: Date, end: Date, seed: number): Slot[] {
  const slots: Slot[] = [];
  let chain = 0;
  for (const account of layout.accounts) {
    for (const region of layout.regions) {
      // Like CloudTrail, each chain delivers at its own fixed second of the hour.
      const offset = (hashString(`${seed}/${account}/${region}`) % 3600) * 1000;
      let periodEnd = Math.floor(start.getTime() / HOUR_MS) * HOUR_MS + offset;
      if (periodEnd <= start.getTime()) periodEnd += HOUR_MS;
      const chainSlots: Slot[] = [];
      for (; periodEnd <= end.getTime(); periodEnd += HOUR_MS) {
        chainSlots.push({ chain, account, region, periodStart: new Date(periodEnd - HOUR_MS), periodEnd: new Date(periodEnd), inner: true });
      }
      if (chainSlots.length) {
        (chainSlots[0] as Slot).inner = false;
        (chainSlots[chainSlots.length - 1] as Slot).inner = false;
      }
      slots.push(...chainSlots);
      chain += 1;
    }
  }
  return slots;
}

const slotId = (slot: Slot): string => `${slot.account}/${slot.region}/${slot.periodEnd.getTime()}`;

function hashString(text: string): number {
  return createHash('sha256').update(text).digest().readUInt32BE(0);
}

function shuffle<T>(rng: () => number, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

function sign(data: string, signer: Signer): string {
  return createSign('RSA-SHA256').update(data, 'utf8').sign(signer.privateKey, 'hex');
}

/** Another hex string of the same length: a signature that belongs to no digest. */
function flipHex(hex: string): string {
  return (hex[0] === '0' ? '1' : '0') + hex.slice(1);
}

/** What an attacker would do to a log file: rewrite one event and keep the file well-formed. */
function tampered(json: Buffer, rng: () => number): Buffer {
  const doc = JSON.parse(json.toString('utf8')) as { Records: Array<Record<string, unknown>> };
  const target = doc.Records[Math.floor(rng() * doc.Records.length)];
  if (target) target.sourceIPAddress = '203.0.113.66';
  return Buffer.from(JSON.stringify(doc));
}
