/** `disjoint`: the array read and the operand share no element; the offending elements are the shared ones. */
import type { Operator } from './operator.js';
import { elementsIn } from './set.js';

export const disjoint: Operator = {
  name: 'disjoint',
  accepts: ['array'],
  missing: 'empty',
  operand: ['array'],
  compare(actual, expected) {
    const offending = elementsIn(actual as unknown[], expected as unknown[], true);
    return { matched: offending.length === 0, offending };
  },
};
