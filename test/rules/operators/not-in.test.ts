import { describe, expect, it } from 'vitest';
import { leaf } from '../condition-harness.js';

describe('not_in', () => {
  it('holds when the scalar is none of the listed values', () => {
    expect(leaf('not_in', 'STANDARD', ['GLACIER'])).toBe(true);
    expect(leaf('not_in', 'GLACIER', ['GLACIER'])).toBe(false);
  });
  it('an absent value is in no list', () => expect(leaf('not_in', undefined, ['GLACIER'])).toBe(true));
  it('an object read is a run-time type error', () => expect(leaf('not_in', { a: 1 }, ['a'])).toBe('error'));
});
