import { describe, expect, it } from 'vitest';
import { leaf } from '../condition-harness.js';

describe('gte', () => {
  it('orders numbers, equality included', () => {
    expect(leaf('gte', 2, 2)).toBe(true);
    expect(leaf('gte', 1, 2)).toBe(false);
  });
  it('orders dates as instants', () => expect(leaf('gte', '2025-01-01', '2025-01-01T00:00:00Z')).toBe(true));
  it('a boolean read is a run-time type error', () => expect(leaf('gte', true, 1)).toBe('error'));
});
