/** What index.html and README.txt tell a person: built once from the bundle's contents. */
import type { ResultsDocument } from '../evaluate/types.js';
import type { RawFolder } from './raw-records.js';
import { opensslVerifyCommand, type SignatureInfo } from './sign.js';
import type { RunRecord } from './types.js';

export interface BundleOverview {
  /** run.json without its `export` section, so the overview does not change from one export to the next. */
  run: RunRecord;
  summary: ResultsDocument['summary'];
  /** Every file outside raw/, except the overview files and those made from the manifest. */
  files: string[];
  rawFolders: RawFolder[];
  verifyLogs: Array<{ trailArn: string; file: string; summary: Array<[string, string]> }>;
  signature?: SignatureInfo;
}

/** The scalar facts of a verify-logs report's summary (its `summary` object, else its top level). */
export function verifyLogsSummary(report: unknown): Array<[string, string]> {
  const top = report !== null && typeof report === 'object' ? (report as Record<string, unknown>) : {};
  const summary = top.summary !== null && typeof top.summary === 'object' ? (top.summary as Record<string, unknown>) : top;
  return Object.keys(summary)
    .sort()
    .filter((k) => ['string', 'number', 'boolean'].includes(typeof summary[k]))
    .map((k) => [k, String(summary[k])]);
}

/** The shell steps that check a bundle with no trailguard installed, run in the bundle folder. */
export function manualVerificationSteps(signature?: SignatureInfo): string[] {
  const steps = ['sha256sum -c SHA256SUMS'];
  if (signature) steps.push(opensslVerifyCommand(signature.algorithm));
  return steps;
}

export function callers(run: RunRecord): string[] {
  return [...new Set(run.accounts.map((a) => a.callerIdentity?.Arn).filter((arn): arn is string => Boolean(arn)))].sort();
}
