import { describe, expect, it } from 'vitest';
import { evaluateCondition, leaf } from '../condition-harness.js';

describe('exists', () => {
  it('holds for any present value, even false or empty', () => {
    expect(leaf('exists', false)).toBe(true);
    expect(leaf('exists', '')).toBe(true);
    expect(leaf('exists', [])).toBe(true);
  });
  it('does not hold for missing or null', () => {
    expect(leaf('exists', undefined)).toBe(false);
    expect(evaluateCondition({ path: 'v', op: 'exists' }, { v: null }).value).toBe(false);
  });
});
