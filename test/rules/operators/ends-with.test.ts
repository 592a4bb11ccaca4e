import { describe, expect, it } from 'vitest';
import { leaf, problemsOf } from '../condition-harness.js';

describe('ends_with', () => {
  it('checks the suffix', () => {
    expect(leaf('ends_with', 'AWSLogs/111122223333/', '/')).toBe(true);
    expect(leaf('ends_with', 'AWSLogs', '/')).toBe(false);
  });
  it('a number operand is a load-time error', () => expect(problemsOf({ path: 'v', op: 'ends_with', value: 5 })).toEqual(['3:8: `ends_with` needs a string value, found number 5']));
});
