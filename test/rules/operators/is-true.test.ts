import { describe, expect, it } from 'vitest';
import { leaf, problemsOf } from '../condition-harness.js';

describe('is_true', () => {
  it('holds only for the boolean true', () => {
    expect(leaf('is_true', true)).toBe(true);
    expect(leaf('is_true', false)).toBe(false);
    expect(leaf('is_true', undefined)).toBe(false);
  });
  it('the string "true" is a run-time type error, not true', () => expect(leaf('is_true', 'true')).toBe('error'));
  it('takes no value', () => expect(problemsOf({ path: 'v', op: 'is_true', value: true })).toEqual(['3:8: `is_true` takes no `value`']));
});
