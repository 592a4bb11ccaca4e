import { describe, expect, it } from 'vitest';
import { evaluateCondition, leaf, problemsOf } from '../condition-harness.js';

describe('equals', () => {
  it('compares scalars and structures deeply', () => {
    expect(leaf('equals', 'All', 'All')).toBe(true);
    expect(leaf('equals', 'ReadOnly', 'All')).toBe(false);
    expect(leaf('equals', [1, { a: 2 }], [1, { a: 2 }])).toBe(true);
    expect(leaf('equals', 1, '1')).toBe(false);
  });
  it('an absent value equals nothing', () => expect(leaf('equals', undefined, 'All')).toBe(false));
  it('needs a value at load time', () => expect(problemsOf({ path: 'v', op: 'equals' })).toEqual(['1:1: `equals` needs a `value` (string or number or boolean or array or object)']));
  it('reports expected and actual in the failure', () => {
    const outcome = evaluateCondition({ path: 'v', op: 'equals', value: 'All', because: 'must log all' }, { v: 'ReadOnly' });
    expect(outcome).toEqual({ value: false, failures: [{ because: 'must log all', path: 'v', op: 'equals', expected: 'All', actual: 'ReadOnly' }] });
  });
});
