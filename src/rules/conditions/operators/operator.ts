/** The contract every leaf operator implements (one operator per file in this folder). */

export type JsonType = 'string' | 'number' | 'boolean' | 'array' | 'object';
export const ALL_TYPES: readonly JsonType[] = ['string', 'number', 'boolean', 'array', 'object'];

export interface OperatorContext {
  /** The scan time: time operators compare against it, never against the clock. */
  scanTime: Date;
}

export interface Comparison {
  matched: boolean;
  /** The elements that made a set operator fail, shown in the failure detail. */
  offending?: unknown[];
}

export interface Operator {
  readonly name: string;
  /** JSON types of the value read from the view. Any other present type is an `error` outcome. */
  readonly accepts: readonly JsonType[];
  /**
   * The outcome when the value read is absent (missing or null, and no collection error
   * explains it: absent means "not configured"), or 'empty' to compare it as [].
   */
  readonly missing: boolean | 'empty';
  /** JSON types the `value` operand may have; null when the operator takes no value. */
  readonly operand: readonly JsonType[] | null;
  /**
   * Checks and converts the operand once (a literal at load time, a parameter or path
   * value at run time). Throws OperandError when it cannot be used.
   */
  prepare?(value: unknown): unknown;
  /** Throws OperandError when the values cannot be compared (e.g. a non-ISO string for `gt`). */
  compare(actual: unknown, expected: unknown, ctx: OperatorContext): boolean | Comparison;
}

/** An operand or a value read from the view that the operator cannot use. */
export class OperandError extends Error {
  override name = 'OperandError';
}

/** The JSON type of a present value, or 'missing' for undefined and null. */
export function jsonType(value: unknown): JsonType | 'missing' {
  if (value === undefined || value === null) return 'missing';
  if (Array.isArray(value)) return 'array';
  const t = typeof value;
  if (t === 'string' || t === 'number' || t === 'boolean') return t;
  return 'object';
}
