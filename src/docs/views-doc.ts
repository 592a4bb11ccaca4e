/**
 * docs/views.md: the prose is written by hand; each view's field table is generated from the view
 * catalogue (rules/view-catalogue.ts), between `<!-- fields:<view> -->` and `<!-- /fields -->`.
 */
import type { ResourceType } from '../rules/types.js';
import { VIEWS, type FieldSpec } from '../rules/view-catalogue.js';

const BLOCK = /<!-- fields:([a-z-]+) -->\n[\s\S]*?<!-- \/fields -->/g;

export function renderViewsDoc(current: string): string {
  return current.replace(BLOCK, (_, view: string) => `<!-- fields:${view} -->\n${fieldTable(view as ResourceType)}<!-- /fields -->`);
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const code = (items: readonly string[]) => items.map((x) => `\`${x}\``).join(', ');

function fieldTable(view: ResourceType): string {
  const rows: string[] = ['| Field | Type | Collected by | Unknown when it fails | Meaning |', '|---|---|---|---|---|'];
  const elements: string[] = [];
  for (const { group, at } of VIEWS[view].mounts) {
    // Trail summaries under an array have the trail view's fields: said once, not repeated.
    if (at?.endsWith('[].') && group.kind === 'trail') {
      elements.push(`Each element of \`${at.slice(0, -3)}\` has the fields of the trail view (the trail table), seen from this view's account, with its own \`$errors\`.`);
      continue;
    }
    for (const field of group.fields) rows.push(row(field, at ?? ''));
  }
  return `${rows.join('\n')}\n${elements.map((e) => `\n${e}\n`).join('')}`;
}

function row(field: FieldSpec, at: string): string {
  const marks = [field.schema ? `schema \`${field.schema}\`` : '', field.always ? 'always' : '', field.perRegion ? 'per region' : '', field.liveOnly ? 'live only' : ''].filter(Boolean);
  const type = `\`${cell(field.type)}\`${marks.length > 0 ? ` (${marks.join('; ')})` : ''}`;
  return `| \`${at}${field.path}\` | ${type} | ${code(field.sections) || '(none)'} | ${code(field.unknownOn ?? []) || '(none)'} | ${cell(field.doc)} |`;
}
