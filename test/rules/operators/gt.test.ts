import { describe, expect, it } from 'vitest';
import { leaf, problemsOf } from '../condition-harness.js';

describe('gt', () => {
  it('orders numbers', () => {
    expect(leaf('gt', 3, 2)).toBe(true);
    expect(leaf('gt', 2, 2)).toBe(false);
  });
  it('orders ISO-8601 strings as instants, across offsets', () => {
    expect(leaf('gt', '2025-06-01T10:00:00+02:00', '2025-06-01T07:59:59Z')).toBe(true);
    expect(leaf('gt', '2025-06-01T10:00:00+02:00', '2025-06-01T08:00:00Z')).toBe(false);
  });
  it('a string literal that is not a time is a load-time error', () =>
    expect(problemsOf({ path: 'v', op: 'gt', value: 'ten' })).toEqual(['3:8: expected an ISO-8601 date or time, found "ten"']));
  it('a boolean literal is a load-time error', () => expect(problemsOf({ path: 'v', op: 'gt', value: true })).toEqual(['3:8: `gt` needs a number or string value, found boolean true']));
  it('a number read against a time, or a non-time string read, is a run-time error', () => {
    expect(leaf('gt', 5, '2025-01-01')).toBe('error');
    expect(leaf('gt', 'yesterday', '2025-01-01')).toBe('error');
  });
  it('an absent value is not greater', () => expect(leaf('gt', undefined, 1)).toBe(false));
});

describe('gt with times without an offset', () => {
  it('reads them as UTC, whatever the machine time zone', () => {
    expect(leaf('gt', '2025-06-01T08:00:01', '2025-06-01T08:00:00Z')).toBe(true);
    expect(leaf('gt', '2025-06-01 08:00:00', '2025-06-01T08:00:00Z')).toBe(false);
  });
});
