import { describe, expect, it } from 'vitest';
import { leaf } from '../condition-harness.js';

describe('not_equals', () => {
  it('is the negation of equals', () => {
    expect(leaf('not_equals', 'ReadOnly', 'All')).toBe(true);
    expect(leaf('not_equals', [{ a: 1 }], [{ a: 1 }])).toBe(false);
  });
  it('an absent value is not equal to anything', () => expect(leaf('not_equals', undefined, 'All')).toBe(true));
});
