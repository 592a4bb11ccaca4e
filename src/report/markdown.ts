/**
 * `markdown`: a summary for $GITHUB_STEP_SUMMARY and pull request comments: totals by
 * severity and status, then failures grouped by rule (most severe first) with their
 * remediation, then errors, waivers, and the passes collapsed.
 *
 * It is cut to fit the smaller of GitHub's two limits (1 MiB per step summary, 65,536
 * characters per comment), entry by entry, with a note saying what was left out.
 */
import type { BenchmarkReport, ControlStatus, Result, ResultsDocument, RuleSummary, Status } from '../evaluate/types.js';
import type { Severity } from '../rules/types.js';
import { visible } from '../util/visible-text.js';
import { describeApiError, describeLocation, describeWaiver, frameworkControls, plural } from './explain.js';
import { remediationFor } from './remediation.js';
import { compare, groupByRule, ruleLookup, SEVERITIES_DESC, severityRank, sortedResults, STATUS_ORDER, type ResultGroup } from './order.js';

/** Bytes, a little under 65,536 so that a bot can add its own header to the comment. */
export const MARKDOWN_LIMIT = 60_000;

// Long messages and scripts are cut here (the other reports keep them whole), so that more
// failures fit in a pull request comment.
const MESSAGE_MAX = 240;
const CLI_MAX = 600;

const SEVERITY_ICON: Record<Severity, string> = { critical: '🟥', high: '🟧', medium: '🟨', low: '🟦', informational: '⬜' };

export function renderMarkdown(doc: ResultsDocument, limit = MARKDOWN_LIMIT): string {
  const ruleOf = ruleLookup(doc);
  const results = sortedResults(doc.results);
  const of = (status: Status) => results.filter((r) => r.status === status);
  const out = new Budget(limit - Buffer.byteLength(footer(doc)));
  out.add(header(doc, results));
  if (doc.benchmark) {
    const { heading, rows } = benchmarkSection(doc.benchmark);
    out.section(
      'benchmark controls',
      heading,
      rows.map((text) => ({ text, count: 1 })),
    );
  }

  const failureGroups = [...groupByRule(of('fail')).values()].sort((a, b) => severityRank(b[0].severity) - severityRank(a[0].severity) || compare(a[0].ruleId, b[0].ruleId));
  if (failureGroups.length) out.add('\n### Failures\n');
  for (const group of failureGroups) {
    const { heading, rows, closing } = failureSection(group, ruleOf(group[0]));
    out.section(
      'failures',
      heading,
      rows.map((text) => ({ text, count: 1 })),
      closing,
    );
  }

  const errors = of('error');
  out.section(
    'errors',
    `\n### Errors (${errors.length}): data trailguard could not read\n\n| Account | Region | Rule | Resource | API error |\n|---|---|---|---|---|\n`,
    errors.map((r) => ({ text: row([text(r.accountId), text(r.region), code(r.ruleId), code(r.resourceArn), text(r.error ? describeApiError(r.error) : r.message)]), count: 1 })),
  );

  const waived = of('waived');
  out.section(
    'waived results',
    `\n### Waived (${waived.length})\n\n| Rule | Resource | Waiver |\n|---|---|---|\n`,
    waived.map((r) => ({ text: row([code(r.ruleId), code(r.resourceArn), text(describeWaiver(r) ?? '')]), count: 1 })),
  );

  const passes = of('pass');
  const passGroups = [...groupByRule(passes).values()];
  out.section(
    'passed results',
    `\n<details><summary>Passed: ${passes.length} results of ${passGroups.length} rules</summary>\n\n| Rule | Severity | Resources passed |\n|---|---|---|\n`,
    passGroups.map((g) => ({ text: row([code(g[0].ruleId), g[0].severity, String(g.length)]), count: g.length })),
    '\n</details>\n',
  );
  return out.text() + footer(doc);
}

/**
 * Appends sections entry by entry while they fit. From the first entry that does not fit,
 * everything is counted instead of written, and a closing note says what was left out.
 */
class Budget {
  private parts: string[] = [];
  private bytes = 0;
  private omitted = new Map<string, number>();
  // Room for the truncation note.
  private static readonly RESERVE = 500;
  constructor(private readonly limit: number) {}

  add(part: string): void {
    this.parts.push(part);
    this.bytes += Buffer.byteLength(part);
  }

  /** A heading, its entries and a closing text; an empty section is not written at all. */
  section(what: string, heading: string, entries: { text: string; count: number }[], closing = ''): void {
    if (entries.length === 0) return;
    if (!this.fits(heading, closing)) {
      for (const e of entries) this.omit(what, e.count);
      return;
    }
    this.add(heading);
    for (const e of entries) {
      if (this.fits(e.text, closing)) this.add(e.text);
      else this.omit(what, e.count);
    }
    this.add(closing);
  }

  text(): string {
    if (this.omitted.size === 0) return this.parts.join('');
    const what = [...this.omitted].map(([w, n]) => `${n} ${w}`).join(', ');
    return `${this.parts.join('')}\n> **Truncated** to fit GitHub's size limits: ${what} not shown. The HTML, CSV and JSON reports have every result.\n`;
  }

  /** Whether `part` fits with `closing` still to come; once something did not fit, nothing more does. */
  private fits(part: string, closing: string): boolean {
    return this.omitted.size === 0 && this.bytes + Buffer.byteLength(part) + Buffer.byteLength(closing) <= this.limit - Budget.RESERVE;
  }

  private omit(what: string, count: number): void {
    this.omitted.set(what, (this.omitted.get(what) ?? 0) + count);
  }
}

function header(doc: ResultsDocument, results: Result[]): string {
  const count = (status: Status, severity?: Severity) => results.filter((r) => r.status === status && (!severity || r.severity === severity)).length;
  const fails = count('fail');
  const verdict = fails
    ? `❌ ${plural(fails, 'failure')} (${SEVERITIES_DESC.filter((s) => count('fail', s))
        .map((s) => `${count('fail', s)} ${s}`)
        .join(', ')})`
    : '✅ no failures';
  const errors = count('error');
  const headline = [verdict, errors && `⚠️ ${plural(errors, 'error')}`, `${count('waived')} waived`, `${count('pass')} passed`].filter(Boolean).join(' · ');
  const scope = [doc.run.accounts && plural(doc.run.accounts.length, 'account'), doc.run.regions && plural(doc.run.regions.length, 'region')].filter(Boolean).join(', ');
  const lines = [
    `## trailguard: ${headline}`,
    '',
    `Run \`${doc.run.runId}\`, scanned ${doc.run.scanTime}${scope ? ` (${scope})` : ''}.`,
    '',
    `| Severity | ${STATUS_ORDER.map(statusTitle).join(' | ')} | Total |`,
    `|---|${STATUS_ORDER.map(() => '---:').join('|')}|---:|`,
    ...SEVERITIES_DESC.map((s) => `| ${SEVERITY_ICON[s]} ${s} | ${STATUS_ORDER.map((st) => count(st, s)).join(' | ')} | ${results.filter((r) => r.severity === s).length} |`),
    `| **all** | ${STATUS_ORDER.map((st) => `**${count(st)}**`).join(' | ')} | **${results.length}** |`,
    '',
  ];
  if (doc.warnings.length) lines.push(...doc.warnings.map((w) => `> ⚠️ ${text(w)}`), '');
  return `${lines.join('\n')}`;
}

/** One failing rule: a heading and table header, a row per resource, then the remediation. */
function failureSection(results: ResultGroup, rule: RuleSummary): { heading: string; rows: string[]; closing: string } {
  const controls = frameworkControls(rule);
  const generic = remediationFor(rule, results.length === 1 ? results[0] : undefined);
  // The commands filled for each resource, once each: pasted together, they fix the whole group.
  const cli = [...new Set(results.map((res) => remediationFor(rule, res).cli?.trimEnd()).filter(Boolean))].join('\n');
  const heading = [
    '',
    `#### ${SEVERITY_ICON[rule.severity]} ${rule.severity.toUpperCase()} · ${code(rule.id)}: ${text(rule.title)} (${results.length})`,
    '',
    '| Account | Region | Resource | Found |',
    '|---|---|---|---|',
    '',
  ].join('\n');
  // The message is the rule's own account of what it found; the HTML, JUnit and CSV reports list each failed condition too.
  // `iac`: the resource's source (file:line and address) beside its ARN.
  const rows = results.map((res) =>
    row([text(res.accountId), text(res.region), [code(res.resourceArn), ...(res.location ? [code(describeLocation(res)!)] : [])].join('<br>'), text(shorten(res.message, MESSAGE_MAX))]),
  );
  const closing = ['', `**Remediation:** ${text(generic.summary)}`];
  if (cli) closing.push('', '```sh', visible(shorten(cli, CLI_MAX), { multiline: true }).replaceAll('```', '` ` `'), '```');
  const refs = [
    controls.length ? `Controls: ${text(controls.join(', '))}` : '',
    rule.references[0] ? `[Reference](${visible(rule.references[0]).replaceAll(')', '%29')})` : '',
    rule.file ? `Rule: ${code(rule.file)}` : '',
  ];
  if (refs.some(Boolean)) closing.push('', refs.filter(Boolean).join(' · '));
  return { heading, rows, closing: `${closing.join('\n')}\n` };
}

/** Every selected control, manual ones included, with the worst status of its rules. */
function benchmarkSection(benchmark: BenchmarkReport): { heading: string; rows: string[] } {
  const icon: Record<ControlStatus, string> = { fail: '❌', error: '⚠️', waived: '💤', pass: '✅', skip: '➖', manual: '👤', 'not-evaluated': '⬜' };
  const totals = Object.entries(benchmark.summary)
    .filter(([, n]) => n > 0)
    .map(([status, n]) => `${n} ${status}`);
  const heading = [
    '',
    `### Benchmark: ${text(benchmark.title)}${benchmark.profile ? ` (profile ${code(benchmark.profile)})` : ''}`,
    '',
    `${plural(benchmark.controls.length, 'control')}: ${totals.join(', ')}. A manual control is judged by a person; its rules' results are evidence.`,
    '',
    '| Control | Title | Assessment | Status | Rules (results) |',
    '|---|---|---|---|---|',
    '',
  ].join('\n');
  const rows = benchmark.controls.map((c) => {
    const counts = STATUS_ORDER.filter((st) => c.counts[st] > 0).map((st) => `${c.counts[st]} ${st}`);
    const rules = c.rules.length ? `${c.rules.map(code).join(', ')}${counts.length ? ` (${counts.join(', ')})` : ''}` : '';
    return row([c.id, text(c.title), c.assessment, `${icon[c.status]} ${c.status}`, rules]);
  });
  return { heading, rows };
}

function footer(doc: ResultsDocument): string {
  return `\n<sub>${text(doc.run.tool.name)} ${text(doc.run.tool.version)} · run ${text(doc.run.runId)} · scanned ${text(doc.run.scanTime)}</sub>\n`;
}

function shorten(value: string, max: number): string {
  return value.length <= max ? value : `${value.slice(0, max - 1)}…`;
}

function statusTitle(status: Status): string {
  return { fail: '❌ Fail', error: '⚠️ Error', waived: '💤 Waived', pass: '✅ Pass', skip: '➖ Skip' }[status];
}

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |\n`;
}

/** Text from data: one line, control characters visible, Markdown and HTML punctuation escaped, safe inside a table cell. */
export function text(value: string): string {
  return visible(value.replace(/\r?\n/g, ' ')).replace(/[\\`*_[\]<>|#~&!]/g, (c) => `\\${c}`);
}

/** An inline code span that survives backticks and pipes in the value. */
export function code(value: string): string {
  const longest = Math.max(0, ...[...value.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const inner = visible(value.replace(/\r?\n/g, ' ')).replaceAll('|', '\\|');
  const pad = inner.startsWith('`') || inner.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${inner}${pad}${fence}`;
}
