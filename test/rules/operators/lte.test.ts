import { describe, expect, it } from 'vitest';
import { leaf, problemsOf } from '../condition-harness.js';

describe('lte', () => {
  it('orders numbers, equality included', () => {
    expect(leaf('lte', 90, 90)).toBe(true);
    expect(leaf('lte', 91, 90)).toBe(false);
  });
  it('a parameter of the wrong type is a load-time error', () =>
    expect(problemsOf({ path: 'v', op: 'lte', value: { param: 'days' } }, { parameters: { days: [90] } })).toEqual([
      '4:3: `lte` needs a number or string value, but parameter `days` is a array',
    ]));
});
