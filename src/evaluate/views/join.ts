/** Joining a referenced resource (a trail's bucket, key, log group) found in any account of the inventory. */
import type { ApiError } from '../../inventory/types.js';
import type { SectionError } from '../../rules/types.js';
import { toSectionError, type SectionErrors } from './derived/errors.js';

export interface Joined<T> {
  value?: T;
  errors: SectionErrors;
}

/**
 * The referenced record with its own section errors; when no account holds it, the error of the call
 * that failed to read it, or a NotCollected error: never a silent absence a rule could read as
 * "not configured".
 */
export function join<T>(section: string, value: T | undefined, sectionErrorsOf: () => SectionErrors, failedReads: readonly ApiError[], notCollected: () => SectionError): Joined<T> {
  if (value !== undefined) return { value, errors: sectionErrorsOf() };
  const failed = failedReads[0];
  return { errors: { [section]: failed ? toSectionError(failed) : notCollected() } };
}
