/** `newer_than_days`: the ISO-8601 time read is less than N days before the scan time. */
import { DAY_MS, toInstant } from './instant.js';
import type { Operator } from './operator.js';

export const newerThanDays: Operator = {
  name: 'newer_than_days',
  accepts: ['string'],
  missing: false,
  operand: ['number'],
  compare: (actual, days, { scanTime }) => scanTime.getTime() - toInstant(actual) < (days as number) * DAY_MS,
};
