/** `superset_of`: every operand element is in the array read; the offending elements are the missing ones. */
import type { Operator } from './operator.js';
import { elementsIn } from './set.js';

export const supersetOf: Operator = {
  name: 'superset_of',
  accepts: ['array'],
  missing: 'empty',
  operand: ['array'],
  compare(actual, expected) {
    const offending = elementsIn(expected as unknown[], actual as unknown[], false);
    return { matched: offending.length === 0, offending };
  },
};
