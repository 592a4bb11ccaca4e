/** `rules list --benchmark`: the selected controls, automated and manual, with the rules that judge each. */
import type { BenchmarkSelection } from '../rules/benchmarks.js';

export interface ControlRow {
  section: string;
  id: string;
  title: string;
  assessment: 'automated' | 'manual';
  profile?: string;
  rules: string[];
}

export function controlRows(selection: BenchmarkSelection): ControlRow[] {
  return selection.controls.map((c) => ({
    section: `${c.section.id} ${c.section.title}`,
    id: c.id,
    title: c.title,
    assessment: c.assessment,
    ...(c.profile !== undefined ? { profile: c.profile } : {}),
    rules: c.ruleIds,
  }));
}

/** Sections as headings; per control its id, assessment, profile and title, then its rules on the next line. */
export function renderControlTable(selection: BenchmarkSelection): string {
  const rows = controlRows(selection);
  const idWidth = Math.max(...rows.map((r) => r.id.length));
  const profileWidth = Math.max(0, ...rows.map((r) => r.profile?.length ?? 0));
  const indent = ' '.repeat(idWidth + 2 + 'automated'.length + 2 + (profileWidth > 0 ? profileWidth + 2 : 0));
  const lines = [`${selection.id}: ${selection.title}${selection.profile ? ` (profile ${selection.profile} and the profiles it includes)` : ''}`];
  let section = '';
  for (const row of rows) {
    if (row.section !== section) lines.push('', row.section);
    section = row.section;
    const profile = profileWidth > 0 ? `${(row.profile ?? '').padEnd(profileWidth)}  ` : '';
    lines.push(`${row.id.padEnd(idWidth)}  ${row.assessment.padEnd('automated'.length)}  ${profile}${row.title}`);
    lines.push(`${indent}rules: ${row.rules.length > 0 ? row.rules.join(', ') : row.assessment === 'manual' ? 'none' : 'none (not evaluated)'}`);
  }
  const manual = rows.filter((r) => r.assessment === 'manual').length;
  lines.push('', `${rows.length} controls (${rows.length - manual} automated, ${manual} manual), ${selection.rules.length} rules`);
  return `${lines.join('\n')}\n`;
}
