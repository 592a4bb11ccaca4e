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
  return [...template.matchAll(PLACEHOLDER)]
    .map((m) => m[1]!)
    .filter((name) => {
      try {
        parsePath(name);
        return false;
      } catch {
        return true;
      }
    });
}

/** A placeholder: appends its text to the message's pieces. */
type Part = string | ((data: MessageData, into: string[]) => void);

// Templates are few and rendered once per result: parse each once.
const compiled = new Map<string, Part[]>();

/**
 * Pieces are collected and joined once: a message built by `+=` is a rope of one node per
 * piece, which a scan of a thousand accounts keeps for every fail (twice the flat size).
 */
export function renderMessage(template: string, data: MessageData): string {
  let parts = compiled.get(template);
  if (!parts) {
    parts = compileTemplate(template);
    compiled.set(template, parts);
  }
  const pieces: string[] = [];
  for (const part of parts) {
    if (typeof part === 'string') pieces.push(part);
    else part(data, pieces);
  }
  return pieces.join('');
}

function compileTemplate(template: string): Part[] {
  const parts: Part[] = [];
  let last = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    parts.push(template.slice(last, m.index));
    parts.push(placeholder(m[1]!));
    last = m.index + m[0].length;
  }
  parts.push(template.slice(last));
  return parts.filter((part) => part !== '');
}

function placeholder(name: string): (data: MessageData, into: string[]) => void {
  if (name === 'actual') return (d, into) => void into.push(show(d.failures[0]?.actual));
  if (name === 'expected') return (d, into) => void into.push(show(d.failures[0]?.expected));
  if (name === 'failures') return (d, into) => describeFailures(d.failures, into);
  if (name.startsWith('params.')) {
    const { segments } = parsePath(name.slice('params.'.length));
    return (d, into) => void into.push(show(readPath(d.params, segments)));
  }
  const { segments } = parsePath(name);
  return (d, into) => void into.push(show(readPath(d.view, segments)));
}

/** "<because> (<path> <op>: expected .., found .., offending ..)" per failure, separated by "; "; "none" when there are none. */
function describeFailures(failures: ConditionFailure[], into: string[]): void {
  if (failures.length === 0) into.push('none');
  failures.forEach((f, i) => {
    if (i > 0) into.push('; ');
    const what = f.path && f.op ? `${f.path} ${f.op}` : f.path || f.op || '';
    const hasDetail = f.expected !== undefined || f.op !== undefined || f.offending !== undefined;
    into.push(f.because ?? what);
    if (f.because !== undefined && what) into.push(' (', what, ': ');
    else if (hasDetail) into.push(' (');
    else return;
    let sep = '';
    if (f.expected !== undefined) {
      into.push('expected ', show(f.expected));
      sep = ', ';
    }
    if (f.op !== undefined) {
      into.push(sep, 'found ', show(f.actual));
      sep = ', ';
    }
    if (f.offending !== undefined) into.push(sep, 'offending ', show(f.offending));
    into.push(')');
  });
}

// The JSON text of each object shown: the same operand, parameter or view value appears in the
// messages of many results (every account's view of one rule's literal), and is serialised once.
// Views, operands and parameters are not changed while results are built.
const shown = new WeakMap<object, string>();

export function show(value: unknown): string {
  if (value === undefined || value === null) return MISSING;
  if (typeof value === 'string') return value;
  if (typeof value !== 'object') return JSON.stringify(value);
  let text = shown.get(value);
  if (text === undefined) {
    text = JSON.stringify(value);
    shown.set(value, text);
  }
  return text;
}
