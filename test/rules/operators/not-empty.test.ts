import { describe, expect, it } from 'vitest';
import { leaf } from '../condition-harness.js';

describe('not_empty', () => {
  it('holds with at least one character, element or key', () => {
    expect(leaf('not_empty', 'a')).toBe(true);
    expect(leaf('not_empty', [0])).toBe(true);
    expect(leaf('not_empty', { k: 1 })).toBe(true);
  });
  it('does not hold for empty or absent', () => {
    expect(leaf('not_empty', [])).toBe(false);
    expect(leaf('not_empty', undefined)).toBe(false);
  });
  it('a boolean is a run-time type error', () => expect(leaf('not_empty', true)).toBe('error'));
});
