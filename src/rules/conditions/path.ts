/**
 * Dot paths into a view ("Trail.EventSelectors[0].ReadWriteType"), the `$errors` map that says
 * which sections of the view (or of an array element) could not be collected, and the `$partial`
 * map of lists known only in part (the elements listed, plus the call that may hide more).
 */
import type { SectionError } from '../types.js';

export type PathSegment = string | number;

export interface ParsedPath {
  text: string;
  segments: PathSegment[];
  /** "A", "A.B", "A.B[0]", ...: every prefix, written as `$errors` keys are. */
  prefixes: string[];
}

const SEGMENT = /^([A-Za-z_$][A-Za-z0-9_$-]*)((?:\[\d+\])*)$/;

/** Parses a dot path; throws an Error with a readable message when it is not one. */
export function parsePath(text: string): ParsedPath {
  const segments: PathSegment[] = [];
  const prefixes: string[] = [];
  let prefix = '';
  for (const part of text.split('.')) {
    const m = SEGMENT.exec(part);
    if (!m) {
      throw new Error(`\`${text}\` is not a dot path (names separated by ".", numeric indexes like [0]; use \`query:\` for wildcards and filters)`);
    }
    segments.push(m[1]!);
    prefix = prefix ? `${prefix}.${m[1]}` : m[1]!;
    prefixes.push(prefix);
    for (const index of m[2]!.match(/\d+/g) ?? []) {
      segments.push(Number(index));
      prefix = `${prefix}[${index}]`;
      prefixes.push(prefix);
    }
  }
  return { text, segments, prefixes };
}

export function readPath(data: unknown, segments: readonly PathSegment[]): unknown {
  let current = data;
  for (const segment of segments) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

/** The `$errors` (or `$partial`) map of a view or array element; undefined when it has none. */
function errorMap(scope: unknown, key: '$errors' | '$partial'): Record<string, SectionError> | undefined {
  if (scope === null || typeof scope !== 'object') return undefined;
  const errors = (scope as Record<string, unknown>)[key];
  return errors !== null && typeof errors === 'object' ? (errors as Record<string, SectionError>) : undefined;
}

/** The `$errors` map of a view or array element: section path → the call that failed. */
export function sectionErrors(scope: unknown): Record<string, SectionError> | undefined {
  return errorMap(scope, '$errors');
}

/** The `$partial` map of a view or array element: list path → the call that may hide more elements. */
export function partialLists(scope: unknown): Record<string, SectionError> | undefined {
  return errorMap(scope, '$partial');
}

/** The call that may hide more elements of the list at `text` (a key of `$partial`), if the list is partial. */
export function partialList(scope: unknown, text: string): SectionError | undefined {
  return errorMap(scope, '$partial')?.[text];
}

/**
 * What makes reading `path` in `scope` an error: a collection error on the path or a prefix of
 * it, or a partial list on the path or a prefix (a plain read of a partial list, its length or
 * an index, is not known). A quantifier passes `listOk` to read a partial list at `path` itself
 * element by element (open-world: quantifier.ts).
 */
export function errorCovering(scope: unknown, path: ParsedPath, listOk = false): SectionError | undefined {
  if (scope === null || typeof scope !== 'object') return undefined;
  const errors = (scope as Record<string, unknown>).$errors as Record<string, SectionError> | undefined;
  const partials = (scope as Record<string, unknown>).$partial as Record<string, SectionError> | undefined;
  // Most scopes read completely: they have no maps or empty ones, and one check of that beats a lookup per prefix.
  if ((errors === undefined || isEmpty(errors)) && (partials === undefined || isEmpty(partials))) return undefined;
  const { prefixes } = path;
  // The last prefix is the path itself.
  const last = prefixes.length - 1;
  for (let i = 0; i <= last; i++) {
    const prefix = prefixes[i]!;
    const error = errors?.[prefix] ?? (listOk && i === last ? undefined : partials?.[prefix]);
    if (error) return error;
  }
  return undefined;
}

function isEmpty(map: Record<string, SectionError> | undefined): boolean {
  for (const _ in map) return false;
  return true;
}
