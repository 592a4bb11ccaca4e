/** `not_empty`: a string, array or object with at least one character, element or key. */
import type { Operator } from './operator.js';
import { sizeOf } from './size.js';

export const notEmpty: Operator = {
  name: 'not_empty',
  accepts: ['string', 'array', 'object'],
  missing: false,
  operand: null,
  compare: (actual) => sizeOf(actual) > 0,
};
