/** The counts at the top of a results document. */
import { SEVERITIES, type Severity } from '../rules/types.js';
import { STATUSES, type Result, type ResultsDocument, type Status } from './types.js';

/** byStatus counts every result; bySeverity counts the unwaived failures, the ones that gate a build. */
export function summarize(results: Result[]): ResultsDocument['summary'] {
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const r of results) {
    byStatus[r.status]++;
    if (r.status === 'fail') bySeverity[r.severity]++;
  }
  return { total: results.length, byStatus, bySeverity };
}
