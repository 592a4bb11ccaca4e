/**
 * index.html: the bundle's front page for an auditor. Self-contained (inline style, no
 * scripts, a CSP that forbids every fetch) and every string from AWS or the user is escaped.
 */
import { escapeHtml } from '../util/html-escape.js';
import { safeSegment } from './bundle-layout.js';
import { callers, manualVerificationSteps, type BundleOverview } from './overview.js';

function esc(value: unknown): string {
  return escapeHtml(String(value));
}

function href(path: string): string {
  return esc(path.split('/').map(encodeURIComponent).join('/'));
}

function link(path: string, label = path): string {
  return `<a href="${href(path)}">${esc(label)}</a>`;
}

function table(headers: string[], rows: string[][]): string {
  const head = `<tr>${headers.map((h) => `<th>${esc(h)}</th>`).join('')}</tr>`;
  // Cells are already HTML (escaped text or links).
  return `<table>${head}${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</table>`;
}

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:70em;padding:0 1em;color:#222}
table{border-collapse:collapse;margin:.5em 0 1.5em}th,td{border:1px solid #ccc;padding:.25em .6em;text-align:left;vertical-align:top}
th{background:#f3f3f3}code,pre{font:13px ui-monospace,monospace;background:#f6f6f6}pre{padding:.6em;overflow-x:auto}`;

/** Past this many results the front page lists the first ones only (results.json has them all). */
const MAX_RESULT_ROWS = 5000;
const STATUS_ORDER = ['fail', 'error', 'waived', 'skip', 'pass'];

/**
 * Each verdict with the API responses it was judged on: the raw/ folders of its account and
 * region (all of the account's for an account-wide resource), and for an `error` the call that failed.
 */
function verdictTable(o: BundleOverview): string[] {
  if (o.results.length === 0) return [];
  const rank = (status: string) => STATUS_ORDER.indexOf(status);
  const rows = [...o.results].sort((a, b) => rank(a.status) - rank(b.status) || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)).slice(0, MAX_RESULT_ROWS);
  const behind = (accountId: string, region: string) => {
    const account = `raw/${safeSegment(accountId)}/`;
    const prefix = region === 'global' ? account : `${account}${safeSegment(region)}/`;
    const folders = o.rawFolders.filter((f) => f.path.startsWith(prefix));
    return folders.length
      ? folders.map((f) => link(`${f.path}/`, `${f.path.slice(account.length)} (${f.count})`)).join('<br>')
      : esc(o.rawFolders.length ? 'none recorded' : 'no raw responses in this bundle');
  };
  return [
    `<h2>Verdicts and the API calls behind them</h2>`,
    ...(o.results.length > rows.length ? [`<p>The first ${rows.length} of ${o.results.length} results, failures first; ${link('results.json')} has them all.</p>`] : []),
    table(
      ['Status', 'Rule', 'Resource', 'Account', 'Region', 'Message', 'API responses (raw/)'],
      rows.map((r) => [
        `<b>${esc(r.status)}</b>`,
        esc(r.ruleId),
        esc(r.resourceArn),
        esc(r.accountId),
        esc(r.region),
        esc(r.message) + (r.error ? `<br>failed call: ${esc(`${r.error.service} ${r.error.operation} in ${r.error.region ?? r.region}: ${r.error.errorName}`)}` : ''),
        behind(r.error?.accountId ?? r.accountId, r.error?.region ?? r.region),
      ]),
    ),
  ];
}

export function renderIndexHtml(o: BundleOverview): string {
  const { run, summary } = o;
  const facts: Array<[string, string]> = [
    ['Run', esc(run.runId)],
    ['Tool', esc(`${run.tool.name} ${run.tool.version}`)],
    ['Started (UTC)', esc(run.startedAt)],
    ['Ended (UTC)', esc(run.endedAt)],
    ['Run by', esc(callers(run).join(', ') || 'unknown')],
    ['Command line', `<code>${esc(run.commandLine.join(' '))}</code>`],
    ['Partition', esc(run.partition)],
    ...(run.organizationId ? ([['Organization', esc(run.organizationId)]] as Array<[string, string]>) : []),
    ['Regions', esc(run.regions.join(', '))],
    ...(run.exitCode !== undefined ? ([['Exit code', esc(run.exitCode)]] as Array<[string, string]>) : []),
  ];
  const sections = [
    `<h1>trailguard evidence bundle</h1>`,
    `<table>${facts.map(([k, v]) => `<tr><th>${esc(k)}</th><td>${v}</td></tr>`).join('')}</table>`,
    `<h2>Results</h2>`,
    table(['Total', ...Object.keys(summary.byStatus)], [[esc(summary.total), ...Object.values(summary.byStatus).map(esc)]]),
    table(
      ['Severity', 'Results'],
      Object.entries(summary.bySeverity).map(([k, v]) => [esc(k), esc(v)]),
    ),
    `<p>Every verdict: ${link('results.json')}.</p>`,
    ...verdictTable(o),
    `<h2>Accounts</h2>`,
    table(
      ['Account', 'Read as'],
      run.accounts.map((a) => [esc(a.accountId), esc(a.callerIdentity?.Arn ?? 'unknown')]),
    ),
    `<h2>Rules</h2>`,
    table(
      ['Rule pack', 'Files', 'SHA-256'],
      run.rulePacks.map((p) => [link(`rules/${safeSegment(p.name)}/`, p.name), esc(p.files), `<code>${esc(p.sha256)}</code>`]),
    ),
    ...(run.config ? [`<p>Configuration: ${link(run.config)}</p>`] : []),
    ...(run.waivers ? [`<p>Waivers: ${link(run.waivers)}</p>`] : []),
    ...(o.verifyLogs.length
      ? [
          `<h2>Log file integrity (verify-logs)</h2>`,
          table(
            ['Trail', 'Summary', 'Report'],
            o.verifyLogs.map((v) => [esc(v.trailArn), v.summary.map(([k, val]) => `${esc(k)}: ${esc(val)}`).join('<br>'), v.file ? link(v.file) : 'none']),
          ),
        ]
      : []),
    `<h2>Files</h2>`,
    `<ul>${o.files.map((f) => `<li>${link(f)}</li>`).join('')}</ul>`,
    ...(o.rawFolders.length
      ? [
          `<h3>Raw API responses</h3>`,
          table(
            ['Folder', 'Responses'],
            o.rawFolders.map((f) => [link(`${f.path}/`, f.path), esc(f.count)]),
          ),
        ]
      : []),
    `<h2>Verifying this bundle</h2>`,
    `<p>In the bundle folder, with no trailguard installed:</p>`,
    `<pre>${manualVerificationSteps(o.signature).map(esc).join('\n')}</pre>`,
    o.signature
      ? `<p>Signed with ${esc(o.signature.algorithm)}${o.signature.keyArn ? ` by AWS KMS key <code>${esc(o.signature.keyArn)}</code>` : ''}; public key SHA-256 <code>${esc(o.signature.publicKeySha256)}</code>. Check the signature with the public key you obtained from the signer, not only the copy in the bundle (${link('README.txt')}).</p>`
      : `<p>This bundle is not signed: the hashes show it is consistent, not who made it.</p>`,
  ];
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>trailguard evidence: ${esc(run.runId)}</title><style>${STYLE}</style></head>
<body>
${sections.join('\n')}
</body></html>
`;
}
