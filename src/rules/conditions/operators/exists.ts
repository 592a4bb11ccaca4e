/** `exists`: the path holds a value (not missing, not null). */
import { ALL_TYPES, type Operator } from './operator.js';

export const exists: Operator = {
  name: 'exists',
  accepts: ALL_TYPES,
  missing: false,
  operand: null,
  compare: () => true,
};
