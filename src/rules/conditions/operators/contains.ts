/** `contains`: a string read contains the operand string; an array read has an element equal to the operand. */
import { isDeepStrictEqual } from 'node:util';
import { ALL_TYPES, OperandError, type Operator } from './operator.js';

export const contains: Operator = {
  name: 'contains',
  accepts: ['string', 'array'],
  missing: false,
  operand: ALL_TYPES,
  compare(actual, expected) {
    if (Array.isArray(actual)) return actual.some((e) => isDeepStrictEqual(e, expected));
    if (typeof expected !== 'string') throw new OperandError(`a string can only contain a string, not ${JSON.stringify(expected)}`);
    return (actual as string).includes(expected);
  },
};
