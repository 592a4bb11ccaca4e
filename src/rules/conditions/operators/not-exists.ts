/** `not_exists`: the path holds no value (missing or null). */
import { ALL_TYPES, type Operator } from './operator.js';

export const notExists: Operator = {
  name: 'not_exists',
  accepts: ALL_TYPES,
  missing: true,
  operand: null,
  compare: () => false,
};
