import { describe, expect, it } from 'vitest';
import { leaf, problemsOf } from '../condition-harness.js';

describe('contains', () => {
  it('finds a substring in a string', () => {
    expect(leaf('contains', 'cloudtrail.amazonaws.com', 'cloudtrail')).toBe(true);
    expect(leaf('contains', 'kms.amazonaws.com', 'cloudtrail')).toBe(false);
  });
  it('finds an equal element in an array, deeply', () => {
    expect(
      leaf(
        'contains',
        [
          ['a', 1],
          ['b', 2],
        ],
        ['b', 2],
      ),
    ).toBe(true);
    expect(leaf('contains', [{ Field: 'eventCategory' }], { path: 'want' })).toBe(false);
  });
  it('an object literal is a load-time error (objects come from {param} or {path})', () =>
    expect(problemsOf({ path: 'v', op: 'contains', value: { Field: 'x' } })).toEqual(['4:3: `value` must be a literal, {param: name} or {path: p}']));
  it('finds a scalar element in an array', () => expect(leaf('contains', ['a', 'b'], 'b')).toBe(true));
  it('a string cannot contain a number: run-time error', () => expect(leaf('contains', 'abc', 1)).toBe('error'));
});
