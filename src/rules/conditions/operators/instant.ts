/** ISO-8601 instants, shared by the order and time operators. */
import { OperandError } from './operator.js';

const ISO_8601 = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Milliseconds since the epoch; throws OperandError for anything but an ISO-8601 date or date-time. */
export function toInstant(value: unknown): number {
  if (typeof value === 'string' && ISO_8601.test(value)) {
    // A time without an offset is UTC, as a date alone is: never the machine's time zone.
    const m = ISO_8601.exec(value)!;
    const ms = Date.parse(m[1] && !m[4] ? `${value.replace(' ', 'T')}Z` : value.replace(' ', 'T'));
    if (!Number.isNaN(ms)) return ms;
  }
  throw new OperandError(`expected an ISO-8601 date or time, found ${JSON.stringify(value)}`);
}

export const DAY_MS = 86_400_000;
