/**
 * Regular expressions from outside (rule authors' `matches`, CloudWatch Logs filter patterns)
 * run on RE2 (the pure-JavaScript port re2js): matching time is linear in the input, so no
 * pattern can make a scan hang the way `(a+)+b` does on a backtracking engine. RE2 has no
 * backreferences or lookaheads; a pattern using them is refused where it is loaded.
 */
import { RE2JS } from 're2js';

export interface LinearRegex {
  /** The pattern matches the whole text (anchored at both ends). */
  matchesWhole(text: string): boolean;
  /** The pattern matches somewhere in the text. */
  matchesPart(text: string): boolean;
}

/** A pattern RE2 cannot compile; the message says why (`invalid escape sequence: \1`). */
export class RegexSyntaxError extends Error {
  override name = 'RegexSyntaxError';
}

export function compileLinearRegex(pattern: string): LinearRegex {
  let re: RE2JS;
  try {
    re = RE2JS.compile(pattern);
  } catch (error) {
    throw new RegexSyntaxError((error as Error).message.replace(/^error parsing regexp: /, ''));
  }
  return { matchesWhole: (text) => re.testExact(text), matchesPart: (text) => re.test(text) };
}
