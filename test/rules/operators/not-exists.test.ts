import { describe, expect, it } from 'vitest';
import { evaluateCondition, leaf } from '../condition-harness.js';

describe('not_exists', () => {
  it('holds for missing or null', () => {
    expect(leaf('not_exists', undefined)).toBe(true);
    expect(evaluateCondition({ path: 'v', op: 'not_exists' }, { v: null }).value).toBe(true);
  });
  it('does not hold for a present value', () => expect(leaf('not_exists', 'arn:aws:kms:us-east-1:111122223333:key/k')).toBe(false));
});
