/** The exit code a results document earns: the one place that decides what gates a build. */
import { EXIT } from '../errors.js';
import { SEVERITIES, type Severity } from '../rules/types.js';
import type { ResultsDocument } from './types.js';

export interface GateOptions {
  /** Lowest severity of an unwaived failure that fails the run (default: any severity). */
  failOn?: Severity | undefined;
  /** Error results (an incomplete scan) do not fail the run. */
  allowIncomplete?: boolean;
  /** Report without gating: always 0 (bad input never reaches the gate; it exits 2 before). */
  softFail?: boolean;
}

/** 1 when a failure at or above failOn exists, else 3 when any result is an error (unless allowIncomplete), else 0. */
export function gate(doc: ResultsDocument, options: GateOptions = {}): number {
  if (options.softFail) return EXIT.ok;
  const threshold = SEVERITIES.indexOf(options.failOn ?? 'informational');
  if (doc.results.some((r) => r.status === 'fail' && SEVERITIES.indexOf(r.severity) >= threshold)) return EXIT.failures;
  if (!options.allowIncomplete && doc.results.some((r) => r.status === 'error')) return EXIT.incomplete;
  return EXIT.ok;
}
