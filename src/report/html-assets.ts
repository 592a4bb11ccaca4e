/**
 * The HTML report's stylesheet and script, inlined into the page (the report must open
 * offline, so nothing is fetched). The page's Content-Security-Policy admits exactly these
 * two texts by hash, so even a string that escaped escaping could not run.
 */

export const STYLE = `
:root { color-scheme: light; --fg: #1f2328; --muted: #57606a; --line: #d0d7de; --bg-alt: #f6f8fa; --link: #0550ae;
  --fail: #b3261e; --error: #8a5a00; --waived: #5b3f8c; --pass: #1e6b34; --skip: #5a626c; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: #fff; }
header, main { max-width: 1280px; margin: 0 auto; padding: 0 1.25rem; }
header { padding-top: 1.25rem; border-bottom: 1px solid var(--line); }
h1 { font-size: 1.6rem; margin: 0 0 .5rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .75rem; }
a { color: var(--link); }
code, pre, .arn { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .85em; }
pre { background: var(--bg-alt); border: 1px solid var(--line); padding: .5rem; overflow-x: auto; white-space: pre-wrap; }
dl.run { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: 0 0 1rem; }
dl.run dt { font-weight: 600; color: var(--muted); }
dl.run dd { margin: 0; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
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
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 1rem 2rem; }
figure { margin: 0; } figcaption { font-weight: 600; margin-bottom: .25rem; }
svg text { font: 12px system-ui, sans-serif; fill: var(--fg); }
.seg-fail { fill: var(--fail); } .seg-error { fill: #b7791f; } .seg-waived { fill: #7e57c2; } .seg-pass { fill: #2f855a; } .seg-skip { fill: #9aa3ad; }
.legend { display: flex; flex-wrap: wrap; gap: 1rem; list-style: none; padding: 0; margin: .5rem 0 0; font-size: .9em; }
.legend svg { vertical-align: -2px; margin-right: .3rem; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid var(--line); }
thead th { background: var(--bg-alt); }
#findings > thead th { position: sticky; top: 0; z-index: 1; }
#findings { table-layout: fixed; }
.c-status { width: 6.5rem; } .c-severity { width: 8.5rem; } .c-rule { width: 12rem; } .c-account { width: 8.5rem; }
.c-region { width: 6.5rem; } .c-resource { width: 20%; }
#findings td { overflow-wrap: anywhere; }
td.num, th.num { text-align: right; }
th button { font: inherit; font-weight: 600; color: inherit; background: none; border: 0; padding: 0; cursor: pointer; }
th button:focus-visible, button.toggle:focus-visible, summary:focus-visible, input:focus-visible, select:focus-visible, a:focus-visible { outline: 3px solid #0969da; outline-offset: 2px; }
th[aria-sort="ascending"] button::after { content: " \\25B2" / ""; }
th[aria-sort="descending"] button::after { content: " \\25BC" / ""; }
.filters { display: flex; flex-wrap: wrap; align-items: end; gap: .75rem 1.25rem; margin-bottom: .75rem; }
.filters label { display: block; font-weight: 600; font-size: .9em; }
.filters input, .filters select { font: inherit; padding: .3rem .5rem; border: 1px solid #8c959f; border-radius: 4px; }
.filters input { min-width: 22rem; }
#f-count { margin: 0; color: var(--muted); }
.arn { word-break: break-all; }
details summary { cursor: pointer; }
button.toggle { font: inherit; color: inherit; background: none; border: 0; padding: 0; text-align: left; cursor: pointer; }
button.toggle::before { content: "\\25B8  " / ""; }
button.toggle[aria-expanded="true"]::before { content: "\\25BE  " / ""; }
tr.detail:not(.open) { display: none; }
tr.detail > td { background: #fcfcfd; }
.evidence { margin: .5rem 0; padding: .5rem .75rem; border-left: 3px solid var(--line); background: #fcfcfd; }
.evidence h4 { margin: .5rem 0 .25rem; font-size: .95em; }
.evidence table { font-size: .9em; }
.evidence dl { display: grid; grid-template-columns: max-content 1fr; gap: 0 .75rem; margin: 0; }
.evidence dt { font-weight: 600; }
.evidence dd { margin: 0; }
.rule-doc { margin-bottom: .5rem; }
.warnings li { color: var(--error); }
@media print {
  .filters, th button::after, button.toggle::before { display: none; }
  /* Printed reports show every finding's evidence (but not the rows filtered out). */
  tr.detail:not(.open):not([hidden]) { display: table-row; }
  #findings > thead th { position: static; }
  tr, figure, .rule-doc { break-inside: avoid; }
  a { color: inherit; }
  body { font-size: 11pt; }
}
`;

/** Filtering, sorting and print preparation for the findings table. */
export const SCRIPT = `
'use strict';
(function () {
  var table = document.getElementById('findings');
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.querySelectorAll(':scope > tr.finding'));
  var text = document.getElementById('f-text');
  var status = document.getElementById('f-status');
  var severity = document.getElementById('f-severity');
  var count = document.getElementById('f-count');

  function detailOf(row) { return row.nextElementSibling; }

  function applyFilter() {
    var q = text.value.trim().toLowerCase();
    var shown = 0;
    rows.forEach(function (row) {
      var visible = (!q || row.dataset.search.indexOf(q) >= 0) &&
        (!status.value || row.dataset.status === status.value) &&
        (!severity.value || row.dataset.severity === severity.value);
      row.hidden = !visible;
      detailOf(row).hidden = !visible;
      if (visible) shown++;
    });
    count.textContent = 'Showing ' + shown + ' of ' + rows.length + ' results';
  }

  function sortBy(th) {
    var index = th.cellIndex;
    var ascending = th.getAttribute('aria-sort') !== 'ascending';
    Array.prototype.forEach.call(th.parentNode.cells, function (cell) { cell.removeAttribute('aria-sort'); });
    th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    function key(row) {
      var cell = row.cells[index];
      return cell.dataset.sort !== undefined ? cell.dataset.sort : cell.textContent.trim();
    }
    rows.sort(function (a, b) {
      var c = key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
      return ascending ? c : -c;
    });
    rows.forEach(function (row) {
      var detail = detailOf(row);
      body.appendChild(row);
      body.appendChild(detail);
    });
  }

  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
    var button = th.querySelector('button');
    if (button) button.addEventListener('click', function () { sortBy(th); });
  });
  rows.forEach(function (row) {
    var button = row.querySelector('button.toggle');
    button.addEventListener('click', function () {
      var open = button.getAttribute('aria-expanded') !== 'true';
      button.setAttribute('aria-expanded', String(open));
      detailOf(row).classList.toggle('open', open);
    });
  });
  text.addEventListener('input', applyFilter);
  status.addEventListener('change', applyFilter);
  severity.addEventListener('change', applyFilter);

  // A finding's link to its rule opens that rule's description.
  function openTarget() {
    var target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (target && target.tagName === 'DETAILS') target.open = true;
  }
  window.addEventListener('hashchange', openTarget);
  openTarget();

  // Printed reports show the rules' descriptions; the screen keeps them collapsed.
  var opened = [];
  window.addEventListener('beforeprint', function () {
    document.querySelectorAll('details:not([open])').forEach(function (d) { d.open = true; opened.push(d); });
  });
  window.addEventListener('afterprint', function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });
  applyFilter();
})();
`;
