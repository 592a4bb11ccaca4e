/**
 * `html`: one self-contained page a security lead reads first. At the top, the summary:
 * totals, compliance per framework (and per selected benchmark and profile), a control tree
 * with counts per control, the worst accounts (with their Organizations names) and the most
 * failed rules. Then the findings: a table filtered by status, severity, account, region,
 * rule, framework and control, sortable and paginated, rendered by the page's script from
 * data embedded as JSON (so 100,000 results stay a few tens of megabytes and responsive).
 * Each finding opens to a plain sentence, its evidence and its remediation filled with the
 * resource's own values. No network access; the Content-Security-Policy admits only the
 * page's own style and script, by hash. Streamed: the summary, then the data in chunks.
 */
import { createHash } from 'node:crypto';
import type { BenchmarkReport, ControlStatus, ResultsDocument, RuleSummary, Status } from '../evaluate/types.js';
import { describePartial, frameworkControls, plural } from './explain.js';
import { SCRIPT, STYLE } from './html-assets.js';
import { htmlData, htmlDataChunks } from './html-data.js';
import type { VisibleOptions } from '../util/visible-text.js';
import { escapeHtml, safeUrl } from '../util/html-escape.js';
import { compliance, compareControls, summarize, type Counts, type Ranked, type Summary } from './html-summary.js';
import { compare, ruleLookup, SEVERITIES_DESC, severityRank, sortedResults, STATUS_ORDER } from './order.js';
import { remediationFor } from './remediation.js';

// A rule's own prose and scripts keep their line breaks; values read from AWS show theirs as escapes.
const RULE_TEXT = { multiline: true };

const STATUS_LABEL: Record<Status, { symbol: string; label: string }> = {
  fail: { symbol: '✖', label: 'Fail' },
  error: { symbol: '⚠', label: 'Error' },
  waived: { symbol: '◐', label: 'Waived' },
  pass: { symbol: '✔', label: 'Pass' },
  skip: { symbol: '–', label: 'Skip' },
};

/** Outside text for the page: control characters made visible (line breaks too, unless a rule's own text), then HTML-escaped. */
function esc(text: string, options: VisibleOptions = {}): string {
  return escapeHtml(text, options);
}

export function* renderHtml(doc: ResultsDocument): Generator<string> {
  const ruleOf = ruleLookup(doc);
  const summary = summarize(doc, ruleOf);
  const csp = ["default-src 'none'", `style-src '${sha256(STYLE)}'`, `script-src '${sha256(SCRIPT)}'`, "base-uri 'none'", "form-action 'none'"].join('; ');
  yield `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${esc(csp)}">
<title>${esc(`trailguard report ${doc.run.runId}`)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>trailguard compliance report</h1>
${doc.run.partial ? `<p class="partial" role="alert"><strong>Incomplete:</strong> ${esc(describePartial(doc.run)!)}</p>` : ''}
${runInfo(doc)}
</header>
<main>
${totals(summary.total)}
${doc.benchmark ? benchmarkSection(doc.benchmark) : ''}
${frameworksSection(summary)}
${rankings(doc, summary)}
${findingsSection()}
${rulesSection(doc, summary)}
${warnings(doc)}
</main>
<script type="application/json" id="tg-data">`;
  // Failures first, most severe first: the order a reviewer reads in before sorting anything.
  const results = sortedResults(doc.results).sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) || severityRank(b.severity) - severityRank(a.severity));
  yield* htmlDataChunks(htmlData(doc, results, ruleOf));
  yield `</script>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

function sha256(text: string): string {
  return `sha256-${createHash('sha256').update(text).digest('base64')}`;
}

function accountLabel(doc: ResultsDocument, id: string): string {
  const name = doc.run.accountNames?.[id];
  return name ? `${name} (${id})` : id;
}

function runInfo(doc: ResultsDocument): string {
  const { run } = doc;
  const rows: [string, string][] = [
    ['Run', run.runId],
    ['Scan time', run.scanTime],
    ['Tool', `${run.tool.name} ${run.tool.version}`],
  ];
  if (run.partition) rows.push(['Partition', run.partition]);
  if (run.accounts) rows.push(['Accounts', String(run.accounts.length)]);
  if (run.regions) rows.push([`Regions (${run.regions.length})`, run.regions.join(', ')]);
  return `<dl class="run">${rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>`;
}

function badge(status: Status): string {
  const s = STATUS_LABEL[status];
  return `<span class="badge st-${status}"><span aria-hidden="true">${s.symbol}</span> ${s.label}</span>`;
}

function percent(c: Counts): string {
  const p = compliance(c);
  return p === undefined ? '–' : `${p}%`;
}

/** A bar of the status mix, drawn with SVG attributes (no inline style, which the CSP forbids); the numbers are beside it in text. */
function bar(c: Counts): string {
  const total = STATUS_ORDER.reduce((n, s) => n + c[s], 0) || 1;
  let x = 0;
  const rects = STATUS_ORDER.filter((s) => c[s] > 0)
    .map((s) => {
      const w = (c[s] / total) * 100;
      const rect = `<rect class="seg-${s}" x="${x.toFixed(2)}%" width="${w.toFixed(2)}%" height="100%"/>`;
      x += w;
      return rect;
    })
    .join('');
  return `<svg class="bar" aria-hidden="true" focusable="false">${rects}</svg>`;
}

function countCells(c: Counts): string {
  return STATUS_ORDER.map((s) => `<td class="num">${c[s]}</td>`).join('');
}

const COUNT_HEADS = STATUS_ORDER.map((s) => `<th scope="col" class="num">${STATUS_LABEL[s].label}</th>`).join('');

function totals(total: Counts): string {
  const cards = STATUS_ORDER.map((s) => `<li class="st-${s}">${badge(s)}<strong>${total[s]}</strong></li>`).join('');
  return `<section aria-labelledby="totals-h">
<h2 id="totals-h">Summary</h2>
<p class="lead">Compliance <strong class="big">${percent(total)}</strong> of the results assessed: passed ÷ (passed + failed + waived + errors); skipped results are not counted.</p>
<ul class="totals">${cards}</ul>
</section>`;
}

/** The selected benchmark: each control with its status and counts, grouped by section. */
function benchmarkSection(benchmark: BenchmarkReport): string {
  const label = (status: ControlStatus) =>
    status === 'manual' || status === 'not-evaluated' ? `<span class="badge st-skip">${status === 'manual' ? 'Manual' : 'Not evaluated'}</span>` : badge(status);
  const automated = benchmark.controls.filter((c) => c.assessment === 'automated' && c.status !== 'not-evaluated' && c.status !== 'skip');
  const passing = automated.filter((c) => c.status === 'pass').length;
  const sections = new Map<string, { title: string; rows: string[] }>();
  for (const c of benchmark.controls) {
    const section = sections.get(c.section.id) ?? { title: c.section.title, rows: [] };
    sections.set(c.section.id, section);
    section.rows.push(
      `<tr><td>${esc(c.id)}</td><td>${esc(c.title)}${c.note ? `<br><small>${esc(c.note)}</small>` : ''}</td><td>${esc(c.profile ?? '')}</td><td>${label(c.status)}</td>${countCells(c.counts)}<td>${c.rules.map((id) => `<code>${esc(id)}</code>`).join(' ')}</td></tr>`,
    );
  }
  const totalsText = Object.entries(benchmark.summary)
    .filter(([, n]) => n > 0)
    .map(([status, n]) => `${n} ${status}`)
    .join(', ');
  const groups = [...sections.entries()]
    .sort(([a], [b]) => compareControls(a, b))
    .map(
      ([id, s]) => `<details class="section" open><summary>${esc(id)} ${esc(s.title)} (${plural(s.rows.length, 'control')})</summary>
<table class="controls"><thead><tr><th scope="col">Control</th><th scope="col">Title</th><th scope="col">Profile</th><th scope="col">Status</th>${COUNT_HEADS}<th scope="col">Rules</th></tr></thead><tbody>${s.rows.join('')}</tbody></table></details>`,
    )
    .join('\n');
  const p = automated.length ? `${Math.floor((passing / automated.length) * 100)}%` : '–';
  return `<section aria-labelledby="benchmark-h">
<h2 id="benchmark-h">Benchmark: ${esc(benchmark.title)}${benchmark.profile ? `, profile ${esc(benchmark.profile)}` : ''}</h2>
<p class="lead">Compliance <strong class="big">${p}</strong>: ${passing} of ${automated.length} assessed automated controls pass. ${benchmark.controls.length} controls: ${esc(totalsText)}. A manual control is judged by a person; the results of its rules are evidence.</p>
${groups}
</section>`;
}

/** Compliance per framework the rules map to, and the control tree under each. */
function frameworksSection(summary: Summary): string {
  if (summary.frameworks.length === 0) return '';
  const rows = summary.frameworks
    .map((f) => `<tr><th scope="row">${esc(f.framework)}</th><td class="num pct">${percent(f.counts)}</td><td class="barcell">${bar(f.counts)}</td>${countCells(f.counts)}</tr>`)
    .join('');
  const trees = summary.frameworks
    .map((f) => {
      const controls = f.controls
        .map(
          (c) =>
            `<tr><th scope="row"><button type="button" class="filter-link" data-control="${esc(`${f.framework} ${c.control}`)}">${esc(c.control)}</button></th><td class="num pct">${percent(c.counts)}</td><td class="barcell">${bar(c.counts)}</td>${countCells(c.counts)}<td>${c.rules.map((id) => `<code>${esc(id)}</code>`).join(' ')}</td></tr>`,
        )
        .join('');
      return `<details class="section"><summary>${esc(f.framework)}: ${percent(f.counts)} compliant, ${plural(f.controls.length, 'control')}</summary>
<table class="controls"><thead><tr><th scope="col">Control</th><th scope="col" class="num">Compliant</th><th scope="col"><span class="visually-hidden">Status mix</span></th>${COUNT_HEADS}<th scope="col">Rules</th></tr></thead><tbody>${controls}</tbody></table></details>`;
    })
    .join('\n');
  return `<section aria-labelledby="frameworks-h">
<h2 id="frameworks-h">Compliance by framework</h2>
<table class="frameworks"><caption class="visually-hidden">Compliance per framework and results per status</caption>
<thead><tr><th scope="col">Framework</th><th scope="col" class="num">Compliant</th><th scope="col"><span class="visually-hidden">Status mix</span></th>${COUNT_HEADS}</tr></thead><tbody>${rows}</tbody></table>
<h3>Controls</h3>
<p>Each control with its rules' results. A control's button shows its findings below.</p>
${trees}
${legend()}
</section>`;
}

function rankings(doc: ResultsDocument, summary: Summary): string {
  const table = (id: string, title: string, head: string, items: Ranked[], cell: (key: string) => string, filter: string) => {
    if (items.length === 0) return `<div><h3 id="${id}">${title}</h3><p>None with a failure or error.</p></div>`;
    const rows = items
      .map(
        (i) =>
          `<tr><th scope="row"><button type="button" class="filter-link" data-${filter}="${esc(i.key)}">${cell(i.key)}</button></th><td class="num">${i.counts.fail}</td><td class="num">${i.counts.error}</td><td class="num pct">${percent(i.counts)}</td></tr>`,
      )
      .join('');
    return `<div><h3 id="${id}">${title}</h3><table aria-labelledby="${id}"><thead><tr><th scope="col">${head}</th><th scope="col" class="num">Failed</th><th scope="col" class="num">Errors</th><th scope="col" class="num">Compliant</th></tr></thead><tbody>${rows}</tbody></table></div>`;
  };
  const rules = new Map(doc.rules.map((r) => [r.id, r]));
  const bySeverity = SEVERITIES_DESC.map((sev) => {
    const c = doc.results.filter((r) => r.severity === sev);
    return `<tr><th scope="row" class="sev">${sev}</th>${STATUS_ORDER.map((s) => `<td class="num">${c.filter((r) => r.status === s).length}</td>`).join('')}</tr>`;
  }).join('');
  return `<section aria-labelledby="worst-h">
<h2 id="worst-h">Where to start</h2>
<div class="rankings">
${table('worst-accounts-h', 'Accounts with the most failures', 'Account', summary.accounts, (id) => esc(accountLabel(doc, id)), 'account')}
${table('worst-rules-h', 'Most failed rules', 'Rule', summary.rules, (id) => `<code>${esc(id)}</code> ${esc(rules.get(id)?.title ?? '')}`, 'rule')}
<div><h3 id="severity-h">Results by severity</h3><table aria-labelledby="severity-h"><thead><tr><th scope="col">Severity</th>${COUNT_HEADS}</tr></thead><tbody>${bySeverity}</tbody></table></div>
</div>
</section>`;
}

function legend(): string {
  const items = STATUS_ORDER.map((s) => `<li><svg width="12" height="12" aria-hidden="true"><rect class="seg-${s}" width="12" height="12"/></svg>${STATUS_LABEL[s].label}</li>`).join('');
  return `<ul class="legend" aria-label="Bar colours">${items}</ul>`;
}

/** The table's frame; the script fills the filters' options and the rows from the data. */
function findingsSection(): string {
  const select = (id: string, label: string) => `<div><label for="f-${id}">${label}</label><select id="f-${id}"><option value="">All</option></select></div>`;
  const columns = ['Status', 'Severity', 'Rule', 'Account', 'Region', 'Resource', 'Finding'];
  return `<section aria-labelledby="findings-h">
<h2 id="findings-h">Findings</h2>
<div class="filters" role="search" aria-label="Filter findings">
<div><label for="f-text">Search</label><input id="f-text" type="search" placeholder="ARN, name, message…" autocomplete="off"></div>
${select('status', 'Status')}${select('severity', 'Severity')}${select('account', 'Account')}${select('region', 'Region')}${select('rule', 'Rule')}${select('framework', 'Framework')}${select('control', 'Control')}
<div><button type="button" id="f-clear">Clear filters</button></div>
</div>
<p id="f-count" role="status" aria-live="polite"></p>
<table id="findings">
<caption class="visually-hidden">One row per rule and resource. Column buttons sort; each finding's button shows its evidence and remediation in the row below.</caption>
<thead><tr>${columns.map((name, i) => `<th scope="col" class="c-${name.toLowerCase()}">${i < 6 ? `<button type="button" data-sort="${i}">${name}</button>` : name}</th>`).join('')}</tr></thead>
<tbody></tbody>
</table>
<nav class="pager" aria-label="Pages of findings"><button type="button" id="p-prev">Previous</button> <span id="p-info"></span> <button type="button" id="p-next">Next</button></nav>
<noscript><p>The findings table needs JavaScript; results.csv and results.json hold the same findings.</p></noscript>
</section>`;
}

function rulesSection(doc: ResultsDocument, summary: Summary): string {
  const rules = [...doc.rules].sort((a, b) => compare(a.id, b.id));
  const counts = new Map(summary.rules.map((r) => [r.key, r.counts]));
  const byRule = new Map<string, number>();
  for (const r of doc.results) byRule.set(r.ruleId, (byRule.get(r.ruleId) ?? 0) + 1);
  return `<section aria-labelledby="rules-h">
<h2 id="rules-h">Rules (${rules.length})</h2>
${rules.map((rule) => ruleDoc(rule, counts.get(rule.id), byRule.get(rule.id) ?? 0)).join('\n')}
</section>`;
}

function ruleDoc(rule: RuleSummary, counts: Counts | undefined, total: number): string {
  // The rule's own text stands for all its resources: each value is a blank (<Bucket.Name>); each finding shows its filled commands.
  const r = remediationFor(rule);
  const pre = (label: string, text?: string) => (text ? `<h4>${label}</h4><pre><code>${esc(text, RULE_TEXT)}</code></pre>` : '');
  const refs = rule.references
    .map((u) => {
      const url = safeUrl(u);
      return `<li>${url ? `<a href="${escapeHtml(url)}">${esc(u)}</a>` : esc(u)}</li>`;
    })
    .join('');
  const tally = [counts?.fail && `${counts.fail} fail`, counts?.error && `${counts.error} error`, `${total} total`].filter(Boolean).join(' · ');
  return `<details class="rule-doc" id="rule-${esc(rule.id)}">
<summary><code>${esc(rule.id)}</code> <span class="sev">${esc(rule.severity)}</span>: ${esc(rule.title)} (${tally})</summary>
<div class="evidence">
<p>${esc(rule.description, RULE_TEXT)}</p>
${rule.rationale ? `<h4>Rationale</h4><p>${esc(rule.rationale, RULE_TEXT)}</p>` : ''}
${rule.impact ? `<h4>Impact of the fix</h4><p>${esc(rule.impact, RULE_TEXT)}</p>` : ''}
<h4>Remediation</h4><p>${esc(r.summary, RULE_TEXT)}</p>
${r.console ? `<p>Console: ${esc(r.console, RULE_TEXT)}</p>` : ''}
${pre('CLI', r.cli)}${pre('CloudFormation', r.cloudformation)}${pre('Terraform', r.terraform)}
${dl([
  ['Resource type', rule.resource],
  ['Controls', frameworkControls(rule).join(', ')],
  ['Tags', rule.tags.join(', ')],
  ['Rule file', rule.file ? `${rule.file}:${rule.line}` : ''],
])}
${refs ? `<h4>References</h4><ul>${refs}</ul>` : ''}
</div>
</details>`;
}

function dl(rows: [string, string][]): string {
  return `<dl>${rows
    .filter(([, v]) => v)
    .map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`)
    .join('')}</dl>`;
}

function warnings(doc: ResultsDocument): string {
  if (doc.warnings.length === 0) return '';
  return `<section aria-labelledby="warnings-h"><h2 id="warnings-h">Warnings</h2><ul class="warnings">${doc.warnings.map((w) => `<li>${esc(w)}</li>`).join('')}</ul></section>`;
}
