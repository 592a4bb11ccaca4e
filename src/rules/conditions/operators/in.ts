/** `in`: the scalar read is one of the operand's elements. */
import { isDeepStrictEqual } from 'node:util';
import type { Operator } from './operator.js';

export const inOperator: Operator = {
  name: 'in',
  accepts: ['string', 'number', 'boolean'],
  missing: false,
  operand: ['array'],
  compare: (actual, expected) => (expected as unknown[]).some((e) => isDeepStrictEqual(e, actual)),
};
