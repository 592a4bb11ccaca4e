/**
 * "The filter contains the benchmark's clauses" (the superset-ok strictness): the filter has
 * the benchmark's shape, with extra alternatives allowed in any `||`. Extra alternatives only
 * widen what the filter catches; an extra `&&` clause narrows it, so it is not allowed.
 * Both trees are compared in canonical form, so order, quoting and whitespace do not matter.
 */
import { canonicalKey, normalize } from './canonical.js';
import type { PatternNode } from './syntax.js';

export function containsPattern(benchmark: PatternNode, filter: PatternNode): boolean {
  return covers(normalize(benchmark), normalize(filter));
}

function covers(want: PatternNode, have: PatternNode): boolean {
  if (want.kind === 'or') {
    // Every wanted alternative is one of the filter's alternatives (or the filter itself).
    const alternatives = have.kind === 'or' ? have.children : [have];
    return want.children.every((w) => alternatives.some((h) => covers(w, h)));
  }
  // A wanted clause inside a wider `||` of the filter: one of its alternatives must be it.
  if (have.kind === 'or') return have.children.some((h) => covers(want, h));
  if (want.kind === 'and') {
    if (have.kind !== 'and' || have.children.length !== want.children.length) return false;
    return matchAll(want.children, have.children);
  }
  return canonicalKey(want) === canonicalKey(have);
}

/** A one-to-one pairing of wanted and found clauses (backtracking; clause lists are short). */
function matchAll(want: PatternNode[], have: PatternNode[]): boolean {
  if (want.length === 0) return true;
  const [first, ...rest] = want;
  return have.some((h, i) => covers(first!, h) && matchAll(rest, [...have.slice(0, i), ...have.slice(i + 1)]));
}
