/** The `query:` escape hatch: a JMESPath expression compiled once, when the rule loads. */
import { compile, TreeInterpreter, type JSONValue } from '@jmespath-community/jmespath';
import type { SectionError } from '../types.js';
import { partialLists, sectionErrors } from './path.js';

type ExpressionNode = ReturnType<typeof compile>;

export interface CompiledQuery {
  text: string;
  ast: ExpressionNode;
  /**
   * The view paths the expression reads from its scope (`derived.s3DataEvents.buckets` for
   * `derived.s3DataEvents.buckets[?ReadWriteType=='All'].Name`): a `$errors` section on one of
   * them, above or below, makes the query an error; sections elsewhere in the view do not.
   */
  paths: string[][];
}

/** Throws an Error with JMESPath's message when the expression does not parse. */
export function compileQuery(text: string): CompiledQuery {
  const ast = compile(text);
  return { text, ast, paths: rootPaths(ast as unknown as Node) };
}

export function runQuery(query: CompiledQuery, scope: unknown): unknown {
  return TreeInterpreter.search(query.ast, scope as JSONValue);
}

/** A collection error (or a partial list: its length, its elements' order are not known) in `scope` whose section the query may read. */
export function errorForQuery(query: CompiledQuery, scope: unknown): { key: string; error: SectionError } | undefined {
  for (const [key, error] of [...Object.entries(sectionErrors(scope)), ...Object.entries(partialLists(scope))]) {
    const section = key.replace(/\[\d+\]/g, '').split('.');
    const overlaps = (path: string[]) => section.every((s, i) => i >= path.length || path[i] === s);
    if (query.paths.some(overlaps)) return { key, error };
  }
  return undefined;
}

type Node = { type?: string; name?: string; left?: Node; right?: Node; child?: Node; children?: Node[] } & Record<string, unknown>;

/**
 * The field chains an expression reads from the node it is evaluated against. The right side of
 * a projection, filter or pipe reads the left side's result, not the scope, so it adds nothing;
 * any other expression (functions, comparisons, multi-selects) reads the scope in each child.
 */
function rootPaths(node: Node): string[][] {
  switch (node.type) {
    case 'Field':
      return [[node.name!]];
    case 'Subexpression': {
      const tail = leadingChain(node.right!);
      return rootPaths(node.left!).map((p) => [...p, ...tail]);
    }
    case 'Projection':
    case 'FilterProjection':
    case 'ValueProjection':
    case 'IndexExpression':
    case 'Pipe':
      return rootPaths(node.left!);
    case 'Flatten':
      return rootPaths(node.child!);
    case 'Literal':
    case 'Current':
    case 'Identity':
    case 'Index':
    case 'Slice':
      return [];
    default:
      return childNodes(node).flatMap(rootPaths);
  }
}

/** The fields a right-hand side reads first from the left side's value (`buckets` in `.buckets[?...]`). */
function leadingChain(node: Node): string[] {
  switch (node.type) {
    case 'Field':
      return [node.name!];
    case 'Subexpression':
      return [...leadingChain(node.left!), ...leadingChain(node.right!)];
    case 'Projection':
    case 'FilterProjection':
    case 'ValueProjection':
    case 'IndexExpression':
      return leadingChain(node.left!);
    case 'Flatten':
      return leadingChain(node.child!);
    default:
      return [];
  }
}

function childNodes(node: Node): Node[] {
  const out: Node[] = [];
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) out.push(...value.filter((v): v is Node => v !== null && typeof v === 'object'));
    else if (value !== null && typeof value === 'object') out.push(value as Node);
  }
  return out;
}
