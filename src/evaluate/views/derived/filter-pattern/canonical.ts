/**
 * A filter pattern's canonical form: what it says, not how it was typed. Nested `&&`/`||` of
 * the same kind are flattened, duplicate clauses dropped, clauses sorted, and quoting and
 * whitespace forgotten, so `($.a = "X") || ($.a=Y)` and `{$.a = Y || $.a = X}` are equal.
 */
import type { Literal, PatternNode } from './syntax.js';

export function normalize(node: PatternNode): PatternNode {
  if (node.kind !== 'and' && node.kind !== 'or') return node;
  const flat = node.children.map(normalize).flatMap((c) => (c.kind === node.kind ? c.children : [c]));
  const byKey = new Map(flat.map((c) => [keyOf(c), c]));
  const children = [...byKey.keys()].sort().map((k) => byKey.get(k)!);
  return children.length === 1 ? children[0]! : { kind: node.kind, children };
}

/** A string equal for two patterns exactly when their canonical forms are equal. */
export function canonicalKey(node: PatternNode): string {
  return keyOf(normalize(node));
}

function keyOf(node: PatternNode): string {
  switch (node.kind) {
    case 'and':
    case 'or':
      return `${node.kind}(${node.children.map(keyOf).join(',')})`;
    case 'compare':
      return `${node.selector}${node.op}${literalKey(node.value)}`;
    case 'presence':
      return `${node.selector} is ${node.test}`;
  }
}

function literalKey(value: Literal): string {
  return value.kind === 'regex' ? `%${value.source}%` : JSON.stringify(value.text);
}
