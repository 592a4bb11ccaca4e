import { describe, expect, it } from 'vitest';
import { leaf } from '../condition-harness.js';

describe('lt', () => {
  it('orders numbers', () => {
    expect(leaf('lt', 89, 90)).toBe(true);
    expect(leaf('lt', 90, 90)).toBe(false);
  });
  it('orders ISO-8601 instants', () => expect(leaf('lt', '2024-12-31T23:59:59Z', '2025-01-01')).toBe(true));
  it('reads the bound from a parameter', () => expect(leaf('lt', 30, { param: 'days' }, { parameters: { days: 90 } })).toBe(true));
});
