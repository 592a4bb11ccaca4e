/** Splits a JSON filter pattern into tokens; whitespace is insignificant outside quotes. */

export type Token =
  | { type: 'punct'; text: '{' | '}' | '(' | ')' | '&&' | '||'; at: number }
  | { type: 'op'; text: '=' | '!=' | '<' | '>' | '<=' | '>='; at: number }
  | { type: 'selector'; text: string; at: number }
  | { type: 'string'; text: string; at: number }
  | { type: 'regex'; text: string; at: number }
  | { type: 'word'; text: string; at: number };

export type Tokens = { ok: true; tokens: Token[] } | { ok: false; error: string };

const PUNCT = ['&&', '||', '{', '}', '(', ')'] as const;
const OPS = ['!=', '<=', '>=', '=', '<', '>'] as const;
/** A bare word (an unquoted value or keyword) runs until whitespace or a character with syntax meaning. */
const WORD = /[^\s(){}"&|=!<>%]+/y;
/** `$` then dotted names and `[n]` / `[*]` indexes. */
const SELECTOR = /\$(?:\.[A-Za-z0-9_@:-]+|\[(?:\d+|\*)\])*/y;

export function tokenize(text: string): Tokens {
  const tokens: Token[] = [];
  let i = 0;
  const fail = (message: string): Tokens => ({ ok: false, error: `${message} at character ${i + 1}` });
  while (i < text.length) {
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      i += 1;
      continue;
    }
    const punct = PUNCT.find((p) => text.startsWith(p, i));
    if (punct) {
      tokens.push({ type: 'punct', text: punct, at: i });
      i += punct.length;
      continue;
    }
    const op = OPS.find((o) => text.startsWith(o, i));
    if (op) {
      tokens.push({ type: 'op', text: op, at: i });
      i += op.length;
      continue;
    }
    if (ch === '"') {
      const end = closingQuote(text, i + 1);
      if (end < 0) return fail('unterminated quoted value');
      tokens.push({ type: 'string', text: text.slice(i + 1, end).replace(/\\(.)/g, '$1'), at: i });
      i = end + 1;
      continue;
    }
    if (ch === '%') {
      const end = text.indexOf('%', i + 1);
      if (end < 0) return fail('unterminated %regex%');
      tokens.push({ type: 'regex', text: text.slice(i + 1, end), at: i });
      i = end + 1;
      continue;
    }
    if (ch === '$') {
      SELECTOR.lastIndex = i;
      const m = SELECTOR.exec(text);
      if (!m || m[0] === '$') return fail('a property selector must look like $.field.sub[0]');
      tokens.push({ type: 'selector', text: m[0], at: i });
      i += m[0].length;
      continue;
    }
    WORD.lastIndex = i;
    const m = WORD.exec(text);
    if (!m) return fail(`unexpected \`${ch}\``);
    tokens.push({ type: 'word', text: m[0], at: i });
    i += m[0].length;
  }
  return { ok: true, tokens };
}

function closingQuote(text: string, from: number): number {
  for (let j = from; j < text.length; j += 1) {
    if (text[j] === '\\') j += 1;
    else if (text[j] === '"') return j;
  }
  return -1;
}
