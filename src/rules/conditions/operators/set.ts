/** Set membership by deep equality, shared by the set operators. */
import { isDeepStrictEqual } from 'node:util';

/** The elements of `from` that are (keep = true) or are not (keep = false) in `other`. */
export function elementsIn(from: unknown[], other: unknown[], keep: boolean): unknown[] {
  return from.filter((e) => other.some((o) => isDeepStrictEqual(e, o)) === keep);
}
