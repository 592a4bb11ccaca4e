/**
 * A view field's value as the evaluator knows it: known, unknown (with the failed call that
 * caused it), or, for lists, partial (the elements known so far, plus the call that prevents
 * completeness). Derived facts are computed from their inputs through `derive`, so an unknown or
 * partial input makes the output unknown or partial without per-fact code, and nothing deletes an
 * error: a fact is only ever decided by what was read.
 */
import type { SectionError } from '../../rules/types.js';

export type Fact<T> = { state: 'known'; value: T } | { state: 'unknown'; error: SectionError } | { state: 'partial'; value: T; error: SectionError };

export const known = <T>(value: T): Fact<T> => ({ state: 'known', value });
export const unknown = <T>(error: SectionError): Fact<T> => ({ state: 'unknown', error });
/** A list with the elements read so far; `error` is the call whose failure may hide more. */
export const partial = <T>(value: T, error: SectionError): Fact<T> => ({ state: 'partial', value, error });

/** A list that is partial when `error` is set, else known. */
export function listFact<T>(value: T[], error: SectionError | undefined): Fact<T[]> {
  return error ? partial(value, error) : known(value);
}

/** A value that is unknown when `error` is set, else known. */
export function valueFact<T>(value: T, error: SectionError | undefined): Fact<T> {
  return error ? unknown(error) : known(value);
}

type Values<I extends readonly Fact<unknown>[]> = { [K in keyof I]: I[K] extends Fact<infer T> ? T : never };

export interface DeriveHow<O> {
  /**
   * What a partial input makes of the output:
   * - `partial`: the output only grows as inputs grow (a list of what some element has), so what
   *   the known elements give is part of the answer;
   * - `unknown`: anything else.
   */
  fromPartial: 'partial' | 'unknown';
  /** The output is settled whatever the missing elements are (every region is already covered). */
  decided?: (output: O) => boolean;
}

/**
 * Computes a fact from other facts. An unknown input makes the output unknown (the first
 * input's error); otherwise a partial input makes it partial or unknown as `how` says, unless
 * `decided` holds for the value computed from what is known.
 */
export function derive<const I extends readonly Fact<unknown>[], O>(inputs: I, compute: (...values: Values<I>) => O, how: DeriveHow<O>): Fact<O> {
  const missing = inputs.find((f): f is Extract<Fact<unknown>, { state: 'unknown' }> => f.state === 'unknown');
  if (missing) return unknown(missing.error);
  const output = compute(...(inputs.map((f) => (f as { value: unknown }).value) as Values<I>));
  const incomplete = inputs.find((f): f is Extract<Fact<unknown>, { state: 'partial' }> => f.state === 'partial');
  if (!incomplete || how.decided?.(output)) return known(output);
  return how.fromPartial === 'partial' ? partial(output, incomplete.error) : unknown(incomplete.error);
}

/** Where facts land in a view's data: the value at its path, the error in `$errors`, the incompleteness in `$partial`. */
export interface FactSink {
  $errors: Record<string, SectionError>;
  $partial: Record<string, SectionError>;
}

/**
 * Records `fact` at `path` (relative to the view data) and returns its value, if any, for the
 * data object. A path the sink already holds as unknown (a failed call, a live-only field) stays
 * unknown: nothing deletes an error.
 */
export function put<T>(sink: FactSink, path: string, fact: Fact<T>): T | undefined {
  if (sink.$errors[path]) return undefined;
  if (fact.state === 'unknown') {
    sink.$errors[path] ??= fact.error;
    return undefined;
  }
  if (fact.state === 'partial') sink.$partial[path] ??= fact.error;
  return fact.value;
}
