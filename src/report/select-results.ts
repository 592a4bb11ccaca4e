/**
 * `report --only/--skip/--severity/--service`: a saved results document narrowed to a rule
 * selection, as if the scan had run only those rules. Counts and benchmark controls are
 * recomputed from what remains; a control whose rules are all left out becomes
 * not-evaluated, never pass.
 */
import { benchmarkStatus } from '../evaluate/benchmark-status.js';
import { summarize } from '../evaluate/summary.js';
import type { ResultsDocument } from '../evaluate/types.js';
import { selectRules, type RuleFilter } from '../rules/select.js';

export function selectResults(doc: ResultsDocument, filter: RuleFilter): ResultsDocument {
  const rules = selectRules(doc.rules, filter, (rule) => rule);
  const kept = new Set(rules.map((r) => r.id));
  const results = doc.results.filter((r) => kept.has(r.ruleId));
  const benchmark = doc.benchmark && {
    ...doc.benchmark,
    controls: doc.benchmark.controls.map((c) => ({ ...c, ruleIds: c.rules.filter((id) => kept.has(id)) })),
  };
  return { ...doc, rules, results, summary: summarize(results), ...(benchmark ? { benchmark: benchmarkStatus(benchmark, results) } : {}) };
}
