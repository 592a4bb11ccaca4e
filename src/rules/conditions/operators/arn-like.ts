/** `arn_like`: the ARN read matches a glob where `*` matches any run of characters and nothing else is special. */
import { globToRegExp } from '../../glob.js';
import type { Operator } from './operator.js';

export const arnLike: Operator = {
  name: 'arn_like',
  accepts: ['string'],
  missing: false,
  operand: ['string'],
  prepare: (glob) => globToRegExp(glob as string),
  compare: (actual, regex) => (regex as RegExp).test(actual as string),
};
