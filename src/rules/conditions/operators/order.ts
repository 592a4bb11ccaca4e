/** Shared by gt/gte/lt/lte: numbers compare as numbers, ISO-8601 strings as instants, never mixed. */
import { toInstant } from './instant.js';
import { OperandError, type Operator } from './operator.js';

export function orderOperator(name: string, holds: (difference: number) => boolean): Operator {
  return {
    name,
    accepts: ['number', 'string'],
    missing: false,
    operand: ['number', 'string'],
    prepare: (value) => (typeof value === 'string' ? (toInstant(value), value) : value),
    compare(actual, expected) {
      if (typeof actual !== typeof expected) {
        throw new OperandError(`cannot order ${typeof actual} ${JSON.stringify(actual)} against ${typeof expected} ${JSON.stringify(expected)}`);
      }
      if (typeof actual === 'number') return holds(actual - (expected as number));
      return holds(toInstant(actual) - toInstant(expected));
    },
  };
}
