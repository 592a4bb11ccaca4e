/** The one-screen summary on stderr after a run: totals, the worst failing rules, errors, where the reports went, and why the exit code. */
import { dirname, relative } from 'node:path';
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
}

export function renderSummary({ doc, written, exitCode, failOn, cwd }: SummaryInput): string {
  const results = doc.results;
  const count = (s: Status) => results.filter((r) => r.status === s).length;
  const scope = [doc.run.accounts && plural(doc.run.accounts.length, 'account'), doc.run.regions && plural(doc.run.regions.length, 'region')].filter(Boolean);
  const lines = [
    `trailguard ${doc.run.runId}: ${plural(results.length, 'result')}: ${STATUS_ORDER.map((s) => `${count(s)} ${s}`).join(', ')}${scope.length ? ` (${scope.join(', ')})` : ''}`,
  ];

  const failing = [...groupByRule(results.filter((r) => r.status === 'fail')).values()].sort(
    (a, b) => severityRank(b[0].severity) - severityRank(a[0].severity) || b.length - a.length,
  );
  if (failing.length) {
    lines.push('failing rules:');
    const width = Math.max(...failing.slice(0, TOP_RULES).map((g) => g[0].ruleId.length));
    for (const g of failing.slice(0, TOP_RULES)) {
      lines.push(`  ${g[0].severity.padEnd(13)} ${g[0].ruleId.padEnd(width)}  ${plural(g.length, 'resource')}`);
    }
    if (failing.length > TOP_RULES) lines.push(`  … and ${plural(failing.length - TOP_RULES, 'more rule')}`);
  }

  const errors = results.filter((r) => r.status === 'error');
  if (errors.length) {
    const names = countBy(errors, (r) => r.error?.errorName ?? 'unknown').map(([name, n]) => `${name} ×${n}`);
    lines.push(`incomplete: ${plural(errors.length, 'result')} could not be evaluated (${names.join(', ')})`);
  }
  for (const w of doc.warnings) lines.push(`warning: ${w}`);

  if (written.length) {
    const dirs = [...new Set(written.map(dirname))];
    const shown = (p: string) => relative(cwd, p) || '.';
    lines.push(
      dirs.length === 1
        ? `reports: ${shown(dirs[0] as string)}/ (${written.map((p) => p.slice((dirs[0] as string).length + 1)).join(', ')})`
        : `reports: ${written.map(shown).join(', ')}`,
    );
  }
  lines.push(verdict(results, exitCode, failOn));
  // Rule ids, run ids, warnings and paths may come from outside: no line can hold a control character.
  return `${lines.map((line) => visible(line)).join('\n')}\n`;
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

