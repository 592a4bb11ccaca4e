/** What an evidence export is made of: everything a scan produced, as the caller hands it over. */
import type { ResultsDocument } from '../evaluate/types.js';
import type { Inventory } from '../inventory/types.js';
import type { TrailVerification } from '../verify-logs/owned-trails.js';
import type { ReportStatus } from '../verify-logs/report.js';
import type { SignatureAlgorithm } from '../util/signer.js';

/** What only the caller knows about the run; the rest of run.json comes from the inventory, rules and results. */
export interface RunInput {
  /** The command line as typed (without the node and script paths). Redacted before it is stored. */
  argv: string[];
  /** ISO-8601 UTC. */
  startedAt: string;
  endedAt: string;
  exitCode?: number;
  /** A sharded sweep (scan --shard I/N): this shard, and every account of the sweep, so that merge can tell a missing shard. */
  shard?: ShardRecord;
}

export interface ShardRecord {
  index: number;
  count: number;
  /** The accounts the whole sweep selected (all shards), sorted. */
  sweepAccounts: string[];
}

/** One API response as AWS returned it (compatible with the collector's RawResponse). */
export interface RawRecord {
  accountId: string;
  region: string;
  /** IAM service prefix: cloudtrail, s3, kms, ... */
  service: string;
  operation: string;
  requestId?: string;
  params?: unknown;
  response?: unknown;
  /** For a failed call: the error AWS returned. */
  error?: { name: string; message?: string; httpStatusCode?: number };
  /** ISO-8601 time the response arrived. */
  time?: string;
}

export interface RuleFile {
  /** The rule pack's name (`builtin`, or the user rule directory's name). */
  pack: string;
  /** Path inside the pack, POSIX separators. */
  relativePath: string;
  content: string | Uint8Array;
}

export interface NamedFile {
  /** A plain relative path (a report may sit in a subfolder). */
  name: string;
  content: string | Uint8Array;
}

/**
 * One trail's log verification: a `trailguard verify-logs` report, stored as JSON under
 * verify-logs/, or the reason the run did not verify it (no report), so that "not verified" is
 * on record and never looks like "not asked".
 */
export type VerifyLogsInput = TrailVerification;

export interface EvidenceInput {
  run: RunInput;
  inventory: Inventory;
  /** Streamed: a sweep's responses need not fit in memory at once. Any order. */
  raw?: Iterable<RawRecord> | AsyncIterable<RawRecord> | undefined;
  rules: RuleFile[];
  config?: NamedFile | undefined;
  waivers?: NamedFile | undefined;
  results: ResultsDocument;
  /** Reports as the report layer rendered them. */
  reports?: NamedFile[];
  verifyLogs?: VerifyLogsInput[];
}

/** run.json: who ran what, when, against which accounts, with which rules. */
export interface RunRecord {
  schemaVersion: 1;
  runId: string;
  tool: { name: string; version: string };
  /** argv with secret values replaced by [REDACTED]. */
  commandLine: string[];
  startedAt: string;
  endedAt: string;
  exitCode?: number;
  shard?: ShardRecord;
  partition: string;
  organizationId?: string;
  regions: string[];
  /** Each account scanned and the identity (sts:GetCallerIdentity) that read it. */
  accounts: Array<{ accountId: string; callerIdentity?: { Account?: string; Arn?: string; UserId?: string } }>;
  /** See docs/evidence.md for how `sha256` is computed and how to recompute it. */
  rulePacks: Array<{ name: string; sha256: string; files: number }>;
  config?: string;
  waivers?: string;
  /** Each trail's log verification: its outcome and why, and its report file when there is one. */
  verifyLogs?: Array<{ trailArn: string; status: ReportStatus | 'not verified'; reason: string; file?: string }>;
  /**
   * Only in a run folder: run.json is written last, once every other file of the run is
   * complete, with this marker; a folder without it was interrupted and is refused.
   */
  complete?: true;
  /** Only in a bundle: when and by which trailguard it was exported, and the signing key. */
  export?: {
    exportedAt: string;
    tool: { name: string; version: string };
    signature?: { algorithm: SignatureAlgorithm; publicKeySha256: string; keyArn?: string | undefined };
  };
}
