/**
 * Message templates: `{{Trail.Name}}` reads the view, `{{params.x}}` a parameter, and
 * `{{actual}}`, `{{expected}}`, `{{failures}}` describe what failed. Values render
 * compactly (strings as is, everything else as one-line JSON).
 */
import type { ConditionFailure } from './types.js';
import { parsePath, readPath } from './conditions/path.js';

export interface MessageData {
  view: Record<string, unknown>;
  params: Record<string, unknown>;
  failures: ConditionFailure[];
}

const PLACEHOLDER = /\{\{\s*([^}]+?)\s*\}\}/g;
const MISSING = '(missing)';

/** Placeholders that are not a dot path: returned so the loader can report them at load time. */
export function invalidPlaceholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]!).filter((name) => {
    try {
      parsePath(name);
      return false;
    } catch {
      return true;
    }
  });
}

export function renderMessage(template: string, data: MessageData): string {
  const first = data.failures[0];
  return template.replace(PLACEHOLDER, (_, name: string) => {
    if (name === 'actual') return show(first?.actual);
    if (name === 'expected') return show(first?.expected);
    if (name === 'failures') return data.failures.map(describeFailure).join('; ') || 'none';
    if (name.startsWith('params.')) return show(readPath(data.params, parsePath(name.slice('params.'.length)).segments));
    return show(readPath(data.view, parsePath(name).segments));
  });
}

export function describeFailure(f: ConditionFailure): string {
  const what = [f.path, f.op].filter(Boolean).join(' ');
  const detail: string[] = [];
  if (f.expected !== undefined) detail.push(`expected ${show(f.expected)}`);
  if (f.op !== undefined) detail.push(`found ${show(f.actual)}`);
  if (f.offending !== undefined) detail.push(`offending ${show(f.offending)}`);
  const head = f.because ?? what;
  const tail = f.because !== undefined && what ? `${what}: ${detail.join(', ')}` : detail.join(', ');
  return tail ? `${head} (${tail})` : head;
}

export function show(value: unknown): string {
  if (value === undefined || value === null) return MISSING;
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
