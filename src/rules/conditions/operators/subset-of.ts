/** `subset_of`: every element read is in the operand; the offending elements are those that are not. */
import type { Operator } from './operator.js';
import { elementsIn } from './set.js';

export const subsetOf: Operator = {
  name: 'subset_of',
  accepts: ['array'],
  missing: 'empty',
  operand: ['array'],
  compare(actual, expected) {
    const offending = elementsIn(actual as unknown[], expected as unknown[], false);
    return { matched: offending.length === 0, offending };
  },
};
