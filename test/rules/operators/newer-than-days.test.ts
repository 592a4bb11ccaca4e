import { describe, expect, it } from 'vitest';
import { leaf } from '../condition-harness.js';

describe('newer_than_days (relative to the scan time)', () => {
  const scanTime = new Date('2026-01-01T00:00:00Z');
  it('holds when the time is less than N days before the scan', () => {
    expect(leaf('newer_than_days', '2025-12-31T12:00:00Z', 1, { scanTime })).toBe(true);
    expect(leaf('newer_than_days', '2025-12-30T12:00:00Z', 1, { scanTime })).toBe(false);
  });
  it('an absent time is not recent', () => expect(leaf('newer_than_days', undefined, 1, { scanTime })).toBe(false));
});
