/** `starts_with`: the string read begins with the operand. */
import type { Operator } from './operator.js';

export const startsWith: Operator = {
  name: 'starts_with',
  accepts: ['string'],
  missing: false,
  operand: ['string'],
  compare: (actual, prefix) => (actual as string).startsWith(prefix as string),
};
