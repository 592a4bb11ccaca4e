/**
 * Scan-to-scan drift: results matched by id (a stable hash of rule and resource), so a
 * pipeline can gate on what got worse since the last scan rather than on old debt.
 */
import type { Result, ResultsDocument, Status } from '../evaluate/types.js';
import { sortedResults } from './order.js';

export interface DiffEntry {
  id: string;
  ruleId: string;
  title: string;
  severity: Result['severity'];
  accountId: string;
  region: string;
  resourceArn: string;
  /** Status in the old scan (absent: the result is new). */
  before?: Status;
  /** Status in the new scan (absent: the result is gone). */
  after?: Status;
  /** The newest message about the resource. */
  message: string;
}

export interface ResultsDiff {
  old: { runId: string; scanTime: string };
  new: { runId: string; scanTime: string };
  /** Failing now and not failing before (including resources that are new and failing). */
  newFailures: DiffEntry[];
  /** Failing before, passing now. (Failing before and not applicable now is an other change: nothing was fixed.) */
  fixed: DiffEntry[];
  stillFailing: DiffEntry[];
  /** (rule, resource) pairs only in the new scan, whatever their status. */
  newResources: DiffEntry[];
  /** (rule, resource) pairs only in the old scan: the resource or the rule is gone. */
  goneResources: DiffEntry[];
  /** Every other status change (pass → error, fail → waived, fail → skip, …). */
  otherChanges: DiffEntry[];
}

export function diffResults(oldDoc: ResultsDocument, newDoc: ResultsDocument): ResultsDiff {
  const before = new Map(oldDoc.results.map((r) => [r.id, r]));
  const after = new Map(newDoc.results.map((r) => [r.id, r]));
  const diff: ResultsDiff = {
    old: { runId: oldDoc.run.runId, scanTime: oldDoc.run.scanTime },
    new: { runId: newDoc.run.runId, scanTime: newDoc.run.scanTime },
    newFailures: [],
    fixed: [],
    stillFailing: [],
    newResources: [],
    goneResources: [],
    otherChanges: [],
  };
  for (const now of sortedResults(newDoc.results)) {
    const was = before.get(now.id);
    const entry = toEntry(now, was?.status, now.status);
    if (!was) diff.newResources.push(entry);
    if (now.status === 'fail') (was?.status === 'fail' ? diff.stillFailing : diff.newFailures).push(entry);
    else if (was?.status === 'fail' && now.status === 'pass') diff.fixed.push(entry);
    else if (was && was.status !== now.status) diff.otherChanges.push(entry);
  }
  for (const was of sortedResults(oldDoc.results)) {
    if (!after.has(was.id)) diff.goneResources.push(toEntry(was, was.status, undefined));
  }
  return diff;
}

function toEntry(r: Result, before: Status | undefined, after: Status | undefined): DiffEntry {
  return {
    id: r.id,
    ruleId: r.ruleId,
    title: r.title,
    severity: r.severity,
    accountId: r.accountId,
    region: r.region,
    resourceArn: r.resourceArn,
    ...(before ? { before } : {}),
    ...(after ? { after } : {}),
    message: r.message,
  };
}
