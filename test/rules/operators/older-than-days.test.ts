import { describe, expect, it } from 'vitest';
import { leaf, problemsOf } from '../condition-harness.js';

describe('older_than_days (relative to the scan time, never the clock)', () => {
  const scanTime = new Date('2026-01-01T00:00:00Z');
  it('holds when the time is more than N days before the scan', () => {
    expect(leaf('older_than_days', '2025-09-01T00:00:00Z', 90, { scanTime })).toBe(true);
    expect(leaf('older_than_days', '2025-12-01T00:00:00Z', 90, { scanTime })).toBe(false);
  });
  it('moves with the scan time', () => expect(leaf('older_than_days', '2025-12-01T00:00:00Z', 90, { scanTime: new Date('2026-06-01T00:00:00Z') })).toBe(true));
  it('a non-time string is a run-time error', () => expect(leaf('older_than_days', 'last week', 1)).toBe('error'));
  it('a non-number operand is a load-time error', () =>
    expect(problemsOf({ path: 'v', op: 'older_than_days', value: '90' })).toEqual(['3:8: `older_than_days` needs a number value, found string "90"']));
});
