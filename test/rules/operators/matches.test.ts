import { describe, expect, it } from 'vitest';
import { leaf, problemsOf } from '../condition-harness.js';

describe('matches (anchored regex)', () => {
  it('matches the whole string, not a part of it', () => {
    expect(leaf('matches', 'org-trail', 'org-.*')).toBe(true);
    expect(leaf('matches', 'my-org-trail', 'org-.*')).toBe(false);
    expect(leaf('matches', 'org-trail-old', 'org-trail')).toBe(false);
  });
  it('alternation stays anchored', () => expect(leaf('matches', 'xa', 'a|b')).toBe(false));
  it('an invalid regex is a load-time error at the value', () => expect(problemsOf({ path: 'v', op: 'matches', value: '(' })[0]).toMatch(/^3:8: invalid regular expression "\("/));
  it('a number operand is a load-time error', () => expect(problemsOf({ path: 'v', op: 'matches', value: 5 })).toEqual(['3:8: `matches` needs a string value, found number 5']));
  it('a regex from a parameter is compiled at run time; an invalid one is an error outcome', () => expect(leaf('matches', 'a', { param: 're' }, { parameters: { re: '[' } })).toBe('error'));
});
