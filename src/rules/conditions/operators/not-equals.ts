/** `not_equals`: the negation of `equals`; an absent value is not equal to anything. */
import { isDeepStrictEqual } from 'node:util';
import { ALL_TYPES, type Operator } from './operator.js';

export const notEquals: Operator = {
  name: 'not_equals',
  accepts: ALL_TYPES,
  missing: true,
  operand: ALL_TYPES,
  compare: (actual, expected) => !isDeepStrictEqual(actual, expected),
};
