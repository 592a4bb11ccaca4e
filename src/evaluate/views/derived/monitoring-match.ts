/**
 * Does a metric filter pattern implement a CIS monitoring control? Three strictness levels:
 * - `exact-cis`: the filter says exactly what CIS prescribes for the version (Security Hub's
 *   check), in any order, quoting and whitespace;
 * - `superset-ok`: the filter contains CIS's clauses, with extra alternatives OR'd in (Prowler);
 * - `covers-events`: the filter matches every synthetic event the control names and none of
 *   its benign counterparts, however it is written.
 * Patterns are parsed once per text (metric filters repeat across accounts).
 */
import { BASE_EVENT, type ControlVariant, type EventSpec } from './cis-monitoring-controls.js';
import { canonicalKey } from './filter-pattern/canonical.js';
import { containsPattern } from './filter-pattern/contains.js';
import { matchesEvent } from './filter-pattern/match-event.js';
import { parseFilterPattern } from './filter-pattern/parse.js';
import type { ParseResult, PatternNode } from './filter-pattern/syntax.js';

export const STRICTNESS_LEVELS = ['exact-cis', 'superset-ok', 'covers-events'] as const;
export type Strictness = (typeof STRICTNESS_LEVELS)[number];

const parsed = new Map<string, ParseResult>();

function parsePatternCached(text: string): ParseResult {
  let result = parsed.get(text);
  if (!result) {
    result = parseFilterPattern(text);
    parsed.set(text, result);
  }
  return result;
}

/** A CloudTrail record for a synthetic event: the base call with the spec's fields over it. */
function syntheticEvent(spec: EventSpec): Record<string, unknown> {
  return { ...BASE_EVENT, ...spec };
}

function prescribed(variant: ControlVariant): PatternNode[] {
  return variant.patterns.map((text) => {
    const result = parsePatternCached(text);
    if (!result.ok) throw new Error(`CIS pattern of ${variant.key} does not parse: ${result.error}`);
    return result.tree;
  });
}

/** Whether an event matcher catches every event the control names and none of the benign ones. */
export function coversEvents(variant: ControlVariant, matches: (event: Record<string, unknown>) => boolean): boolean {
  return variant.match.every((e) => matches(syntheticEvent(e))) && !variant.ignore.some((e) => matches(syntheticEvent(e)));
}

function patternImplements(tree: PatternNode, variant: ControlVariant, strictness: Strictness): boolean {
  switch (strictness) {
    case 'exact-cis': {
      const key = canonicalKey(tree);
      return prescribed(variant).some((p) => canonicalKey(p) === key);
    }
    case 'superset-ok':
      return prescribed(variant).some((p) => containsPattern(p, tree));
    case 'covers-events':
      return coversEvents(variant, (event) => matchesEvent(tree, event));
  }
}

const verdicts = new Map<string, boolean>();

/** patternImplements for a pattern's text, memoised; a pattern that does not parse implements nothing. */
export function filterImplements(pattern: string | undefined, variant: ControlVariant, strictness: Strictness): boolean {
  if (pattern === undefined) return false;
  const memo = `${variant.key}\u0000${strictness}\u0000${pattern}`;
  let verdict = verdicts.get(memo);
  if (verdict === undefined) {
    const result = parsePatternCached(pattern);
    verdict = result.ok && patternImplements(result.tree, variant, strictness);
    verdicts.set(memo, verdict);
  }
  return verdict;
}
