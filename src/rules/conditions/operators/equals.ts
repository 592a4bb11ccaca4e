/** `equals`: deep equality with the operand (objects and arrays compared structurally). */
import { isDeepStrictEqual } from 'node:util';
import { ALL_TYPES, type Operator } from './operator.js';

export const equals: Operator = {
  name: 'equals',
  accepts: ALL_TYPES,
  missing: false,
  operand: ALL_TYPES,
  compare: (actual, expected) => isDeepStrictEqual(actual, expected),
};
