/** `arn_like`: the ARN read matches a glob where `*` matches any run of characters and nothing else is special. */
import { compileGlob, type Glob } from '../../glob.js';
import type { Operator } from './operator.js';

export const arnLike: Operator = {
  name: 'arn_like',
  accepts: ['string'],
  missing: false,
  operand: ['string'],
  prepare: (glob) => compileGlob(glob as string),
  compare: (actual, glob) => (glob as Glob).test(actual as string),
};
