/** `not_in`: the scalar read is none of the operand's elements; an absent value is in no list. */
import { isDeepStrictEqual } from 'node:util';
import type { Operator } from './operator.js';

export const notIn: Operator = {
  name: 'not_in',
  accepts: ['string', 'number', 'boolean'],
  missing: true,
  operand: ['array'],
  compare: (actual, expected) => !(expected as unknown[]).some((e) => isDeepStrictEqual(e, actual)),
};
