/**
 * The one advanced-event-selector evaluator. Basic selectors are translated into advanced ones
 * (basic-selectors.ts) so that every coverage question is answered here, once.
 *
 * Semantics (CloudTrail API reference, AdvancedEventSelector / AdvancedFieldSelector):
 * - a selector set selects an event when ANY selector does (OR across selectors);
 * - a selector selects an event when ALL of its field selectors match (AND within a selector);
 * - within one field selector, the positive operators (Equals, StartsWith, EndsWith) match when
 *   any of their values matches (absent positives: anything matches), and the negative operators
 *   (NotEquals, NotStartsWith, NotEndsWith) exclude every value they name.
 */
import type { AdvancedEventSelector, AdvancedFieldSelector } from '../../../inventory/types.js';

/** One event, as the field values a selector reads (eventCategory, readOnly, eventSource, resources.type, resources.ARN, ...). */
export type EventFields = Record<string, string | undefined>;

export function fieldSelectorMatches(fs: AdvancedFieldSelector, value: string | undefined): boolean {
  const hasPositive = fs.Equals !== undefined || fs.StartsWith !== undefined || fs.EndsWith !== undefined;
  if (value === undefined) return !hasPositive;
  const positive = !hasPositive || (fs.Equals ?? []).some((v) => value === v) || (fs.StartsWith ?? []).some((v) => value.startsWith(v)) || (fs.EndsWith ?? []).some((v) => value.endsWith(v));
  const excluded = (fs.NotEquals ?? []).some((v) => value === v) || (fs.NotStartsWith ?? []).some((v) => value.startsWith(v)) || (fs.NotEndsWith ?? []).some((v) => value.endsWith(v));
  return positive && !excluded;
}

export function selectorMatches(selector: AdvancedEventSelector, event: EventFields): boolean {
  return selector.FieldSelectors.every((fs) => fieldSelectorMatches(fs, event[fs.Field]));
}

/** Does this selector set select event X? */
export function selectsEvent(selectors: readonly AdvancedEventSelector[], event: EventFields): boolean {
  return selectors.some((s) => selectorMatches(s, event));
}

/**
 * A class of events: each listed field is pinned to one value (`equals`) or ranges over every
 * value starting with `prefix`; unlisted fields range over every value.
 */
export type FieldDomain = { equals: string } | { prefix: string };
export type EventClass = Record<string, FieldDomain>;

export interface ClassCoverage {
  /** The whole class is selected, apart from `exclusions`. */
  selected: boolean;
  /** What the selectors carve out of the class, on the tolerated fields: `value`, `prefix*` or `*suffix`. */
  exclusions: string[];
}

/**
 * Does this selector set select ALL events of a class? Exclusions on the fields named in
 * `tolerate` (eventSource for management events, resources.ARN for "all buckets") are reported
 * instead of making the answer false; any other narrowing makes it false.
 */
export function selectsAll(selectors: readonly AdvancedEventSelector[], eventClass: EventClass, tolerate: readonly string[] = []): ClassCoverage {
  const partial: string[][] = [];
  for (const selector of selectors) {
    const exclusions = selectorCoverage(selector, eventClass, tolerate);
    if (exclusions === undefined) continue;
    if (exclusions.length === 0) return { selected: true, exclusions: [] };
    partial.push(exclusions);
  }
  if (partial.length === 0) return { selected: false, exclusions: [] };
  // A value one selector excludes but another selects is covered: keep what every selector excludes,
  // then drop exact values that some (possibly narrower) selector brings back.
  const [first = [], ...rest] = partial;
  const common = first.filter((x) => rest.every((list) => list.includes(x)));
  const remaining = common.filter((x) => !isExactValue(x) || !reselected(selectors, eventClass, tolerate, x));
  return { selected: true, exclusions: [...new Set(remaining)].sort() };
}

/** Exclusions of one selector on the class, or undefined when it does not cover the class. */
function selectorCoverage(selector: AdvancedEventSelector, eventClass: EventClass, tolerate: readonly string[]): string[] | undefined {
  const exclusions: string[] = [];
  for (const fs of selector.FieldSelectors) {
    const domain = eventClass[fs.Field] ?? { prefix: '' };
    if ('equals' in domain) {
      if (!fieldSelectorMatches(fs, domain.equals)) return undefined;
      continue;
    }
    const carved = prefixDomainExclusions(fs, domain.prefix);
    if (carved === undefined) return undefined;
    if (carved.length > 0 && !tolerate.includes(fs.Field)) return undefined;
    exclusions.push(...carved);
  }
  return exclusions;
}

/** What a field selector leaves out of "every value starting with prefix", or undefined when it leaves out nearly all of it. */
function prefixDomainExclusions(fs: AdvancedFieldSelector, prefix: string): string[] | undefined {
  const hasPositive = fs.Equals !== undefined || fs.StartsWith !== undefined || fs.EndsWith !== undefined;
  // Only a StartsWith no longer than the prefix can select an unbounded set of values that contains the domain.
  if (hasPositive && !(fs.StartsWith ?? []).some((s) => prefix.startsWith(s))) return undefined;
  if ((fs.NotStartsWith ?? []).some((s) => prefix.startsWith(s))) return undefined;
  return [
    ...(fs.NotEquals ?? []).filter((v) => v.startsWith(prefix)),
    ...(fs.NotStartsWith ?? []).filter((s) => s.startsWith(prefix)).map((s) => `${s}*`),
    ...(fs.NotEndsWith ?? []).map((s) => `*${s}`),
  ];
}

function isExactValue(exclusion: string): boolean {
  return !exclusion.startsWith('*') && !exclusion.endsWith('*');
}

/** Whether the excluded exact value is selected anyway, for every pinned value of the class. */
function reselected(selectors: readonly AdvancedEventSelector[], eventClass: EventClass, tolerate: readonly string[], value: string): boolean {
  const event: EventFields = {};
  for (const [field, domain] of Object.entries(eventClass)) event[field] = 'equals' in domain ? domain.equals : undefined;
  return tolerate.some((field) => selectsEvent(selectors, { ...event, [field]: value }));
}
