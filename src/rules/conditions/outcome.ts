/**
 * Three-valued logic over condition answers (true, false, error):
 * - all: false if any child is false, else error if any child is error, else true;
 * - any: true if any child is true, else error if any child is error, else false;
 * - not: swaps true and false, keeps error.
 * A false answer that does not depend on the unreadable data is still a real failure,
 * and a true answer that does not depend on it is still a real pass.
 */
import type { ConditionFailure, ConditionOutcome, EvalContext, SectionError } from '../types.js';

export type ErrorOutcome = Extract<ConditionOutcome, { value: 'error' }>;

/** A condition's answer on one scope: true, false, or the error outcome naming what could not be read. */
export type Answer = boolean | ErrorOutcome;

/**
 * A compiled condition. Every rule runs `test` on every view, so it answers without building
 * anything; `explain` appends to `into` why `test` answered false on a scope (a fail verdict's
 * expected/actual details) and runs only then, reading the scope again.
 */
export interface Check {
  test(scope: unknown, ctx: EvalContext): Answer;
  explain(scope: unknown, ctx: EvalContext, into: ConditionFailure[]): void;
}

export const TRUE: ConditionOutcome = { value: true, failures: [] };

export function falseWith(failures: ConditionFailure[]): ConditionOutcome {
  return { value: false, failures };
}

export function errorAt(path: string, error: SectionError): ErrorOutcome {
  return { value: 'error', error, path };
}

/** An error that is trailguard's reading of the data, not a failed API call (wrong type, bad query result). */
export function evaluationError(path: string, message: string): ErrorOutcome {
  return errorAt(path, { service: 'trailguard', operation: 'evaluate', errorName: 'TypeMismatch', message: `${path}: ${message}` });
}

/** The outcome of a whole condition: its answer, with the failure details when it is false. */
export function outcomeOf(check: Check, scope: unknown, ctx: EvalContext): ConditionOutcome {
  const answer = check.test(scope, ctx);
  if (answer === true) return TRUE;
  if (answer === false) {
    const failures: ConditionFailure[] = [];
    check.explain(scope, ctx, failures);
    // A copy of the exact length: the array grown by push has room for 17, and every result keeps its failures.
    return falseWith(failures.slice());
  }
  return answer;
}

/** Gives the failures from index `from` on that have no `because` of their own the enclosing condition's one (each explanation builds its own failure objects). */
export function giveBecause(failures: ConditionFailure[], from: number, because: string | undefined): void {
  if (because === undefined) return;
  for (let i = from; i < failures.length; i++) if (failures[i]!.because === undefined) failures[i]!.because = because;
}
