/** Evaluating one leaf: read the left-hand side, resolve the operand, apply the operator. */
import type { ConditionFailure, ConditionOutcome, EvalContext } from '../types.js';
import { errorAt, evaluationError, falseWith, TRUE } from './outcome.js';
import { OperandError, jsonType, type Comparison, type Operator } from './operators/operator.js';
import { errorCovering, partialLists, readPath, type ParsedPath } from './path.js';
import { errorForQuery, runQuery, type CompiledQuery } from './query.js';

export type Lhs = { kind: 'path'; path: ParsedPath } | { kind: 'query'; query: CompiledQuery } | { kind: 'param'; name: string };

export type Operand =
  | { kind: 'none' }
  | { kind: 'literal'; resolved: Resolved }
  | { kind: 'param'; name: string }
  | { kind: 'path'; path: ParsedPath };

export interface Leaf {
  lhs: Lhs;
  /** What failures and errors name: the path, the query, or params.<name>. */
  label: string;
  op: Operator;
  operand: Operand;
  because?: string | undefined;
}

export function lhsLabel(lhs: Lhs): string {
  if (lhs.kind === 'path') return lhs.path.text;
  if (lhs.kind === 'query') return lhs.query.text;
  return `params.${lhs.name}`;
}

/** A value that could not be read, carrying its error outcome. Reads return plain values otherwise (no wrapper per read). */
class Unreadable {
  constructor(readonly outcome: ConditionOutcome) {}
}

export type Resolved = { ok: true; raw: unknown; prepared: unknown } | { ok: false; outcome: ConditionOutcome };

const NO_OPERAND: Resolved = { ok: true, raw: undefined, prepared: undefined };

/**
 * Over a partial list (`$partial`), an operator's answer stands only when no further element could
 * change it: a list that holds something still holds it with more elements, and a list that
 * already breaks a bound still breaks it. Any other answer is `error`, naming the call.
 */
const STAYS_TRUE = new Set(['exists', 'not_empty', 'contains', 'superset_of', 'intersects']);
const STAYS_FALSE = new Set(['not_exists', 'empty', 'subset_of', 'disjoint']);

export function evaluateLeaf(leaf: Leaf, scope: unknown, ctx: EvalContext, prepareCache: Map<string, unknown>): ConditionOutcome {
  const outcome = evaluateKnown(leaf, scope, ctx, prepareCache);
  const missing = leaf.lhs.kind === 'path' && outcome.value !== 'error' ? partialLists(scope)[leaf.lhs.path.text] : undefined;
  if (!missing || (outcome.value === true ? STAYS_TRUE : STAYS_FALSE).has(leaf.op.name)) return outcome;
  return errorAt(leaf.label, missing);
}

function evaluateKnown(leaf: Leaf, scope: unknown, ctx: EvalContext, prepareCache: Map<string, unknown>): ConditionOutcome {
  const { label } = leaf;
  const value = readLhs(leaf.lhs, label, scope, ctx);
  if (value instanceof Unreadable) return value.outcome;
  const operand = resolveOperand(leaf, scope, ctx, prepareCache);
  if (!operand.ok) return operand.outcome;
  // An operand read from the view that is absent leaves nothing to compare with.
  if (leaf.operand.kind === 'path' && jsonType(operand.raw) === 'missing') return failure(leaf, label, operand.raw, value);

  const type = jsonType(value);
  let comparison: boolean | Comparison;
  try {
    if (type === 'missing') {
      if (leaf.op.missing !== 'empty') return leaf.op.missing ? TRUE : failure(leaf, label, operand.raw, value);
      comparison = leaf.op.compare([], operand.prepared, ctx);
    } else if (!leaf.op.accepts.includes(type)) {
      return evaluationError(label, `\`${leaf.op.name}\` needs ${leaf.op.accepts.join(' or ')}, found ${type} ${JSON.stringify(value)}`);
    } else {
      comparison = leaf.op.compare(value, operand.prepared, ctx);
    }
  } catch (error) {
    if (error instanceof OperandError) return evaluationError(label, error.message);
    throw error;
  }
  if (comparison === true || (typeof comparison === 'object' && comparison.matched)) return TRUE;
  const offending = typeof comparison === 'object' && comparison.offending?.length ? comparison.offending : undefined;
  return failure(leaf, label, operand.raw, value, offending);
}

function failure(leaf: Leaf, path: string, expected: unknown, actual: unknown, offending?: unknown[]): ConditionOutcome {
  const detail: ConditionFailure = { because: leaf.because, path, op: leaf.op.name, expected, actual };
  if (offending) detail.offending = offending;
  return falseWith([detail]);
}

function readLhs(lhs: Lhs, label: string, scope: unknown, ctx: EvalContext): unknown {
  switch (lhs.kind) {
    case 'param':
      return ctx.params[lhs.name];
    case 'path': {
      // A partial list at the path itself is read as far as it goes (evaluateLeaf decides what that settles).
      const error = errorCovering(scope, lhs.path, true);
      return error ? new Unreadable(errorAt(label, error)) : readPath(scope, lhs.path.segments);
    }
    case 'query': {
      const covering = errorForQuery(lhs.query, scope);
      if (covering) return new Unreadable(errorAt(label, covering.error));
      try {
        return runQuery(lhs.query, scope);
      } catch (error) {
        return new Unreadable(evaluationError(label, `query failed: ${(error as Error).message}`));
      }
    }
  }
}

function resolveOperand(leaf: Leaf, scope: unknown, ctx: EvalContext, cache: Map<string, unknown>): Resolved {
  const operand = leaf.operand;
  switch (operand.kind) {
    case 'none':
      return NO_OPERAND;
    case 'literal':
      return operand.resolved;
    case 'param':
      return prepareDynamic(leaf, `params.${operand.name}`, ctx.params[operand.name], cache);
    case 'path': {
      const error = errorCovering(scope, operand.path);
      if (error) return { ok: false, outcome: errorAt(operand.path.text, error) };
      const value = readPath(scope, operand.path.segments);
      if (jsonType(value) === 'missing') return { ok: true, raw: value, prepared: value };
      return prepareDynamic(leaf, operand.path.text, value, cache);
    }
  }
}

/** Checks and prepares an operand known only at run time (memoised: a regex compiles once per value). */
function prepareDynamic(leaf: Leaf, label: string, value: unknown, cache: Map<string, unknown>): Resolved {
  const { op } = leaf;
  const type = jsonType(value);
  if (type === 'missing' || !op.operand!.includes(type)) {
    return { ok: false, outcome: evaluationError(label, `\`${op.name}\` needs a ${op.operand!.join(' or ')} value, found ${JSON.stringify(value ?? null)}`) };
  }
  if (!op.prepare) return { ok: true, raw: value, prepared: value };
  const key = JSON.stringify(value);
  if (!cache.has(key)) {
    try {
      cache.set(key, op.prepare(value));
    } catch (error) {
      return { ok: false, outcome: evaluationError(label, (error as Error).message) };
    }
  }
  return { ok: true, raw: value, prepared: cache.get(key) };
}
