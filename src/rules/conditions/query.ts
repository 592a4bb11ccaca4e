/** The `query:` escape hatch: a JMESPath expression compiled once, when the rule loads. */
import { compile, TreeInterpreter, type JSONValue } from '@jmespath-community/jmespath';
import type { SectionError } from '../types.js';
import { sectionErrors } from './path.js';

type ExpressionNode = ReturnType<typeof compile>;

export interface CompiledQuery {
  text: string;
  ast: ExpressionNode;
  /** Every field name the expression reads: a `$errors` section starting with one makes the query an error. */
  fields: Set<string>;
}

/** Throws an Error with JMESPath's message when the expression does not parse. */
export function compileQuery(text: string): CompiledQuery {
  const ast = compile(text);
  const fields = new Set<string>();
  collectFields(ast, fields);
  return { text, ast, fields };
}

export function runQuery(query: CompiledQuery, scope: unknown): unknown {
  return TreeInterpreter.search(query.ast, scope as JSONValue);
}

/** A collection error in `scope` whose section the query may read. */
export function errorForQuery(query: CompiledQuery, scope: unknown): { key: string; error: SectionError } | undefined {
  for (const [key, error] of Object.entries(sectionErrors(scope))) {
    if (query.fields.has(key.split(/[.[]/)[0]!)) return { key, error };
  }
  return undefined;
}

function collectFields(node: unknown, into: Set<string>): void {
  if (Array.isArray(node)) {
    for (const child of node) collectFields(child, into);
  } else if (node !== null && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    if (record.type === 'Field' && typeof record.name === 'string') into.add(record.name);
    for (const value of Object.values(record)) collectFields(value, into);
  }
}
