/**
 * The benchmark section of a results document: each selected control with the status of its
 * rules' results. A control is as bad as its worst result (fail > error > waived > pass; all
 * skip, or nothing to judge, is skip); a manual control stays manual whatever its rules say,
 * because the framework wants a person to judge it; an automated control no rule maps to is
 * not-evaluated, so coverage is honest.
 */
import type { BenchmarkSelection } from '../rules/benchmarks.js';
import { CONTROL_STATUSES, STATUSES, type BenchmarkControlStatus, type BenchmarkReport, type ControlStatus, type Result, type Status } from './types.js';

const WORST_FIRST: readonly Status[] = ['fail', 'error', 'waived', 'pass'];

export function benchmarkStatus(selection: Pick<BenchmarkSelection, 'id' | 'title' | 'profile' | 'controls'>, results: readonly Result[]): BenchmarkReport {
  const byRule = new Map<string, Record<Status, number>>();
  for (const result of results) {
    const counts = byRule.get(result.ruleId) ?? zero(STATUSES);
    counts[result.status] += 1;
    byRule.set(result.ruleId, counts);
  }
  const controls = selection.controls.map((control): BenchmarkControlStatus => {
    const rules = [...control.ruleIds].sort();
    const counts = zero(STATUSES);
    for (const rule of rules) for (const status of STATUSES) counts[status] += byRule.get(rule)?.[status] ?? 0;
    return {
      id: control.id,
      title: control.title,
      section: control.section,
      ...(control.profile !== undefined ? { profile: control.profile } : {}),
      assessment: control.assessment,
      status: controlStatus(control.assessment, rules.length, counts),
      rules,
      counts,
      ...(control.note !== undefined ? { note: control.note } : {}),
    };
  });
  const summary = zero(CONTROL_STATUSES);
  for (const control of controls) summary[control.status] += 1;
  return { id: selection.id, title: selection.title, ...(selection.profile !== undefined ? { profile: selection.profile } : {}), controls, summary };
}

function controlStatus(assessment: 'automated' | 'manual', ruleCount: number, counts: Record<Status, number>): ControlStatus {
  if (assessment === 'manual') return 'manual';
  if (ruleCount === 0) return 'not-evaluated';
  return WORST_FIRST.find((status) => counts[status] > 0) ?? 'skip';
}

function zero<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}
