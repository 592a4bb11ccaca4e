/** The exit code a results document earns: the one place that decides what gates a build. */
import { EXIT } from '../errors.js';
import { SEVERITIES, type Severity } from '../rules/types.js';
import type { ResultsDocument } from './types.js';

export interface GateOptions {
  /** Lowest severity of an unwaived failure that fails the run (default: any severity). */
  failOn?: Severity;
}

/** 1 when a failure at or above failOn exists, else 3 when any result is an error, else 0. */
export function gate(doc: ResultsDocument, options: GateOptions = {}): number {
  const threshold = SEVERITIES.indexOf(options.failOn ?? 'informational');
  if (doc.results.some((r) => r.status === 'fail' && SEVERITIES.indexOf(r.severity) >= threshold)) return EXIT.failures;
  if (doc.results.some((r) => r.status === 'error')) return EXIT.incomplete;
  return EXIT.ok;
}
