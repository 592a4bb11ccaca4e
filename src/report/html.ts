/**
 * `html`: one self-contained page for reviewers and auditors: the run, totals, charts by
 * severity, account, region and framework, a filterable and sortable findings table whose
 * rows expand into evidence and remediation, and the rules as evaluated. No external
 * asset of any kind; every string from the results is escaped.
 */
import { createHash } from 'node:crypto';
import type { BenchmarkReport, ControlStatus, Result, ResultsDocument, RuleSummary, Status } from '../evaluate/types.js';
import { SEVERITIES } from '../rules/types.js';
import { formatValue, frameworkControls } from './explain.js';
import { barChart, countsText, legend, type Category } from './html-charts.js';
import { SCRIPT, STYLE } from './html-assets.js';
import { escapeHtml as esc, safeUrl } from './html-escape.js';
import { compare, countBy, ruleLookup, SEVERITIES_DESC, severityRank, sortedResults, STATUS_ORDER } from './order.js';

const STATUS_LABEL: Record<Status, { symbol: string; label: string }> = {
  fail: { symbol: '✖', label: 'Fail' },
  error: { symbol: '⚠', label: 'Error' },
  waived: { symbol: '◐', label: 'Waived' },
  pass: { symbol: '✔', label: 'Pass' },
  skip: { symbol: '–', label: 'Skip' },
};

export function* renderHtml(doc: ResultsDocument): Generator<string> {
  yield page(doc);
}

function page(doc: ResultsDocument): string {
  const ruleOf = ruleLookup(doc);
  // Failures first, most severe first: the order a reviewer reads in before sorting anything.
  const results = sortedResults(doc.results).sort(
    (a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) || severityRank(b.severity) - severityRank(a.severity),
  );
  const csp = [
    "default-src 'none'",
    `style-src '${sha256(STYLE)}'`,
    `script-src '${sha256(SCRIPT)}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const title = `trailguard report ${doc.run.runId}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${esc(csp)}">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>trailguard compliance report</h1>
${runInfo(doc)}
</header>
<main>
${totals(results)}
${doc.benchmark ? benchmarkControls(doc.benchmark) : ''}
${charts(results, ruleOf)}
${findings(results, ruleOf)}
${rulesSection(doc)}
${warnings(doc)}
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

function sha256(text: string): string {
  return `sha256-${createHash('sha256').update(text).digest('base64')}`;
}

function runInfo(doc: ResultsDocument): string {
  const { run } = doc;
  const rows: [string, string][] = [
    ['Run', run.runId],
    ['Scan time', run.scanTime],
    ['Tool', `${run.tool.name} ${run.tool.version}`],
  ];
  if (run.partition) rows.push(['Partition', run.partition]);
  if (run.accounts) rows.push([`Accounts (${run.accounts.length})`, run.accounts.join(', ')]);
  if (run.regions) rows.push([`Regions (${run.regions.length})`, run.regions.join(', ')]);
  return `<dl class="run">${rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>`;
}

function badge(status: Status): string {
  const s = STATUS_LABEL[status];
  return `<span class="badge st-${status}"><span aria-hidden="true">${s.symbol}</span> ${s.label}</span>`;
}

function totals(results: Result[]): string {
  const count = (status: Status, severity?: string) => results.filter((r) => r.status === status && (!severity || r.severity === severity)).length;
  const cards = STATUS_ORDER.map((s) => `<li class="st-${s}">${badge(s)}<strong>${count(s)}</strong></li>`).join('');
  const head = STATUS_ORDER.map((s) => `<th scope="col" class="num">${STATUS_LABEL[s].label}</th>`).join('');
  const body = SEVERITIES_DESC.map(
    (sev) =>
      `<tr><th scope="row" class="sev">${sev}</th>${STATUS_ORDER.map((s) => `<td class="num">${count(s, sev)}</td>`).join('')}<td class="num">${results.filter((r) => r.severity === sev).length}</td></tr>`,
  ).join('');
  return `<section aria-labelledby="totals-h">
<h2 id="totals-h">Totals</h2>
<ul class="totals">${cards}</ul>
<table class="by-severity"><caption class="visually-hidden">Results by severity and status</caption>
<thead><tr><th scope="col">Severity</th>${head}<th scope="col" class="num">Total</th></tr></thead>
<tbody>${body}</tbody></table>
</section>`;
}

/** Every selected control, manual ones included: a manual control is judged by a person, its rules' results are evidence. */
function benchmarkControls(benchmark: BenchmarkReport): string {
  const label = (status: ControlStatus) =>
    status === 'manual' || status === 'not-evaluated'
      ? `<span class="badge st-skip">${status === 'manual' ? 'Manual' : 'Not evaluated'}</span>`
      : badge(status);
  const rows = benchmark.controls.map((c) => {
    const counts = STATUS_ORDER.filter((st) => c.counts[st] > 0).map((st) => `${c.counts[st]} ${st}`).join(', ');
    const rules = c.rules.map((id) => `<code>${esc(id)}</code>`).join(', ');
    return `<tr><td>${esc(c.id)}</td><td>${esc(c.title)}${c.note ? `<br><small>${esc(c.note)}</small>` : ''}</td><td>${esc(c.assessment)}</td><td>${label(c.status)}</td><td>${rules}${counts ? ` (${esc(counts)})` : ''}</td></tr>`;
  });
  const totals = Object.entries(benchmark.summary).filter(([, n]) => n > 0).map(([status, n]) => `${n} ${status}`).join(', ');
  return `<section aria-labelledby="benchmark-h">
<h2 id="benchmark-h">Benchmark: ${esc(benchmark.title)}${benchmark.profile ? `, profile ${esc(benchmark.profile)}` : ''}</h2>
<p>${benchmark.controls.length} controls: ${esc(totals)}. A manual control is judged by a person; the results of its rules are evidence.</p>
<table class="benchmark"><caption class="visually-hidden">Each control of the benchmark with the worst status of its rules</caption>
<thead><tr><th scope="col">Control</th><th scope="col">Title</th><th scope="col">Assessment</th><th scope="col">Status</th><th scope="col">Rules (results)</th></tr></thead>
<tbody>${rows.join('')}</tbody></table>
</section>`;
}

function charts(results: Result[], ruleOf: (r: Result) => RuleSummary): string {
  const group = (key: (r: Result) => string | string[], order?: readonly string[]): Category[] => {
    const labels = countBy(results, key).map(([label]) => label);
    const sorted = order ? labels.sort((a, b) => order.indexOf(a) - order.indexOf(b)) : labels;
    return sorted.map((label) => ({ label, results: results.filter((r) => [key(r)].flat().includes(label)) }));
  };
  const frameworks = (r: Result) => {
    const names = Object.keys(ruleOf(r).frameworks).sort(compare);
    return names.length ? names : ['(no framework)'];
  };
  return `<section aria-labelledby="charts-h">
<h2 id="charts-h">Results by severity, account, region and framework</h2>
<div class="charts">
${barChart('chart-severity', 'By severity', group((r) => r.severity, SEVERITIES_DESC))}
${barChart('chart-account', 'By account', group((r) => r.accountId))}
${barChart('chart-region', 'By region', group((r) => r.region))}
${barChart('chart-framework', 'By framework', group(frameworks))}
</div>
${legend()}
</section>`;
}

function findings(results: Result[], ruleOf: (r: Result) => RuleSummary): string {
  const options = (values: readonly string[], all: string) =>
    `<option value="">${all}</option>${values.map((v) => `<option value="${v}">${v}</option>`).join('')}`;
  const columns = ['Status', 'Severity', 'Rule', 'Account', 'Region', 'Resource', 'Finding'];
  const head = columns.map((name) => `<th scope="col"><button type="button">${name}</button></th>`).join('');
  return `<section aria-labelledby="findings-h">
<h2 id="findings-h">Findings</h2>
<div class="filters" role="search" aria-label="Filter findings">
<div><label for="f-text">Search</label><input id="f-text" type="search" placeholder="ARN, rule, account, message…" autocomplete="off"></div>
<div><label for="f-status">Status</label><select id="f-status">${options(STATUS_ORDER, 'All statuses')}</select></div>
<div><label for="f-severity">Severity</label><select id="f-severity">${options(SEVERITIES_DESC, 'All severities')}</select></div>
<p id="f-count" role="status" aria-live="polite">Showing ${results.length} of ${results.length} results</p>
</div>
<table id="findings">
<caption class="visually-hidden">Every result, one row per rule and resource. Column buttons sort; each finding's button shows its evidence and remediation in the row below.</caption>
<colgroup>${columns.map((name) => `<col class="c-${name.toLowerCase()}">`).join('')}</colgroup>
<thead><tr>${head}</tr></thead>
<tbody>
${results.map((r, i) => findingRow(r, ruleOf(r), i)).join('\n')}
</tbody>
</table>
</section>`;
}

/** A finding row, then its evidence in a full-width row that the Finding button discloses. */
function findingRow(r: Result, rule: RuleSummary, index: number): string {
  const search = [r.status, r.severity, r.ruleId, r.title, r.accountId, r.region, r.resourceArn, r.resourceName, r.message].join(' ').toLowerCase();
  return `<tr class="finding" data-status="${esc(r.status)}" data-severity="${esc(r.severity)}" data-search="${esc(search)}">
<td data-sort="${STATUS_ORDER.indexOf(r.status)}">${badge(r.status)}</td>
<td class="sev" data-sort="${SEVERITIES.length - severityRank(r.severity)}">${esc(r.severity)}</td>
<td><code>${esc(r.ruleId)}</code></td>
<td>${esc(r.accountId)}</td>
<td>${esc(r.region)}</td>
<td class="arn">${esc(r.resourceArn)}</td>
<td><button type="button" class="toggle" aria-expanded="false" aria-controls="ev-${index}">${esc(r.message)}</button></td>
</tr>
<tr class="detail" id="ev-${index}"><td colspan="7">${evidence(r, rule)}</td></tr>`;
}

function evidence(r: Result, rule: RuleSummary): string {
  const parts: string[] = [];
  if (r.failures?.length) {
    const rows = r.failures
      .map(
        (f) =>
          `<tr><td><code>${esc([f.path, f.op].filter(Boolean).join(' '))}</code></td><td><code>${f.expected === undefined ? '' : esc(formatValue(f.expected))}</code></td><td><code>${esc(formatValue(f.actual))}</code></td><td>${esc(f.because ?? '')}</td></tr>`,
      )
      .join('');
    parts.push(
      `<h4>Expected and found</h4><table><thead><tr><th scope="col">Condition</th><th scope="col">Expected</th><th scope="col">Found</th><th scope="col">Why</th></tr></thead><tbody>${rows}</tbody></table>`,
    );
  }
  if (r.error) {
    const e = r.error;
    parts.push(
      `<h4>API error</h4>${dl([
        ['Call', [e.service, e.operation].filter(Boolean).join(':')],
        ['Error', e.errorName],
        ['Account / region', `${e.accountId ?? r.accountId} / ${e.region ?? r.region}`],
        ['Message', e.message ?? ''],
      ])}`,
    );
  }
  if (r.skipReason) parts.push(`<h4>Not applicable</h4><p>${esc(r.skipReason)}</p>`);
  if (r.waiver) {
    const w = r.waiver;
    parts.push(`<h4>Waiver</h4>${dl([['Waiver', w.id], ['Reason', w.reason], ['Owner', w.owner ?? ''], ['Ticket', w.ticket ?? ''], ['Expires', w.expires]])}`);
  }
  if (r.status === 'fail' || r.status === 'waived') {
    parts.push(`<h4>Remediation</h4><p>${esc(rule.remediation.summary)}</p>`);
    if (rule.remediation.cli) parts.push(`<pre><code>${esc(rule.remediation.cli)}</code></pre>`);
  }
  const controls = frameworkControls(rule);
  parts.push(
    dl([
      ['Resource', `${r.resourceName} (${r.resourceType})`],
      ['Parameters', r.parameters && Object.keys(r.parameters).length ? JSON.stringify(r.parameters) : ''],
      ['Controls', controls.join(', ')],
      ['Result id', r.id],
    ]),
    `<p><a href="#rule-${esc(rule.id)}">Rule ${esc(rule.id)}: description, rationale and full remediation</a></p>`,
  );
  return `<div class="evidence">${parts.join('')}</div>`;
}

function dl(rows: [string, string][]): string {
  return `<dl>${rows
    .filter(([, v]) => v)
    .map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`)
    .join('')}</dl>`;
}

function rulesSection(doc: ResultsDocument): string {
  const rules = [...doc.rules].sort((a, b) => compare(a.id, b.id));
  const byRule = (id: string) => doc.results.filter((r) => r.ruleId === id);
  return `<section aria-labelledby="rules-h">
<h2 id="rules-h">Rules (${rules.length})</h2>
${rules.map((rule) => ruleDoc(rule, countsText(byRule(rule.id)))).join('\n')}
</section>`;
}

function ruleDoc(rule: RuleSummary, counts: string): string {
  const r = rule.remediation;
  const pre = (label: string, text?: string) => (text ? `<h4>${label}</h4><pre><code>${esc(text)}</code></pre>` : '');
  const refs = rule.references
    .map((u) => {
      const url = safeUrl(u);
      return `<li>${url ? `<a href="${esc(url)}">${esc(u)}</a>` : esc(u)}</li>`;
    })
    .join('');
  return `<details class="rule-doc" id="rule-${esc(rule.id)}">
<summary><code>${esc(rule.id)}</code> <span class="sev">${esc(rule.severity)}</span>: ${esc(rule.title)} (${esc(counts)})</summary>
<div class="evidence">
<p>${esc(rule.description)}</p>
${rule.rationale ? `<h4>Rationale</h4><p>${esc(rule.rationale)}</p>` : ''}
${rule.impact ? `<h4>Impact of the fix</h4><p>${esc(rule.impact)}</p>` : ''}
<h4>Remediation</h4><p>${esc(r.summary)}</p>
${r.console ? `<p>Console: ${esc(r.console)}</p>` : ''}
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

function warnings(doc: ResultsDocument): string {
  if (doc.warnings.length === 0) return '';
  return `<section aria-labelledby="warnings-h"><h2 id="warnings-h">Warnings</h2><ul class="warnings">${doc.warnings.map((w) => `<li>${esc(w)}</li>`).join('')}</ul></section>`;
}
