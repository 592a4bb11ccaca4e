import { describe, expect, it } from 'vitest';
import { leaf } from '../condition-harness.js';

describe('empty', () => {
  it('holds for "", [], {} and an absent value', () => {
    expect(leaf('empty', '')).toBe(true);
    expect(leaf('empty', [])).toBe(true);
    expect(leaf('empty', {})).toBe(true);
    expect(leaf('empty', undefined)).toBe(true);
  });
  it('does not hold with content', () => expect(leaf('empty', ['x'])).toBe(false));
  it('a number is a run-time type error', () => expect(leaf('empty', 0)).toBe('error'));
});
