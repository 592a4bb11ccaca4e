/** `ends_with`: the string read ends with the operand. */
import type { Operator } from './operator.js';

export const endsWith: Operator = {
  name: 'ends_with',
  accepts: ['string'],
  missing: false,
  operand: ['string'],
  compare: (actual, suffix) => (actual as string).endsWith(suffix as string),
};
