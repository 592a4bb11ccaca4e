/** The one order every report lists results in, and the lookups reports share. */
import { SEVERITIES, type Severity } from '../rules/types.js';
import type { Result, ResultsDocument, RuleSummary, Status } from '../evaluate/types.js';

/** informational 0 … critical 4: compare severities without string tricks. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

/** Severities from the most to the least severe, the order reports show them in. */
export const SEVERITIES_DESC: readonly Severity[] = [...SEVERITIES].reverse();

/** Statuses in the order a reader triages them: what failed first, what passed last. */
export const STATUS_ORDER: readonly Status[] = ['fail', 'error', 'waived', 'pass', 'skip'];

/** Results sorted by rule, account, region and resource, so that two runs diff line by line. */
export function sortedResults(results: readonly Result[]): Result[] {
  return [...results].sort((a, b) => compare(a.ruleId, b.ruleId) || compare(a.accountId, b.accountId) || compare(a.region, b.region) || compare(a.resourceArn, b.resourceArn));
}

/** Results sorted most severe first, then as sortedResults. */
export function bySeverityDesc(results: readonly Result[]): Result[] {
  return sortedResults(results).sort((a, b) => severityRank(b.severity) - severityRank(a.severity));
}

/**
 * The rule of each result. A result whose rule is missing from `doc.rules` (a hand-edited
 * file; `report` rejects those when loading) gets a summary built from the result itself,
 * so that no format silently drops it.
 */
export function ruleLookup(doc: ResultsDocument): (result: Result) => RuleSummary {
  const rules = new Map(doc.rules.map((r) => [r.id, r]));
  return (result) =>
    rules.get(result.ruleId) ?? {
      id: result.ruleId,
      title: result.title,
      severity: result.severity,
      resource: result.resourceType,
      description: result.title,
      rationale: '',
      remediation: { summary: '' },
      references: [],
      frameworks: {},
      tags: [],
      file: '',
      line: 1,
    };
}

/** A group that has at least one result, so `group[0]` is always there. */
export type ResultGroup = [Result, ...Result[]];

/** Results grouped by rule id, groups in rule id order, each group in report order. */
export function groupByRule(results: readonly Result[]): Map<string, ResultGroup> {
  const groups = new Map<string, ResultGroup>();
  for (const r of sortedResults(results)) {
    const group = groups.get(r.ruleId);
    if (group) group.push(r);
    else groups.set(r.ruleId, [r]);
  }
  return groups;
}

/** Code-unit comparison: locale-independent, so output is the same on every machine. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Counts of `key(item)`, as [key, count] pairs sorted by key. */
export function countBy<T>(items: readonly T[], key: (item: T) => string | string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const item of items) {
    const keys = key(item);
    for (const k of Array.isArray(keys) ? keys : [keys]) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => compare(a[0], b[0]));
}
