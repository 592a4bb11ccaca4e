import { describe, expect, it } from 'vitest';
import { leaf, problemsOf } from '../condition-harness.js';

describe('in', () => {
  it('holds when the scalar is one of the listed values', () => {
    expect(leaf('in', 'GLACIER', ['GLACIER', 'DEEP_ARCHIVE'])).toBe(true);
    expect(leaf('in', 'STANDARD_IA', ['GLACIER', 'DEEP_ARCHIVE'])).toBe(false);
  });
  it('an absent value is in no list', () => expect(leaf('in', undefined, ['a'])).toBe(false));
  it('an array read is a run-time type error, not false', () => expect(leaf('in', ['a'], ['a'])).toBe('error'));
  it('a non-list operand is a load-time error', () => expect(problemsOf({ path: 'v', op: 'in', value: 'GLACIER' })).toEqual(['3:8: `in` needs a array value, found string "GLACIER"']));
  it('reads the list from a parameter', () => expect(leaf('in', 'b', { param: 'names' }, { parameters: { names: ['a', 'b'] } })).toBe(true));
});
