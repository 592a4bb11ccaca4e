/** What index.html and README.txt tell a person: built once from the bundle's contents. */
import type { ResultsDocument } from '../evaluate/types.js';
import { isFailure, type Outcome } from '../verify-logs/report.js';
import type { RawFolder } from './raw-records.js';
import { opensslVerifyCommand, type SignatureInfo } from './sign.js';
import type { RunRecord, VerifyLogsInput } from './types.js';

export interface BundleOverview {
  /** run.json without its `export` section, so the overview does not change from one export to the next. */
  run: RunRecord;
  summary: ResultsDocument['summary'];
  /** Every verdict, for the front page's table of results and the API responses behind them. */
  results: ResultsDocument['results'];
  /** Every file outside raw/, except the overview files and those made from the manifest. */
  files: string[];
  rawFolders: RawFolder[];
  /** Each trail's log verification; `file` is absent for a trail not verified. */
  verifyLogs: Array<{ trailArn: string; file?: string; summary: Array<[string, string]> }>;
  signature?: SignatureInfo;
}

/** What an auditor reads first of a trail's verification: the outcome and why, the period, the AWS-CLI-style counts, and each kind of failure. */
export function verifyLogsSummary(v: VerifyLogsInput): Array<[string, string]> {
  if (!('report' in v)) return [['Outcome', `not verified: ${v.notVerified}`]];
  const { report } = v;
  const s = report.summary;
  return [
    ['Outcome', `${report.outcome.status}: ${report.outcome.reason}`],
    ['Period', `${report.requested.start} to ${report.requested.end}`],
    ['Digest files valid', `${s.digestFiles.valid}/${s.digestFiles.total}`],
    ['Log files valid', `${s.logFiles.valid}/${s.logFiles.total}`],
    ...(Object.entries(s.outcomes) as Array<[Outcome, number]>).filter(([o, n]) => isFailure(o) && n > 0).map(([o, n]): [string, string] => [o, String(n)]),
    ...(s.readErrors > 0 ? ([['Could not be read', String(s.readErrors)]] as Array<[string, string]>) : []),
    ['Intact', s.intact ? 'yes' : 'NO'],
  ];
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
