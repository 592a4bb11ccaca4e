import { describe, expect, it } from 'vitest';
import { evaluateCondition, leaf } from '../condition-harness.js';

describe('disjoint', () => {
  it('holds when nothing is shared', () => expect(leaf('disjoint', ['kms.amazonaws.com'], ['s3.amazonaws.com'])).toBe(true));
  it('lists the shared (offending) elements', () => {
    const outcome = evaluateCondition({ path: 'v', op: 'disjoint', value: ['kms.amazonaws.com', 'iam.amazonaws.com'] }, { v: ['kms.amazonaws.com', 's3.amazonaws.com'] });
    expect(outcome.value === false && outcome.failures[0]?.offending).toEqual(['kms.amazonaws.com']);
  });
  it('an absent array is disjoint from anything', () => expect(leaf('disjoint', undefined, ['a'])).toBe(true));
});
