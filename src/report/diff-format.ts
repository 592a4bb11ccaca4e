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

export function renderDiff(diff: ResultsDiff, format: DiffFormat, summary = false): string {
  if (summary) return renderSummary(diff, format);
  if (format === 'json') return `${stableStringify(diff)}\n`;
  return format === 'markdown' ? diffMarkdown(diff) : diffText(diff);
}

// A pull-request comment lists at most this many new failures (GitHub cuts comments at 65,536 characters).
const SUMMARY_ROWS = 50;

/** `diff --summary`: the counts and the new failures only, for a pull-request comment. */
function renderSummary(diff: ResultsDiff, format: DiffFormat): string {
  const counts = {
    newFailures: diff.newFailures.length,
    fixed: diff.fixed.length,
    stillFailing: diff.stillFailing.length,
    changedToError: diff.otherChanges.filter((e) => e.after === 'error').length,
  };
  if (format === 'json') return `${stableStringify({ old: diff.old, new: diff.new, counts, newFailures: diff.newFailures })}\n`;
  const line = `${counts.newFailures} new failures, ${counts.fixed} fixed, ${counts.stillFailing} still failing, ${counts.changedToError} changed to error`;
  const shown = diff.newFailures.slice(0, SUMMARY_ROWS);
  const more = diff.newFailures.length - shown.length;
  if (format === 'text') {
    const lines = [`trailguard diff ${diff.old.runId} → ${diff.new.runId}: ${line}`];
    for (const e of shown) lines.push(`  + [${e.severity}] ${e.ruleId} ${e.accountId} ${e.region} ${e.resourceArn}: ${e.message}`);
    if (more > 0) lines.push(`  … and ${more} more new failures (trailguard diff without --summary lists them all)`);
    return `${lines.join('\n')}\n`;
  }
  const lines = [`### trailguard: ${text(line)}`, '', `${code(diff.old.runId)} → ${code(diff.new.runId)}`];
  if (shown.length) {
    lines.push('', '| Severity | Rule | Account | Region | Resource | Message |', '|---|---|---|---|---|---|');
    for (const e of shown) lines.push(`| ${e.severity} | ${code(e.ruleId)} | ${text(e.accountId)} | ${text(e.region)} | ${code(e.resourceArn)} | ${text(e.message)} |`);
    if (more > 0) lines.push('', `… and ${more} more new failures.`);
  }
  return `${lines.join('\n')}\n`;
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
