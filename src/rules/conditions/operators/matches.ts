/** `matches`: the whole string read matches the regular expression (RE2 syntax, linear time, anchored at both ends). */
import { compileLinearRegex, RegexSyntaxError, type LinearRegex } from '../../../util/linear-regex.js';
import { OperandError, type Operator } from './operator.js';

export const matches: Operator = {
  name: 'matches',
  accepts: ['string'],
  missing: false,
  operand: ['string'],
  prepare(pattern) {
    try {
      return compileLinearRegex(pattern as string);
    } catch (error) {
      if (!(error instanceof RegexSyntaxError)) throw error;
      throw new OperandError(`invalid regular expression ${JSON.stringify(pattern)} (RE2 syntax: no backreferences or lookarounds): ${error.message}`);
    }
  },
  compare: (actual, regex) => (regex as LinearRegex).matchesWhole(actual as string),
};
