/** `empty`: an absent value, "", [] or {}. */
import type { Operator } from './operator.js';
import { sizeOf } from './size.js';

export const empty: Operator = {
  name: 'empty',
  accepts: ['string', 'array', 'object'],
  missing: true,
  operand: null,
  compare: (actual) => sizeOf(actual) === 0,
};
