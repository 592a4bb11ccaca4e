/** `is_true`: the boolean read is true (an absent flag is not true). */
import type { Operator } from './operator.js';

export const isTrue: Operator = {
  name: 'is_true',
  accepts: ['boolean'],
  missing: false,
  operand: null,
  compare: (actual) => actual === true,
};
