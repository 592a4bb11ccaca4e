/**
 * The figures a security lead reads first, computed once from the results: compliance per
 * framework (and per selected benchmark and profile), a control tree with counts per
 * control, the accounts and rules with the most failures.
 *
 * Compliance % = passed ÷ (passed + failed + waived + errors): a result that could not be
 * read is not compliant, and a waiver accepts a failure rather than fixing it; skipped
 * results (not applicable) are left out.
 */
import { STATUSES, type Result, type ResultsDocument, type RuleSummary, type Status } from '../evaluate/types.js';
import { compare } from './order.js';

export type Counts = Record<Status, number>;

export function zeroCounts(): Counts {
  return Object.fromEntries(STATUSES.map((s) => [s, 0])) as Counts;
}

/** Whole percent, or undefined when nothing was assessed. */
export function compliance(c: Counts): number | undefined {
  const assessed = c.pass + c.fail + c.waived + c.error;
  return assessed === 0 ? undefined : Math.floor((c.pass / assessed) * 100);
}

export interface ControlRow {
  control: string;
  rules: string[];
  counts: Counts;
}

export interface FrameworkRow {
  framework: string;
  counts: Counts;
  controls: ControlRow[];
}

export interface Ranked {
  key: string;
  counts: Counts;
}

export interface Summary {
  total: Counts;
  frameworks: FrameworkRow[];
  accounts: Ranked[];
  rules: Ranked[];
  regions: Ranked[];
}

export function summarize(doc: ResultsDocument, ruleOf: (r: Result) => RuleSummary): Summary {
  const total = zeroCounts();
  const byRule = new Map<string, Counts>();
  const byAccount = new Map<string, Counts>();
  const byRegion = new Map<string, Counts>();
  const add = (map: Map<string, Counts>, key: string, status: Status) => {
    let c = map.get(key);
    if (!c) map.set(key, (c = zeroCounts()));
    c[status] += 1;
  };
  for (const r of doc.results) {
    total[r.status] += 1;
    add(byRule, r.ruleId, r.status);
    add(byAccount, r.accountId, r.status);
    add(byRegion, r.region, r.status);
  }
  const rules = new Map(doc.rules.map((rule) => [rule.id, rule]));
  for (const r of doc.results) if (!rules.has(r.ruleId)) rules.set(r.ruleId, ruleOf(r));
  // framework → control → rule ids
  const tree = new Map<string, Map<string, string[]>>();
  for (const rule of rules.values()) {
    for (const [framework, controls] of Object.entries(rule.frameworks)) {
      const byControl = tree.get(framework) ?? new Map<string, string[]>();
      tree.set(framework, byControl);
      for (const control of controls) byControl.set(control, [...(byControl.get(control) ?? []), rule.id]);
    }
  }
  const sum = (ids: Iterable<string>) => {
    const c = zeroCounts();
    for (const id of ids) for (const s of STATUSES) c[s] += byRule.get(id)?.[s] ?? 0;
    return c;
  };
  const frameworks = [...tree.entries()]
    .sort(([a], [b]) => compare(a, b))
    .map(([framework, byControl]): FrameworkRow => {
      const controls = [...byControl.entries()]
        .sort(([a], [b]) => compareControls(a, b))
        .map(([control, ids]) => ({ control, rules: [...new Set(ids)].sort(compare), counts: sum(new Set(ids)) }));
      return { framework, counts: sum(new Set(controls.flatMap((c) => c.rules))), controls };
    });
  return {
    total,
    frameworks,
    accounts: worst(byAccount),
    rules: worst(byRule),
    regions: [...byRegion.entries()].sort(([a], [b]) => compare(a, b)).map(([key, counts]) => ({ key, counts })),
  };
}

/** Most failures first, then most errors, then by key; only those with a failure or error. */
function worst(map: Map<string, Counts>, limit = 10): Ranked[] {
  return [...map.entries()]
    .filter(([, c]) => c.fail + c.error > 0)
    .sort(([a, x], [b, y]) => y.fail - x.fail || y.error - x.error || compare(a, b))
    .slice(0, limit)
    .map(([key, counts]) => ({ key, counts }));
}

/** "3.10" after "3.9": control ids compare number by number. */
export function compareControls(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true }) || compare(a, b);
}
