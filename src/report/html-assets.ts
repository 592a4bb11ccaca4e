/**
 * The HTML report's stylesheet and script, inlined into the page (the report must open
 * offline, so nothing is fetched). The page's Content-Security-Policy admits exactly these
 * two texts by hash, so even a string that escaped escaping could not run. The script
 * builds every row with textContent, never HTML.
 */

export const STYLE = `
:root { color-scheme: light; --fg: #1f2328; --muted: #57606a; --line: #d0d7de; --bg-alt: #f6f8fa; --link: #0550ae;
  --fail: #b3261e; --error: #8a5a00; --waived: #5b3f8c; --pass: #1e6b34; --skip: #5a626c; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: #fff; }
header, main { max-width: 1280px; margin: 0 auto; padding: 0 1rem; }
header { padding-top: 1.25rem; border-bottom: 1px solid var(--line); }
h1 { font-size: 1.6rem; margin: 0 0 .5rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 .75rem; }
h3 { font-size: 1.05rem; margin: 1.25rem 0 .5rem; }
a { color: var(--link); }
code, pre, .arn { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .85em; }
pre { background: var(--bg-alt); border: 1px solid var(--line); padding: .5rem; overflow-x: auto; white-space: pre-wrap; overflow-wrap: anywhere; }
dl.run { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: 0 0 1rem; }
dl.run dt { font-weight: 600; color: var(--muted); }
dl.run dd { margin: 0; overflow-wrap: anywhere; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.lead { font-size: 1.05rem; }
.big { font-size: 1.6rem; }
.totals { display: flex; flex-wrap: wrap; gap: .75rem; list-style: none; padding: 0; margin: 0 0 1rem; }
.totals li { border: 1px solid var(--line); border-left-width: 6px; border-radius: 6px; padding: .5rem 1rem; min-width: 8rem; }
.totals strong { display: block; font-size: 1.6rem; }
.totals .st-fail { border-left-color: var(--fail); } .totals .st-error { border-left-color: var(--error); }
.totals .st-waived { border-left-color: var(--waived); } .totals .st-pass { border-left-color: var(--pass); }
.totals .st-skip { border-left-color: var(--skip); }
.badge { display: inline-block; padding: 0 .45rem; border-radius: 999px; font-weight: 600; font-size: .85em; white-space: nowrap; border: 1px solid currentColor; }
.badge.st-fail { color: var(--fail); background: #fdecea; } .badge.st-error { color: var(--error); background: #fff5d6; }
.badge.st-waived { color: var(--waived); background: #f1ecf8; } .badge.st-pass { color: var(--pass); background: #e8f5ec; }
.badge.st-skip { color: var(--skip); background: #f1f3f5; }
.sev { font-weight: 600; text-transform: capitalize; }
svg.bar { width: 100%; min-width: 6rem; height: 1rem; display: block; background: #f1f3f5; }
.seg-fail { fill: var(--fail); } .seg-error { fill: #b7791f; } .seg-waived { fill: #7e57c2; } .seg-pass { fill: #2f855a; } .seg-skip { fill: #9aa3ad; }
.legend { display: flex; flex-wrap: wrap; gap: 1rem; list-style: none; padding: 0; margin: .5rem 0 0; }
.legend svg { vertical-align: -2px; margin-right: .3rem; }
.rankings { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 28rem), 1fr)); gap: 0 2rem; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid var(--line); }
thead th { background: var(--bg-alt); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.pct { font-weight: 600; }
td.barcell { width: 22%; vertical-align: middle; }
details.section { margin: .5rem 0; } details.section > summary { font-weight: 600; }
button { font: inherit; }
.filter-link { color: var(--link); background: none; border: 0; padding: 0; text-align: left; cursor: pointer; text-decoration: underline; font-weight: inherit; }
#findings > thead th { position: sticky; top: 0; z-index: 1; }
#findings { table-layout: fixed; }
.c-status { width: 6.5rem; } .c-severity { width: 7.5rem; } .c-rule { width: 13rem; } .c-account { width: 11rem; }
.c-region { width: 7rem; } .c-resource { width: 18%; }
#findings td { overflow-wrap: anywhere; }
th button[data-sort] { font-weight: 600; color: inherit; background: none; border: 0; padding: 0; cursor: pointer; }
button:focus-visible, summary:focus-visible, input:focus-visible, select:focus-visible, a:focus-visible { outline: 3px solid #0969da; outline-offset: 2px; }
th[aria-sort="ascending"] button::after { content: " \\25B2" / ""; }
th[aria-sort="descending"] button::after { content: " \\25BC" / ""; }
.filters { display: flex; flex-wrap: wrap; align-items: end; gap: .5rem 1rem; margin-bottom: .5rem; }
.filters label { display: block; font-weight: 600; font-size: .9em; }
.filters input, .filters select { font: inherit; padding: .3rem .5rem; border: 1px solid #8c959f; border-radius: 4px; max-width: 16rem; }
.filters input { width: 18rem; max-width: 100%; }
#f-count { margin: .25rem 0 .5rem; color: var(--muted); }
.pager { display: flex; gap: 1rem; align-items: center; margin: .75rem 0; }
.arn { word-break: break-all; color: var(--muted); }
details summary { cursor: pointer; }
button.toggle { color: inherit; background: none; border: 0; padding: 0; text-align: left; cursor: pointer; }
button.toggle::before { content: "\\25B8  " / ""; }
button.toggle[aria-expanded="true"]::before { content: "\\25BE  " / ""; }
tr.detail > td { background: #fcfcfd; }
.evidence { margin: .5rem 0; padding: .5rem .75rem; border-left: 3px solid var(--line); background: #fcfcfd; }
.evidence h4 { margin: .5rem 0 .25rem; font-size: .95em; }
.evidence table { font-size: .9em; }
.evidence dl { display: grid; grid-template-columns: max-content 1fr; gap: 0 .75rem; margin: 0; }
.evidence dt { font-weight: 600; }
.evidence dd { margin: 0; overflow-wrap: anywhere; }
.rule-doc { margin-bottom: .5rem; }
.warnings li { color: var(--error); }
.partial { border: 2px solid var(--fail); padding: .5rem .75rem; color: var(--fail); background: #fdecea; }
/* From 800 px: the sentence of each finding names the rule, region and resource, so their columns go. */
@media (max-width: 1000px) {
  .c-rule, .c-region, .c-resource, #findings td.rule, #findings td.region, #findings td.resource { display: none; }
  .c-account { width: 9rem; } .c-severity { width: 6.5rem; }
  header, main { padding: 0 .5rem; }
  td.barcell { width: 15%; }
}
@media print {
  .filters, .pager, th button::after, button.toggle::before, #f-count { display: none; }
  #findings > thead th { position: static; }
  tr, .rule-doc, details.section { break-inside: avoid; }
  a, .filter-link { color: inherit; text-decoration: none; }
  body { font-size: 10pt; }
}
`;

/** The findings table: filters, sorting, pages, and each finding's details, from the JSON data in #tg-data. */
export const SCRIPT = `
'use strict';
(function () {
  var D = JSON.parse(document.getElementById('tg-data').textContent);
  var S = D.strings, RULES = D.rules, ROWS = D.rows, NAMES = D.accounts;
  var STATUS = ['fail', 'error', 'waived', 'pass', 'skip'];
  var LABEL = { fail: 'Fail', error: 'Error', waived: 'Waived', pass: 'Pass', skip: 'Skip' };
  var SYMBOL = { fail: '\\u2716', error: '\\u26A0', waived: '\\u25D0', pass: '\\u2714', skip: '\\u2013' };
  var SEV = ['critical', 'high', 'medium', 'low', 'informational'];
  var TYPE = { bucket: 'Bucket', trail: 'Trail', key: 'KMS key', 'log-group': 'Log group', account: 'Account', organization: 'Organization', 'event-data-store': 'Event data store' };
  var PAGE = 50;
  var PLACEHOLDER = /\\{\\{\\s*([^}]+?)\\s*\\}\\}/g;

  function str(i) { return i < 0 ? '' : S[i]; }
  function account(row) { var id = str(row[3]); return NAMES[id] ? NAMES[id] + ' (' + id + ')' : id; }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  var f = {};
  ['text', 'status', 'severity', 'account', 'region', 'rule', 'framework', 'control'].forEach(function (k) { f[k] = document.getElementById('f-' + k); });
  function options(select, values, label) {
    values.forEach(function (v) { var o = el('option', '', label ? label(v) : v); o.value = v; select.appendChild(o); });
  }
  function uniq(values) { return values.filter(function (v, i, a) { return v && a.indexOf(v) === i; }); }
  function sorted(values) { return values.slice().sort(function (a, b) { return a < b ? -1 : a > b ? 1 : 0; }); }
  var accountIds = {}, regions = {};
  ROWS.forEach(function (r) { accountIds[str(r[3])] = 1; regions[str(r[4])] = 1; });
  options(f.status, STATUS, function (s) { return LABEL[s]; });
  options(f.severity, SEV);
  options(f.account, sorted(Object.keys(accountIds)), function (id) { return NAMES[id] ? NAMES[id] + ' (' + id + ')' : id; });
  options(f.region, sorted(Object.keys(regions)));
  options(f.rule, sorted(RULES.map(function (r) { return r.id; })));
  options(f.framework, sorted(uniq([].concat.apply([], RULES.map(function (r) { return r.frameworks; })))));
  options(f.control, sorted(uniq([].concat.apply([], RULES.map(function (r) { return r.controls; })))));

  var order = ROWS.map(function (_, i) { return i; });
  var shown = order, page = 0;

  function matches(i, q, rulesOk) {
    var r = ROWS[i];
    if (f.status.value && STATUS[r[0]] !== f.status.value) return false;
    if (f.severity.value && SEV[r[1]] !== f.severity.value) return false;
    if (f.account.value && str(r[3]) !== f.account.value) return false;
    if (f.region.value && str(r[4]) !== f.region.value) return false;
    if (!rulesOk[r[2]]) return false;
    if (q) {
      var hay = [str(r[6]), str(r[7]), str(r[8]), RULES[r[2]].id, account(r)].join(' ').toLowerCase();
      if (hay.indexOf(q) < 0) return false;
    }
    return true;
  }

  function apply() {
    var q = f.text.value.trim().toLowerCase();
    var rulesOk = RULES.map(function (rule) {
      return (!f.rule.value || rule.id === f.rule.value) &&
        (!f.framework.value || rule.frameworks.indexOf(f.framework.value) >= 0) &&
        (!f.control.value || rule.controls.indexOf(f.control.value) >= 0);
    });
    shown = order.filter(function (i) { return matches(i, q, rulesOk); });
    page = 0;
    render();
  }

  function sentence(r) {
    var rule = RULES[r[2]], region = str(r[4]);
    var where = (TYPE[str(r[5])] || str(r[5])) + ' ' + str(r[7]) + ' in account ' + account(r) +
      (region && region !== 'global' && region !== 'unknown' ? ', ' + region : '');
    var title = '\\u201C' + rule.title + '\\u201D';
    switch (STATUS[r[0]]) {
      case 'fail': return where + ' does not meet ' + title + '.';
      case 'pass': return where + ' meets ' + title + '.';
      case 'error': return where + ' could not be checked against ' + title + ': trailguard could not read the data it needs.';
      case 'skip': return where + ': ' + title + ' does not apply.';
      default: return where + ' does not meet ' + title + '; a waiver accepts it.';
    }
  }

  function badge(status) {
    var b = el('span', 'badge st-' + status);
    var s = el('span', '', SYMBOL[status]);
    s.setAttribute('aria-hidden', 'true');
    b.appendChild(s);
    b.appendChild(document.createTextNode(' ' + LABEL[status]));
    return b;
  }

  function filled(text, rule, values) {
    return text.replace(PLACEHOLDER, function (m, name) {
      var k = rule.placeholders.indexOf(name);
      var v = k >= 0 ? str(values[k]) : '';
      return v || '<' + name + '>';
    });
  }

  function detail(r) {
    var box = el('div', 'evidence'), rule = RULES[r[2]];
    function h(text) { box.appendChild(el('h4', '', text)); }
    function p(text) { box.appendChild(el('p', '', text)); }
    h('What trailguard found');
    p(str(r[8]));
    var n = r[12];
    if (n > 0) {
      h('Expected and found');
      var t = el('table'), head = el('tr');
      ['Condition', 'Expected', 'Found', 'Why'].forEach(function (c) { var th = el('th', '', c); th.scope = 'col'; head.appendChild(th); });
      var thead = el('thead'); thead.appendChild(head); t.appendChild(thead);
      var tb = el('tbody');
      for (var k = 0; k < n; k++) {
        var tr = el('tr');
        for (var c = 0; c < 4; c++) { var td = el('td'); td.appendChild(el(c < 3 ? 'code' : 'span', '', str(r[13 + 4 * k + c]))); tr.appendChild(td); }
        tb.appendChild(tr);
      }
      t.appendChild(tb);
      box.appendChild(t);
    }
    if (r[9] >= 0) { h('API call that failed (account, region, call, error)'); box.appendChild(el('code', '', str(r[9]))); }
    if (r[10] >= 0) { h('Not applicable'); p(str(r[10])); }
    if (r[11] >= 0) { h('Waiver'); p(str(r[11])); }
    var values = r.slice(13 + 4 * n);
    if (STATUS[r[0]] !== 'pass' && STATUS[r[0]] !== 'skip') {
      rule.remediation.forEach(function (form) {
        h(form[0] === 'Summary' ? 'Remediation' : form[0]);
        var text = filled(form[1], rule, values);
        if (form[0] === 'Summary' || form[0] === 'Console') p(text);
        else { var pre = el('pre'); pre.appendChild(el('code', '', text)); box.appendChild(pre); }
      });
    }
    var dl = el('dl');
    [['Resource', str(r[6])], ['Controls', rule.controls.join(', ')]].forEach(function (kv) {
      if (!kv[1]) return;
      dl.appendChild(el('dt', '', kv[0]));
      dl.appendChild(el('dd', '', kv[1]));
    });
    box.appendChild(dl);
    var a = el('a', '', 'Rule ' + rule.id + ': description, rationale and references');
    a.href = '#rule-' + rule.id;
    var lp = el('p'); lp.appendChild(a); box.appendChild(lp);
    return box;
  }

  var tbody = document.querySelector('#findings > tbody');
  var heads = document.querySelectorAll('#findings thead th');
  var count = document.getElementById('f-count');
  var info = document.getElementById('p-info');
  var prev = document.getElementById('p-prev'), next = document.getElementById('p-next');

  function render() {
    var pages = Math.max(1, Math.ceil(shown.length / PAGE));
    if (page >= pages) page = pages - 1;
    var from = page * PAGE, to = Math.min(shown.length, from + PAGE);
    tbody.textContent = '';
    for (var k = from; k < to; k++) {
      var i = shown[k], r = ROWS[i], status = STATUS[r[0]];
      var tr = el('tr', 'finding');
      tr.dataset.status = status;
      var td = el('td'); td.appendChild(badge(status)); tr.appendChild(td);
      tr.appendChild(el('td', 'sev', SEV[r[1]]));
      td = el('td', 'rule'); td.appendChild(el('code', '', RULES[r[2]].id)); tr.appendChild(td);
      tr.appendChild(el('td', 'account', account(r)));
      tr.appendChild(el('td', 'region', str(r[4])));
      td = el('td', 'resource'); td.appendChild(el('div', '', str(r[7]))); td.appendChild(el('div', 'arn', str(r[6]))); tr.appendChild(td);
      var button = el('button', 'toggle', sentence(r));
      button.type = 'button';
      button.setAttribute('aria-expanded', 'false');
      button.setAttribute('aria-controls', 'ev-' + i);
      button.dataset.row = String(i);
      td = el('td', 'finding'); td.appendChild(button); tr.appendChild(td);
      tbody.appendChild(tr);
      var d = el('tr', 'detail');
      d.id = 'ev-' + i;
      d.hidden = true;
      tbody.appendChild(d);
    }
    count.textContent = 'Showing ' + (shown.length ? from + 1 : 0) + '\\u2013' + to + ' of ' + shown.length + ' matching results (' + ROWS.length + ' in all)';
    info.textContent = 'Page ' + (page + 1) + ' of ' + pages;
    prev.disabled = page === 0;
    next.disabled = page >= pages - 1;
  }

  function open(button, show) {
    var d = document.getElementById(button.getAttribute('aria-controls'));
    if (show && !d.firstChild) {
      var td = el('td');
      // As many columns as show: narrow windows hide some, and a wider span would squeeze the rest.
      td.colSpan = Array.prototype.filter.call(heads, function (h) { return h.offsetParent !== null; }).length;
      td.appendChild(detail(ROWS[Number(button.dataset.row)]));
      d.appendChild(td);
    }
    d.hidden = !show;
    button.setAttribute('aria-expanded', String(show));
  }

  tbody.addEventListener('click', function (e) {
    var button = e.target.closest('button.toggle');
    if (button) open(button, button.getAttribute('aria-expanded') !== 'true');
  });
  prev.addEventListener('click', function () { page--; render(); });
  next.addEventListener('click', function () { page++; render(); });

  function sortKey(i, col) {
    var r = ROWS[i];
    return col === 0 ? r[0] : col === 1 ? r[1] : col === 2 ? RULES[r[2]].id : col === 3 ? account(r) : col === 4 ? str(r[4]) : str(r[6]);
  }
  document.querySelectorAll('#findings thead button[data-sort]').forEach(function (button) {
    button.addEventListener('click', function () {
      var th = button.parentNode, col = Number(button.dataset.sort);
      var ascending = th.getAttribute('aria-sort') !== 'ascending';
      heads.forEach(function (h) { h.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      var keys = ROWS.map(function (_, i) { return sortKey(i, col); });
      order = ROWS.map(function (_, i) { return i; }).sort(function (a, b) {
        var c = keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : a - b;
        return ascending ? c : -c;
      });
      apply();
    });
  });

  f.text.addEventListener('input', apply);
  ['status', 'severity', 'account', 'region', 'rule', 'framework', 'control'].forEach(function (k) { f[k].addEventListener('change', apply); });
  document.getElementById('f-clear').addEventListener('click', function () {
    Object.keys(f).forEach(function (k) { f[k].value = ''; });
    apply();
  });
  // The summary's accounts, rules and controls show their findings.
  document.querySelectorAll('.filter-link').forEach(function (b) {
    b.addEventListener('click', function () {
      Object.keys(f).forEach(function (k) { f[k].value = ''; });
      ['account', 'rule', 'control'].forEach(function (k) { if (b.dataset[k]) f[k].value = b.dataset[k]; });
      apply();
      document.getElementById('findings-h').scrollIntoView();
    });
  });

  // A finding's link to its rule opens that rule's description.
  function openTarget() {
    var target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (target && target.tagName === 'DETAILS') target.open = true;
  }
  window.addEventListener('hashchange', openTarget);
  openTarget();

  // Printed: every section open, and the findings of the current page with their details.
  var opened = [];
  window.addEventListener('beforeprint', function () {
    document.querySelectorAll('details:not([open])').forEach(function (d) { d.open = true; opened.push(d); });
    tbody.querySelectorAll('button.toggle[aria-expanded="false"]').forEach(function (b) { open(b, true); opened.push(b); });
  });
  window.addEventListener('afterprint', function () {
    opened.forEach(function (x) { if (x.tagName === 'DETAILS') x.open = false; else open(x, false); });
    opened = [];
  });
  apply();
})();
`;
