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

/** Throws QueryBudgetError when the query takes too many steps or builds too large a value. */
export function runQuery(query: CompiledQuery, scope: unknown): unknown {
  // One interpreter for every query: building one builds its whole function table.
  interpreter ??= new BudgetedInterpreter();
  return interpreter.search(query.ast, scope as JSONValue);
}

/**
 * What one query may spend: interpreter steps, and the size of any value it builds (array
 * elements, object keys and string characters, counting a shared value each time it appears).
 * `[@, @] | [@, @] | ...` doubles that size per pipe without doing more steps, and a function
 * such as `to_string` would then serialize it: so every intermediate value is measured.
 * A view holds a few thousand values; these limits are three orders of magnitude above.
 */
export const QUERY_BUDGET = { steps: 1_000_000, size: 2_000_000 } as const;

export class QueryBudgetError extends Error {
  override name = 'QueryBudgetError';
}

type Interpreter = typeof TreeInterpreter;
// The library exports its interpreter as an instance; its class is what a step counter extends.
const Interpreter = TreeInterpreter.constructor as new () => Interpreter;

class BudgetedInterpreter extends Interpreter {
  spent = { steps: 0 };

  // Each query starts with the whole budget (search resets the library's own state too).
  override search(node: ExpressionNode, value: JSONValue): JSONValue {
    this.spent = { steps: 0 };
    return super.search(node, value);
  }

  override visit(node: ExpressionNode, value: Parameters<Interpreter['visit']>[1]): ReturnType<Interpreter['visit']> {
    if (++this.spent.steps > QUERY_BUDGET.steps) throw new QueryBudgetError(`the query took more than ${QUERY_BUDGET.steps} steps`);
    const result = super.visit(node, value);
    if (sizeOf(result) > QUERY_BUDGET.size) throw new QueryBudgetError(`the query built a value larger than ${QUERY_BUDGET.size} elements`);
    return result;
  }

  // `let` expressions evaluate in a fresh interpreter of the library's own class: keep counting in it.
  override withScope(scope: Parameters<Interpreter['withScope']>[0]): Interpreter {
    const inner = super.withScope(scope) as BudgetedInterpreter;
    Object.setPrototypeOf(inner, BudgetedInterpreter.prototype);
    inner.spent = this.spent;
    return inner;
  }
}

let interpreter: BudgetedInterpreter | undefined;

// Sizes of arrays and objects already measured: views are measured once, not once per query.
const sizes = new WeakMap<object, number>();

/** Elements, keys and characters in a value, a shared sub-value counted each time it appears (capped just above the budget). */
function sizeOf(value: unknown): number {
  if (typeof value === 'string') return value.length;
  if (value === null || typeof value !== 'object') return 1;
  const known = sizes.get(value);
  if (known !== undefined) return known;
  let size = 1;
  for (const child of Array.isArray(value) ? value : Object.values(value)) {
    size += sizeOf(child);
    if (size > QUERY_BUDGET.size) break;
  }
  sizes.set(value, size);
  return size;
}

/** A collection error (or a partial list: its length, its elements' order are not known) in `scope` whose section the query may read. */
export function errorForQuery(query: CompiledQuery, scope: unknown): { key: string; error: SectionError } | undefined {
  for (const map of [sectionErrors(scope), partialLists(scope)]) {
    for (const [key, error] of map ? Object.entries(map) : []) {
      const section = key.replace(/\[\d+\]/g, '').split('.');
      const overlaps = (path: string[]) => section.every((s, i) => i >= path.length || path[i] === s);
      if (query.paths.some(overlaps)) return { key, error };
    }
  }
  return undefined;
}

type Node = { type: string; name?: string; left?: Node; right?: Node; child?: Node; children?: Node[] } & Record<string, unknown>;

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
