/**
 * EventBridge event patterns (a rule's EventPattern JSON), parsed and matched against an event:
 * every key of the pattern must match; an array lists the accepted values (any one); an object
 * descends into the event; `$or` accepts any of several sub-patterns. Content filters supported:
 * prefix, suffix, equals-ignore-case, wildcard, anything-but, exists, numeric. A pattern using
 * anything else is reported as not understood and never credited.
 */
import { compileGlob } from '../../../rules/glob.js';

export type EventPattern = Record<string, unknown>;
export type ParsedEventPattern = { ok: true; pattern: EventPattern } | { ok: false; error: string };

const FILTERS = new Set(['prefix', 'suffix', 'equals-ignore-case', 'wildcard', 'anything-but', 'exists', 'numeric']);

export function parseEventPattern(text: string | undefined): ParsedEventPattern {
  if (!text) return { ok: false, error: 'the rule has no event pattern' };
  let pattern: unknown;
  try {
    pattern = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `the event pattern is not JSON: ${(error as Error).message}` };
  }
  if (!isObject(pattern)) return { ok: false, error: 'the event pattern is not a JSON object' };
  const problem = check(pattern, '');
  return problem ? { ok: false, error: problem } : { ok: true, pattern };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function check(pattern: Record<string, unknown>, at: string): string | undefined {
  for (const [key, value] of Object.entries(pattern)) {
    const where = at ? `${at}.${key}` : key;
    if (key === '$or') {
      if (!Array.isArray(value) || !value.every(isObject)) return `${where} must be a list of patterns`;
      const inner = value.map((p) => check(p, where)).find(Boolean);
      if (inner) return inner;
    } else if (Array.isArray(value)) {
      for (const entry of value) {
        if (isObject(entry)) {
          const [name, more] = Object.keys(entry);
          if (!name || more !== undefined || !FILTERS.has(name)) return `${where}: unsupported content filter ${JSON.stringify(entry)}`;
        }
      }
    } else if (isObject(value)) {
      const inner = check(value, where);
      if (inner) return inner;
    } else {
      return `${where} must be a list of values or a nested pattern`;
    }
  }
  return undefined;
}

export function matchesEventPattern(pattern: EventPattern, event: unknown): boolean {
  return Object.entries(pattern).every(([key, value]) => {
    if (key === '$or') return (value as EventPattern[]).some((p) => matchesEventPattern(p, event));
    const field = isObject(event) ? event[key] : undefined;
    if (Array.isArray(value)) return matchesValues(value, field);
    return isObject(field) && matchesEventPattern(value as EventPattern, field);
  });
}

function matchesValues(accepted: unknown[], field: unknown): boolean {
  const values = Array.isArray(field) ? field : [field];
  return accepted.some((entry) => {
    if (isObject(entry) && 'exists' in entry) return (field !== undefined) === entry.exists;
    return values.some((v) => v !== undefined && matchesOne(entry, v));
  });
}

function matchesOne(entry: unknown, value: unknown): boolean {
  if (!isObject(entry)) return entry === value;
  const [name, arg] = Object.entries(entry)[0]!;
  const text = typeof value === 'string' ? value : undefined;
  switch (name) {
    case 'prefix':
      return text !== undefined && typeof arg === 'string' && text.startsWith(arg);
    case 'suffix':
      return text !== undefined && typeof arg === 'string' && text.endsWith(arg);
    case 'equals-ignore-case':
      return text !== undefined && typeof arg === 'string' && text.toLowerCase() === arg.toLowerCase();
    case 'wildcard':
      return text !== undefined && typeof arg === 'string' && compileGlob(arg).test(text);
    case 'anything-but': {
      const excluded = Array.isArray(arg) ? arg : [arg];
      return !excluded.some((x) => matchesOne(x, value));
    }
    case 'numeric':
      return typeof value === 'number' && Array.isArray(arg) && numericRange(arg, value);
    default:
      return false;
  }
}

function numericRange(spec: unknown[], value: number): boolean {
  for (let i = 0; i + 1 < spec.length; i += 2) {
    const [op, bound] = [spec[i], Number(spec[i + 1])];
    const ok = op === '=' ? value === bound : op === '<' ? value < bound : op === '<=' ? value <= bound : op === '>' ? value > bound : op === '>=' ? value >= bound : false;
    if (!ok) return false;
  }
  return true;
}
