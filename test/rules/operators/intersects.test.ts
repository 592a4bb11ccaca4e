import { describe, expect, it } from 'vitest';
import { leaf } from '../condition-harness.js';

describe('intersects', () => {
  it('holds when one element is shared', () => {
    expect(leaf('intersects', ['us-east-1', 'eu-west-1'], ['eu-west-1'])).toBe(true);
    expect(leaf('intersects', ['us-east-1'], ['eu-west-1'])).toBe(false);
  });
  it('an absent array shares nothing', () => expect(leaf('intersects', undefined, ['a'])).toBe(false));
});
