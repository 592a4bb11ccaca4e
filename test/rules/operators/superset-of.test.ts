import { describe, expect, it } from 'vitest';
import { evaluateCondition, leaf, problemsOf } from '../condition-harness.js';

describe('superset_of', () => {
  it('holds when every required element is present', () => expect(leaf('superset_of', ['a', 'b', 'c'], ['a', 'c'])).toBe(true));
  it('lists the missing elements', () => {
    const outcome = evaluateCondition({ path: 'v', op: 'superset_of', value: ['a', 'b'] }, { v: ['a'] });
    expect(outcome.value === false && outcome.failures[0]?.offending).toEqual(['b']);
  });
  it('an absent array contains nothing', () => expect(leaf('superset_of', undefined, ['a'])).toBe(false));
  it('a scalar operand is a load-time error', () => expect(problemsOf({ path: 'v', op: 'superset_of', value: 'a' })).toEqual(['3:8: `superset_of` needs a array value, found string "a"']));
});
