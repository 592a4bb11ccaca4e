/** `matches`: the whole string read matches the regular expression (anchored at both ends). */
import { OperandError, type Operator } from './operator.js';

export const matches: Operator = {
  name: 'matches',
  accepts: ['string'],
  missing: false,
  operand: ['string'],
  prepare(pattern) {
    try {
      return new RegExp(`^(?:${pattern as string})$`, 'u');
    } catch (error) {
      throw new OperandError(`invalid regular expression ${JSON.stringify(pattern)}: ${(error as Error).message}`);
    }
  },
  compare: (actual, regex) => (regex as RegExp).test(actual as string),
};
