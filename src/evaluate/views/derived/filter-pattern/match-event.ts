/**
 * Does a parsed filter pattern match one JSON log event (a CloudTrail record)? The semantics
 * trailguard assumes, where the CloudWatch Logs documentation is silent, lean to "no match":
 * a comparison (= or !=) needs the property to be present with a scalar value, so a filter
 * that relies on an absent field is never credited with catching an event.
 */
import { compileGlob } from '../../../../rules/glob.js';
import { compileLinearRegex, type LinearRegex } from '../../../../util/linear-regex.js';
import type { Literal, PatternNode, PresenceTest } from './syntax.js';

type Json = unknown;

export function matchesEvent(node: PatternNode, event: Json): boolean {
  switch (node.kind) {
    case 'and':
      return node.children.every((c) => matchesEvent(c, event));
    case 'or':
      return node.children.some((c) => matchesEvent(c, event));
    case 'presence':
      return select(event, node.selector).some((v) => presence(v, node.test));
    case 'compare': {
      const values = select(event, node.selector).filter(isScalar);
      if (node.op === '=') return values.some((v) => equalsLiteral(v, node.value));
      if (node.op === '!=') return values.some((v) => !equalsLiteral(v, node.value));
      const bound = node.value.kind === 'text' ? Number(node.value.text) : Number.NaN;
      if (Number.isNaN(bound)) return false;
      return values.some((v) => typeof v === 'number' && compareNumbers(v, node.op, bound));
    }
  }
}

function presence(value: Json, test: PresenceTest): boolean {
  switch (test) {
    case 'exists':
      return value !== undefined;
    case 'not-exists':
      return value === undefined;
    case 'null':
      return value === null;
    case 'true':
      return value === true;
    case 'false':
      return value === false;
  }
}

function isScalar(v: Json): v is string | number | boolean {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

function equalsLiteral(value: string | number | boolean, literal: Literal): boolean {
  const text = String(value);
  if (literal.kind === 'regex') return regexOf(literal.source).matchesPart(text);
  if (literal.text.includes('*')) return compileGlob(literal.text).test(text);
  if (typeof value === 'number' && !literal.quoted && literal.text.trim() !== '' && !Number.isNaN(Number(literal.text))) {
    return value === Number(literal.text);
  }
  return text === literal.text;
}

// The same few filter patterns are matched against every sample event: compile each once.
const regexes = new Map<string, LinearRegex>();
function regexOf(source: string): LinearRegex {
  let regex = regexes.get(source);
  if (!regex) regexes.set(source, (regex = compileLinearRegex(source)));
  return regex;
}

function compareNumbers(value: number, op: string, bound: number): boolean {
  if (op === '<') return value < bound;
  if (op === '>') return value > bound;
  if (op === '<=') return value <= bound;
  return value >= bound;
}

/**
 * The values a selector reaches: one for a plain path (undefined when absent), several through
 * a `[*]` index. The root `$` is the event itself.
 */
export function select(event: Json, selector: string): Json[] {
  let current: Json[] = [event];
  for (const [, name, index] of selector.slice(1).matchAll(/\.([^.[\]]+)|\[(\d+|\*)\]/g)) {
    current = current.flatMap((value): Json[] => {
      if (value === null || typeof value !== 'object') return [undefined];
      if (name !== undefined) return Array.isArray(value) ? [undefined] : [(value as Record<string, Json>)[name]];
      if (!Array.isArray(value)) return [undefined];
      return index === '*' ? value : [value[Number(index)]];
    });
  }
  return current;
}
