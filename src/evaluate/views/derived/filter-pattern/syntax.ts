/**
 * The syntax tree of a CloudWatch Logs JSON filter pattern (`{ ($.eventName = X) || ... }`).
 * Only the JSON form is modelled: it is the only one that can select CloudTrail record fields.
 */

export type Comparator = '=' | '!=' | '<' | '>' | '<=' | '>=';

/** A value on the right of a comparator: text (quoted or bare, `*` is a wildcard) or a `%regex%`. */
export type Literal = { kind: 'text'; text: string; quoted: boolean } | { kind: 'regex'; source: string };

/** `IS NULL`, `IS TRUE`, `IS FALSE`, `EXISTS`, `NOT EXISTS`. */
export type PresenceTest = 'null' | 'true' | 'false' | 'exists' | 'not-exists';

export type PatternNode =
  { kind: 'and' | 'or'; children: PatternNode[] } | { kind: 'compare'; selector: string; op: Comparator; value: Literal } | { kind: 'presence'; selector: string; test: PresenceTest };

/** Parsing never throws: a pattern trailguard cannot read is reported, and matches nothing. */
export type ParseResult = { ok: true; tree: PatternNode } | { ok: false; error: string };
