/** `intersects`: the array read and the operand share at least one element. */
import type { Operator } from './operator.js';
import { elementsIn } from './set.js';

export const intersects: Operator = {
  name: 'intersects',
  accepts: ['array'],
  missing: 'empty',
  operand: ['array'],
  compare: (actual, expected) => elementsIn(actual as unknown[], expected as unknown[], true).length > 0,
};
