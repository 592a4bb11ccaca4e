/** How `trailguard diff` prints a ResultsDiff: text for a terminal or CI log, JSON for tools, Markdown for a PR comment. */
import { stableStringify } from '../util/stable-json.js';
import { printable, visible } from '../util/visible-text.js';
import type { DiffEntry, ResultsDiff } from './diff.js';
import { code, text } from './markdown.js';

export const DIFF_FORMATS = ['text', 'json', 'markdown'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

type ListKey = Exclude<keyof ResultsDiff, 'old' | 'new'>;

const SECTIONS: [ListKey, string, string][] = [
  ['newFailures', 'New failures', '+'],
  ['fixed', 'Fixed', '-'],
  ['stillFailing', 'Still failing', '='],
  ['otherChanges', 'Other status changes', '~'],
  ['newResources', 'New resources', '>'],
  ['goneResources', 'Gone resources', '<'],
];

export function renderDiff(diff: ResultsDiff, format: DiffFormat): string {
  if (format === 'json') return `${stableStringify(diff)}\n`;
  return format === 'markdown' ? diffMarkdown(diff) : diffText(diff);
}

function change(e: DiffEntry): string {
  return `${e.before ?? 'new'} → ${e.after ?? 'gone'}`;
}

function totals(diff: ResultsDiff): string {
  return SECTIONS.map(([key, title]) => `${diff[key].length} ${title.toLowerCase()}`).join(', ');
}

function diffText(diff: ResultsDiff): string {
  const lines = [printable`trailguard diff ${diff.old.runId} → ${diff.new.runId}`, totals(diff)];
  for (const [key, title, mark] of SECTIONS) {
    const list = diff[key];
    if (list.length === 0) continue;
    lines.push('', `${title} (${list.length}):`);
    for (const e of list) {
      lines.push(`  ${mark} ${visible(`[${e.severity}] ${e.ruleId} ${e.accountId} ${e.region} ${e.resourceArn} (${change(e)})`)}`);
      if (key === 'newFailures') lines.push(`      ${visible(e.message)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function diffMarkdown(diff: ResultsDiff): string {
  const lines = [`## trailguard drift: ${code(diff.old.runId)} → ${code(diff.new.runId)}`, '', text(totals(diff))];
  for (const [key, title] of SECTIONS) {
    const list = diff[key];
    if (list.length === 0) continue;
    lines.push('', `### ${title} (${list.length})`, '', '| Severity | Rule | Account | Region | Resource | Change | Message |', '|---|---|---|---|---|---|---|');
    for (const e of list) {
      lines.push(`| ${e.severity} | ${code(e.ruleId)} | ${e.accountId} | ${e.region} | ${code(e.resourceArn)} | ${change(e)} | ${text(e.message)} |`);
    }
  }
  return `${lines.join('\n')}\n`;
}
