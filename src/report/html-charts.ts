/**
 * Horizontal stacked bar charts as inline SVG (no chart library, no network): one bar per
 * category, one segment per status. Colour is not the only signal: each bar is followed
 * by its numbers in text, each segment has a tooltip, and the SVG's accessible name lists
 * every count.
 */
import type { Result, Status } from '../evaluate/types.js';
import { escapeHtml as esc } from './html-escape.js';
import { STATUS_ORDER } from './order.js';

export interface Category {
  label: string;
  results: Result[];
}

const ROW = 26;
const LABEL_WIDTH = 190;
const BAR_WIDTH = 300;
const WIDTH = 780;

export function barChart(id: string, caption: string, categories: Category[]): string {
  const max = Math.max(1, ...categories.map((c) => c.results.length));
  const height = Math.max(1, categories.length) * ROW;
  const rows = categories.map((c, i) => chartRow(c, i * ROW, max)).join('');
  const name = categories.map((c) => `${c.label}: ${countsText(c.results)}`).join('; ');
  return `<figure>
<figcaption id="${id}-caption">${esc(caption)}</figcaption>
<svg viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-labelledby="${id}-caption ${id}-desc">
<desc id="${id}-desc">${esc(name || 'no results')}</desc>
${rows}</svg>
</figure>`;
}

function chartRow(c: Category, y: number, max: number): string {
  const label = c.label.length > 28 ? `${c.label.slice(0, 27)}…` : c.label;
  let x = LABEL_WIDTH;
  const segments = STATUS_ORDER.map((status) => {
    const n = c.results.filter((r) => r.status === status).length;
    if (n === 0) return '';
    const w = (n / max) * BAR_WIDTH;
    const rect = `<rect class="seg-${status}" x="${x.toFixed(1)}" y="${y + 5}" width="${w.toFixed(1)}" height="${ROW - 10}"><title>${esc(`${c.label}: ${n} ${status}`)}</title></rect>`;
    x += w;
    return rect;
  }).join('');
  return `<g><text x="0" y="${y + ROW / 2 + 4}"><title>${esc(c.label)}</title>${esc(label)}</text>${segments}<text x="${LABEL_WIDTH + BAR_WIDTH + 8}" y="${y + ROW / 2 + 4}">${esc(countsText(c.results))}</text></g>\n`;
}

/** "2 fail · 1 error · 9 total": the numbers a reader needs without seeing colour. */
export function countsText(results: Result[]): string {
  const parts = (['fail', 'error', 'waived'] as Status[])
    .map((s) => [s, results.filter((r) => r.status === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}`);
  return [...parts, `${results.length} total`].join(' · ');
}

/** The status colour key, drawn with the same classes as the bars. */
export function legend(): string {
  const items = STATUS_ORDER.map(
    (s) => `<li><svg width="12" height="12" aria-hidden="true"><rect class="seg-${s}" width="12" height="12"/></svg>${s}</li>`,
  ).join('');
  return `<ul class="legend" aria-label="Chart colours">${items}</ul>`;
}
