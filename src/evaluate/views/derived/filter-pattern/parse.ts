/**
 * The JSON filter pattern grammar, by recursive descent:
 *   pattern  := '{' or '}'
 *   or       := and ('||' and)*
 *   and      := primary ('&&' primary)*          (&& binds tighter than ||)
 *   primary  := '(' or ')' | selector test
 *   test     := comparator value | IS (NULL|TRUE|FALSE) | [NOT] EXISTS
 * Anything else (a term pattern, a space-delimited `[...]` pattern, a syntax error) is "not a
 * recognised pattern", returned as data and never thrown.
 */
import { compileLinearRegex } from '../../../../util/linear-regex.js';
import type { Literal, ParseResult, PatternNode, PresenceTest } from './syntax.js';
import { tokenize, type Token } from './tokenize.js';

class PatternSyntaxError extends Error {}

export function parseFilterPattern(text: string): ParseResult {
  const lexed = tokenize(text);
  if (!lexed.ok) return notRecognised(lexed.error);
  const tokens = lexed.tokens;
  if (tokens[0]?.text !== '{') return notRecognised('only JSON filter patterns (`{ $.field = value }`) are understood');
  let pos = 1;
  const peek = (): Token | undefined => tokens[pos];
  const take = (): Token => {
    const token = tokens[pos];
    if (!token) throw new PatternSyntaxError('the pattern ends too early');
    pos += 1;
    return token;
  };
  const expect = (text: string): void => {
    const token = take();
    if (token.text !== text) throw new PatternSyntaxError(`expected \`${text}\` at character ${token.at + 1}, found \`${token.text}\``);
  };

  function junction(kind: 'and' | 'or', operator: string, operand: () => PatternNode): PatternNode {
    const children = [operand()];
    while (peek()?.type === 'punct' && peek()?.text === operator) {
      take();
      children.push(operand());
    }
    return children.length === 1 ? children[0]! : { kind, children };
  }
  const or = (): PatternNode => junction('or', '||', and);
  const and = (): PatternNode => junction('and', '&&', primary);

  function primary(): PatternNode {
    const token = take();
    if (token.text === '(' && token.type === 'punct') {
      const inner = or();
      expect(')');
      return inner;
    }
    if (token.type !== 'selector') throw new PatternSyntaxError(`expected a property selector ($.field) at character ${token.at + 1}, found \`${token.text}\``);
    return test(token.text);
  }

  function test(selector: string): PatternNode {
    const token = take();
    if (token.type === 'op') return { kind: 'compare', selector, op: token.text, value: literal() };
    const word = token.type === 'word' ? token.text.toUpperCase() : '';
    if (word === 'IS') {
      const what = take();
      const presence = { NULL: 'null', TRUE: 'true', FALSE: 'false' }[what.type === 'word' ? what.text.toUpperCase() : ''] as PresenceTest | undefined;
      if (!presence) throw new PatternSyntaxError(`expected NULL, TRUE or FALSE after IS at character ${what.at + 1}`);
      return { kind: 'presence', selector, test: presence };
    }
    if (word === 'EXISTS') return { kind: 'presence', selector, test: 'exists' };
    if (word === 'NOT') {
      const what = take();
      if (what.type !== 'word' || what.text.toUpperCase() !== 'EXISTS') throw new PatternSyntaxError(`expected EXISTS after NOT at character ${what.at + 1}`);
      return { kind: 'presence', selector, test: 'not-exists' };
    }
    throw new PatternSyntaxError(`expected a comparator (=, !=, <, >, <=, >=), IS or [NOT] EXISTS after ${selector}, found \`${token.text}\``);
  }

  function literal(): Literal {
    const token = take();
    if (token.type === 'string') return { kind: 'text', text: token.text, quoted: true };
    if (token.type === 'word') return { kind: 'text', text: token.text, quoted: false };
    if (token.type === 'regex') {
      try {
        compileLinearRegex(token.text);
      } catch {
        throw new PatternSyntaxError(`invalid regular expression %${token.text}%`);
      }
      return { kind: 'regex', source: token.text };
    }
    throw new PatternSyntaxError(`expected a value at character ${token.at + 1}, found \`${token.text}\``);
  }

  try {
    const tree = or();
    expect('}');
    const rest = peek();
    if (rest) throw new PatternSyntaxError(`unexpected \`${rest.text}\` after the closing brace`);
    return { ok: true, tree };
  } catch (error) {
    if (error instanceof PatternSyntaxError) return notRecognised(error.message);
    throw error;
  }
}

function notRecognised(reason: string): ParseResult {
  return { ok: false, error: `not a recognised pattern: ${reason}` };
}
