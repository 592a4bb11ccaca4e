/**
 * Three-valued logic over condition outcomes (true, false, error):
 * - all: false if any child is false, else error if any child is error, else true;
 * - any: true if any child is true, else error if any child is error, else false;
 * - not: swaps true and false, keeps error.
 * A false answer that does not depend on the unreadable data is still a real failure,
 * and a true answer that does not depend on it is still a real pass.
 */
import type { ConditionFailure, ConditionOutcome, SectionError } from '../types.js';

export const TRUE: ConditionOutcome = { value: true, failures: [] };

export function falseWith(failures: ConditionFailure[]): ConditionOutcome {
  return { value: false, failures };
}

export function errorAt(path: string, error: SectionError): ConditionOutcome {
  return { value: 'error', error, path };
}

/** An error that is trailguard's reading of the data, not a failed API call (wrong type, bad query result). */
export function evaluationError(path: string, message: string): ConditionOutcome {
  return errorAt(path, { service: 'trailguard', operation: 'evaluate', errorName: 'TypeMismatch', message: `${path}: ${message}` });
}

export function allOf(outcomes: ConditionOutcome[]): ConditionOutcome {
  let error: ConditionOutcome | undefined;
  let failures: ConditionFailure[] | undefined;
  for (const o of outcomes) {
    if (o.value === false) failures = failures ? failures.concat(o.failures) : o.failures;
    else if (o.value === 'error') error ??= o;
  }
  if (failures) return falseWith(failures);
  return error ?? TRUE;
}

export function anyOf(outcomes: ConditionOutcome[]): ConditionOutcome {
  let error: ConditionOutcome | undefined;
  const failures: ConditionFailure[] = [];
  for (const o of outcomes) {
    if (o.value === true) return TRUE;
    if (o.value === 'error') error ??= o;
    else failures.push(...o.failures);
  }
  return error ?? falseWith(failures);
}

/** Gives failures without their own `because` the enclosing condition's one. */
export function withBecause(failures: ConditionFailure[], because: string | undefined): ConditionFailure[] {
  if (because === undefined) return failures;
  return failures.map((f) => (f.because === undefined ? { ...f, because } : f));
}
