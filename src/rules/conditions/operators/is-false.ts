/** `is_false`: the boolean read is false. An absent flag is not false: use `not: {op: is_true}` for "not on". */
import type { Operator } from './operator.js';

export const isFalse: Operator = {
  name: 'is_false',
  accepts: ['boolean'],
  missing: false,
  operand: null,
  compare: (actual) => actual === false,
};
