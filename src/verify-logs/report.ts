/** The verify-logs report: per-file verdicts, the AWS-CLI-like summary text and the sorted JSON. */
import { stableStringify } from '../util/stable-json.js';
import { printable, visible } from '../util/visible-text.js';

/** Every verdict a digest or log file can get; these strings are the report's vocabulary. */
export const DIGEST_OUTCOMES = ['digest valid', 'digest signature invalid', 'digest missing', 'public key not found'] as const;
export const LOG_OUTCOMES = ['log file valid', 'log file modified', 'log file deleted', 'log file not in any digest'] as const;
export type DigestOutcome = (typeof DIGEST_OUTCOMES)[number];
export type LogOutcome = (typeof LOG_OUTCOMES)[number];
export type Outcome = DigestOutcome | LogOutcome;

const VALID: ReadonlySet<Outcome> = new Set<Outcome>(['digest valid', 'log file valid']);
export const isFailure = (outcome: Outcome): boolean => !VALID.has(outcome);

export interface DigestVerdict {
  bucket: string;
  key: string;
  accountId: string;
  region: string;
  outcome: DigestOutcome;
  /** Why it is not valid (or, for a missing digest, which digest pointed at it). */
  reason?: string;
  digestStartTime?: string;
  digestEndTime?: string;
  publicKeyFingerprint?: string;
  logFileCount?: number;
}

export interface LogVerdict {
  bucket: string;
  key: string;
  accountId: string;
  region: string;
  outcome: LogOutcome;
  reason?: string;
  /** The digest that lists the file. */
  digestKey?: string;
  expectedSha256?: string;
  actualSha256?: string;
}

/** An AWS call that failed on one file; the file has no verdict and the run is incomplete. */
export interface ReadError {
  operation: string;
  region?: string;
  bucket?: string;
  key?: string;
  errorName: string;
  message: string;
}

/** A place where the chain legitimately restarts (logging or validation was turned off and on). */
export interface ChainRestart {
  accountId: string;
  region: string;
  key: string;
  digestStartTime: string;
}

/** The run's verdict as a whole; every status but `intact` says why in `reason`. */
export type ReportStatus = 'intact' | 'not intact' | 'incomplete' | 'nothing to verify' | 'could not read';

export interface TrailFacts {
  arn: string;
  name: string;
  homeRegion: string;
  bucket: string;
  prefix?: string;
  organizationTrail: boolean;
  multiRegionTrail: boolean;
  logFileValidationEnabled: boolean;
}

export interface VerifyLogsReport {
  schemaVersion: 1;
  tool: { name: string; version: string };
  /** Complete unless the trail itself could not be read (status `could not read`): then what was asked for. */
  trail: TrailFacts | (Partial<TrailFacts> & { name: string });
  outcome: { status: ReportStatus; reason: string };
  requested: { start: string; end: string };
  /** The span the valid digests cover, clipped to the request; absent when no digest is valid. */
  found?: { start: string; end: string };
  accounts: string[];
  regions: string[];
  summary: {
    digestFiles: { valid: number; total: number };
    logFiles: { valid: number; total: number };
    outcomes: Record<Outcome, number>;
    readErrors: number;
    intact: boolean;
    /** Log file bytes downloaded (gzip) and hashed (inflated). */
    logBytes: { compressed: number; uncompressed: number };
  };
  digests: DigestVerdict[];
  logFiles: LogVerdict[];
  chainRestarts: ChainRestart[];
  errors: ReadError[];
}

export interface ReportParts {
  tool: VerifyLogsReport['tool'];
  trail: TrailFacts;
  requested: VerifyLogsReport['requested'];
  accounts: string[];
  regions: string[];
  digests: DigestVerdict[];
  logFiles: LogVerdict[];
  chainRestarts: ChainRestart[];
  errors: ReadError[];
  logBytes: { compressed: number; uncompressed: number };
}

const byLocation = (a: { bucket: string; key: string }, b: { bucket: string; key: string }): number => (a.bucket === b.bucket ? compare(a.key, b.key) : compare(a.bucket, b.bucket));
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Assembles the report with every list in a fixed order, so two runs over the same bucket diff cleanly. */
export function buildReport(parts: ReportParts): VerifyLogsReport {
  const digests = [...parts.digests].sort(byLocation);
  const logFiles = [...parts.logFiles].sort(byLocation);
  const outcomes = Object.fromEntries([...DIGEST_OUTCOMES, ...LOG_OUTCOMES].map((o) => [o, 0])) as Record<Outcome, number>;
  for (const v of [...digests, ...logFiles]) outcomes[v.outcome] += 1;
  const validDigests = digests.filter((d) => d.outcome === 'digest valid');
  const found = foundRange(validDigests, parts.requested);
  // No digest at all proves nothing, so it is not "intact" either.
  const intact = digests.length > 0 && outcomes['digest valid'] === digests.length && outcomes['log file valid'] === logFiles.length && parts.errors.length === 0;
  const failures = digests.length + logFiles.length - outcomes['digest valid'] - outcomes['log file valid'];
  return {
    schemaVersion: 1,
    tool: parts.tool,
    trail: parts.trail,
    outcome: overall(intact, failures, parts.errors.length, digests.length, parts.trail),
    requested: parts.requested,
    ...(found ? { found } : {}),
    accounts: [...parts.accounts].sort(),
    regions: [...parts.regions].sort(),
    summary: {
      digestFiles: { valid: validDigests.length, total: digests.length },
      logFiles: { valid: outcomes['log file valid'], total: logFiles.length },
      outcomes,
      readErrors: parts.errors.length,
      intact,
      logBytes: parts.logBytes,
    },
    digests,
    logFiles,
    chainRestarts: [...parts.chainRestarts].sort((a, b) => compare(`${a.accountId}/${a.region}/${a.key}`, `${b.accountId}/${b.region}/${b.key}`)),
    errors: [...parts.errors].sort((a, b) => compare(`${a.bucket}/${a.key}/${a.operation}`, `${b.bucket}/${b.key}/${b.operation}`)),
  };
}

function overall(intact: boolean, failures: number, readErrors: number, digests: number, trail: TrailFacts): VerifyLogsReport['outcome'] {
  if (intact) return { status: 'intact', reason: 'every digest and log file in the range verified' };
  if (failures) return { status: 'not intact', reason: `${failures} digest or log file(s) failed verification${readErrors ? `, and ${readErrors} read(s) failed` : ''}` };
  if (readErrors) return { status: 'incomplete', reason: `nothing failed verification, but ${readErrors} read(s) failed, so some files have no verdict` };
  return {
    status: 'nothing to verify',
    reason: trail.logFileValidationEnabled ? 'no digest file ends in the requested range' : 'log file validation is disabled on this trail, so CloudTrail delivers no digest files',
  };
}

/**
 * The report of a run that could not start: the trail or its bucket could not be read. Written
 * like any other report, so that "not verified" is on record with its reason.
 */
export function unreadableReport(
  tool: VerifyLogsReport['tool'],
  trail: VerifyLogsReport['trail'],
  requested: VerifyLogsReport['requested'],
  reason: string,
  error: ReadError,
): VerifyLogsReport {
  const outcomes = Object.fromEntries([...DIGEST_OUTCOMES, ...LOG_OUTCOMES].map((o) => [o, 0])) as Record<Outcome, number>;
  return {
    schemaVersion: 1,
    tool,
    trail,
    outcome: { status: 'could not read', reason },
    requested,
    accounts: [],
    regions: [],
    summary: { digestFiles: { valid: 0, total: 0 }, logFiles: { valid: 0, total: 0 }, outcomes, readErrors: 1, intact: false, logBytes: { compressed: 0, uncompressed: 0 } },
    digests: [],
    logFiles: [],
    chainRestarts: [],
    errors: [error],
  };
}

function foundRange(valid: DigestVerdict[], requested: { start: string; end: string }): { start: string; end: string } | undefined {
  const starts = valid
    .map((d) => d.digestStartTime)
    .filter((t): t is string => Boolean(t))
    .sort();
  const ends = valid
    .map((d) => d.digestEndTime)
    .filter((t): t is string => Boolean(t))
    .sort();
  if (!starts.length || !ends.length) return undefined;
  // Same-format UTC strings compare as times.
  const start = (starts[0] as string) > requested.start ? (starts[0] as string) : requested.start;
  const last = ends[ends.length - 1] as string;
  return { start, end: last < requested.end ? last : requested.end };
}

/** The JSON report (sorted keys, two-space indent, trailing newline). */
export function reportJson(report: VerifyLogsReport): string {
  return `${stableStringify(report)}\n`;
}

/** What the AWS CLI's validate-logs prints at the end, plus a count per failure kind and one line per failure. */
export function summaryText(report: VerifyLogsReport): string {
  const { summary } = report;
  const lines = [printable`Results requested for ${report.requested.start} to ${report.requested.end}`];
  if (report.found) lines.push(`Results found for ${report.found.start} to ${report.found.end}:`);
  else if (report.outcome.status === 'nothing to verify') lines.push(`No digests found: ${report.outcome.reason}`);
  else if (report.outcome.status !== 'could not read') lines.push('No valid digests found in range');
  lines.push('', `${summary.digestFiles.valid}/${summary.digestFiles.total} digest files valid`);
  lines.push(`${summary.logFiles.valid}/${summary.logFiles.total} log files valid`);
  const failures = (Object.keys(summary.outcomes) as Outcome[]).filter((o) => isFailure(o) && summary.outcomes[o] > 0);
  for (const outcome of failures) lines.push(`  ${outcome}: ${summary.outcomes[outcome]}`);
  if (summary.readErrors) lines.push(`  could not be read: ${summary.readErrors}`);
  const bad = [...report.digests, ...report.logFiles].filter((v) => isFailure(v.outcome));
  if (bad.length) lines.push('');
  // Keys, reasons and AWS messages are outside text: escaped so no name can forge or hide a line.
  for (const v of bad) lines.push(`${v.outcome}\ts3://${visible(`${v.bucket}/${v.key}`)}${v.reason ? `\t${visible(v.reason)}` : ''}`);
  for (const e of report.errors)
    lines.push(`read error\t${e.operation} ${visible(e.bucket ? `s3://${e.bucket}/${e.key ?? ''}` : (e.region ?? ''))}\t${visible(`${e.errorName}: ${e.message}`)}`);
  lines.push('', CLOSING[report.outcome.status](visible(report.outcome.reason)));
  return `${lines.join('\n')}\n`;
}

const CLOSING: Record<ReportStatus, (reason: string) => string> = {
  intact: () => 'All digest and log files intact.',
  'not intact': () => 'Integrity NOT proven: see the failures above.',
  incomplete: (reason) => `Integrity NOT proven: ${reason} (see the read errors above).`,
  'nothing to verify': (reason) => `Integrity NOT proven: nothing to verify (${reason}).`,
  'could not read': (reason) => `Integrity NOT proven: could not read the trail's files (${reason}).`,
};
