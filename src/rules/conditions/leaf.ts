/** Evaluating one leaf: read the left-hand side, resolve the operand, apply the operator. */
import type { ConditionFailure, ConditionOutcome, EvalContext } from '../types.js';
import { errorAt, evaluationError, falseWith, TRUE } from './outcome.js';
import { OperandError, jsonType, type Comparison, type Operator } from './operators/operator.js';
import { errorCovering, readPath, type ParsedPath } from './path.js';
import { errorForQuery, runQuery, type CompiledQuery } from './query.js';

export type Lhs = { kind: 'path'; path: ParsedPath } | { kind: 'query'; query: CompiledQuery } | { kind: 'param'; name: string };

export type Operand =
  | { kind: 'none' }
  | { kind: 'literal'; raw: unknown; prepared: unknown }
  | { kind: 'param'; name: string }
  | { kind: 'path'; path: ParsedPath };

export interface Leaf {
  lhs: Lhs;
  op: Operator;
  operand: Operand;
  because?: string;
}

export function lhsLabel(lhs: Lhs): string {
  if (lhs.kind === 'path') return lhs.path.text;
  if (lhs.kind === 'query') return lhs.query.text;
  return `params.${lhs.name}`;
}

type Read = { ok: true; value: unknown } | { ok: false; outcome: ConditionOutcome };

export function evaluateLeaf(leaf: Leaf, scope: unknown, ctx: EvalContext, prepareCache: Map<string, unknown>): ConditionOutcome {
  const label = lhsLabel(leaf.lhs);
  const actual = readLhs(leaf.lhs, label, scope, ctx);
  if (!actual.ok) return actual.outcome;
  const operand = resolveOperand(leaf, scope, ctx, prepareCache);
  if (!operand.ok) return operand.outcome;
  // An operand read from the view that is absent leaves nothing to compare with.
  if (leaf.operand.kind === 'path' && jsonType(operand.raw) === 'missing') return failure(leaf, label, operand.raw, actual.value);

  const type = jsonType(actual.value);
  let comparison: boolean | Comparison;
  try {
    if (type === 'missing') {
      if (leaf.op.missing !== 'empty') return leaf.op.missing ? TRUE : failure(leaf, label, operand.raw, actual.value);
      comparison = leaf.op.compare([], operand.prepared, ctx);
    } else if (!leaf.op.accepts.includes(type)) {
      return evaluationError(label, `\`${leaf.op.name}\` needs ${leaf.op.accepts.join(' or ')}, found ${type} ${JSON.stringify(actual.value)}`);
    } else {
      comparison = leaf.op.compare(actual.value, operand.prepared, ctx);
    }
  } catch (error) {
    if (error instanceof OperandError) return evaluationError(label, error.message);
    throw error;
  }
  if (comparison === true || (typeof comparison === 'object' && comparison.matched)) return TRUE;
  const offending = typeof comparison === 'object' && comparison.offending?.length ? comparison.offending : undefined;
  return failure(leaf, label, operand.raw, actual.value, offending);
}

function failure(leaf: Leaf, path: string, expected: unknown, actual: unknown, offending?: unknown[]): ConditionOutcome {
  const detail: ConditionFailure = { because: leaf.because, path, op: leaf.op.name, expected, actual };
  if (offending) detail.offending = offending;
  return falseWith([detail]);
}

function readLhs(lhs: Lhs, label: string, scope: unknown, ctx: EvalContext): Read {
  switch (lhs.kind) {
    case 'param':
      return { ok: true, value: ctx.params[lhs.name] };
    case 'path': {
      const error = errorCovering(scope, lhs.path);
      if (error) return { ok: false, outcome: errorAt(label, error) };
      return { ok: true, value: readPath(scope, lhs.path.segments) };
    }
    case 'query': {
      const covering = errorForQuery(lhs.query, scope);
      if (covering) return { ok: false, outcome: errorAt(label, covering.error) };
      try {
        return { ok: true, value: runQuery(lhs.query, scope) };
      } catch (error) {
        return { ok: false, outcome: evaluationError(label, `query failed: ${(error as Error).message}`) };
      }
    }
  }
}

type Resolved = { ok: true; raw: unknown; prepared: unknown } | { ok: false; outcome: ConditionOutcome };

function resolveOperand(leaf: Leaf, scope: unknown, ctx: EvalContext, cache: Map<string, unknown>): Resolved {
  const operand = leaf.operand;
  switch (operand.kind) {
    case 'none':
      return { ok: true, raw: undefined, prepared: undefined };
    case 'literal':
      return { ok: true, raw: operand.raw, prepared: operand.prepared };
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
