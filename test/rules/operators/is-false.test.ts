import { describe, expect, it } from 'vitest';
import { leaf } from '../condition-harness.js';

describe('is_false', () => {
  it('holds only for the boolean false', () => {
    expect(leaf('is_false', false)).toBe(true);
    expect(leaf('is_false', true)).toBe(false);
  });
  it('an absent flag is not false', () => expect(leaf('is_false', undefined)).toBe(false));
  it('a number is a run-time type error', () => expect(leaf('is_false', 0)).toBe('error'));
});
