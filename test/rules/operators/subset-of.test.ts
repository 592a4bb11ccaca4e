import { describe, expect, it } from 'vitest';
import { evaluateCondition, leaf } from '../condition-harness.js';

describe('subset_of', () => {
  it('holds when every element read is allowed', () => expect(leaf('subset_of', ['a'], ['a', 'b'])).toBe(true));
  it('lists the offending elements', () => {
    const outcome = evaluateCondition({ path: 'v', op: 'subset_of', value: ['a'] }, { v: ['a', 'x', 'y'] });
    expect(outcome.value).toBe(false);
    expect(outcome.value === false && outcome.failures[0]?.offending).toEqual(['x', 'y']);
  });
  it('an absent array is the empty set', () => expect(leaf('subset_of', undefined, ['a'])).toBe(true));
  it('a scalar read is a run-time type error', () => expect(leaf('subset_of', 'a', ['a'])).toBe('error'));
});
