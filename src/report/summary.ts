/** The one-screen summary on stderr after a run: totals, the worst failing rules, errors, where the reports went, and why the exit code. */
import { dirname, relative } from 'node:path';
import type { Colors } from 'picocolors/types.js';
import { EXIT } from '../errors.js';
import type { Result, ResultsDocument, Status } from '../evaluate/types.js';
import type { Severity } from '../rules/types.js';
import { visible } from '../util/visible-text.js';
import { plural } from './explain.js';
import { countBy, groupByRule, severityRank, STATUS_ORDER } from './order.js';

const TOP_RULES = 8;

export interface SummaryInput {
  doc: ResultsDocument;
  /** Files written (absolute paths). */
  written: string[];
  exitCode: number;
  failOn?: Severity;
  cwd: string;
  /** --quiet: only the failing rules and the verdict. */
  quiet?: boolean;
  /** Colours for a terminal (picocolors); plain text without. */
  paint?: Colors;
}

type Paint = 'red' | 'yellow' | 'cyan' | 'dim' | 'green';
const PAINT_SEVERITY: Record<Severity, Paint> = { critical: 'red', high: 'red', medium: 'yellow', low: 'cyan', informational: 'dim' };

export function renderSummary({ doc, written, exitCode, failOn, cwd, quiet, paint }: SummaryInput): string {
  const color = (name: Paint, text: string) => (paint ? paint[name](text) : text);
  const results = doc.results;
  const count = (s: Status) => results.filter((r) => r.status === s).length;
  const scope = [doc.run.accounts && plural(doc.run.accounts.length, 'account'), doc.run.regions && plural(doc.run.regions.length, 'region')].filter(Boolean);
  const lines: string[] = [];
  const note = (line: string) => void (quiet || lines.push(line));
  note(`trailguard ${visible(doc.run.runId)}: ${plural(results.length, 'result')}: ${STATUS_ORDER.map((s) => `${count(s)} ${s}`).join(', ')}${scope.length ? ` (${scope.join(', ')})` : ''}`);

  const failing = [...groupByRule(results.filter((r) => r.status === 'fail')).values()].sort((a, b) => severityRank(b[0].severity) - severityRank(a[0].severity) || b.length - a.length);
  if (failing.length) {
    lines.push('failing rules:');
    const width = Math.max(...failing.slice(0, TOP_RULES).map((g) => visible(g[0].ruleId).length));
    for (const g of failing.slice(0, TOP_RULES)) {
      lines.push(`  ${color(PAINT_SEVERITY[g[0].severity], g[0].severity.padEnd(13))} ${visible(g[0].ruleId).padEnd(width)}  ${plural(g.length, 'resource')}`);
    }
    if (failing.length > TOP_RULES) lines.push(`  … and ${plural(failing.length - TOP_RULES, 'more rule')}`);
  }

  const errors = results.filter((r) => r.status === 'error');
  if (errors.length) {
    const names = countBy(errors, (r) => r.error?.errorName ?? 'unknown').map(([name, n]) => `${visible(name)} ×${n}`);
    note(`incomplete: ${plural(errors.length, 'result')} could not be evaluated (${names.join(', ')})`);
  }
  for (const w of doc.warnings) note(`warning: ${visible(w)}`);

  if (written.length && !quiet) {
    const dirs = [...new Set(written.map(dirname))];
    // Rule ids, run ids, warnings and paths may come from outside: each is printed visibly, then coloured.
    const shown = (p: string) => visible(relative(cwd, p) || '.');
    lines.push(
      dirs.length === 1
        ? `reports: ${shown(dirs[0] as string)}/ (${written.map((p) => visible(p.slice((dirs[0] as string).length + 1))).join(', ')})`
        : `reports: ${written.map(shown).join(', ')}`,
    );
  }
  lines.push(color(exitCode === EXIT.ok ? 'green' : 'red', verdict(results, exitCode, failOn)));
  return `${lines.join('\n')}\n`;
}

/** Why the exit code is what it is, including what a flag let through. */
function verdict(results: Result[], exitCode: number, failOn: Severity | undefined): string {
  const threshold = failOn ? ` at or above ${failOn}` : '';
  const gating = results.filter((r) => r.status === 'fail' && severityRank(r.severity) >= severityRank(failOn ?? 'informational')).length;
  const errors = results.filter((r) => r.status === 'error').length;
  switch (exitCode) {
    case EXIT.failures:
      return `exit 1: ${plural(gating, 'unwaived failure')}${threshold}`;
    case EXIT.incomplete:
      return `exit 3: the scan is incomplete (${plural(errors, 'error result')}); --allow-incomplete accepts that`;
    case EXIT.ok:
      if (gating) return `exit 0: --soft-fail lets ${plural(gating, 'unwaived failure')}${threshold} pass`;
      if (errors) return `exit 0: ${plural(errors, 'error result')} accepted (the scan is incomplete)`;
      return 'exit 0';
    default:
      return `exit ${exitCode}`;
  }
}
