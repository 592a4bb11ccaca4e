/** One leaf, compiled once: read the left-hand side, resolve the operand, apply the operator. */
import type { ConditionFailure, EvalContext } from '../types.js';
import { errorAt, evaluationError, type Answer, type Check, type ErrorOutcome } from './outcome.js';
import { OperandError, jsonType, type Comparison, type JsonType, type Operator } from './operators/operator.js';
import { errorCovering, partialList, readPath, type ParsedPath } from './path.js';
import { errorForQuery, runQuery, type CompiledQuery } from './query.js';

export type Lhs = { kind: 'path'; path: ParsedPath } | { kind: 'query'; query: CompiledQuery } | { kind: 'param'; name: string };

export type Operand = { kind: 'none' } | { kind: 'literal'; raw: unknown; prepared: unknown } | { kind: 'param'; name: string } | { kind: 'path'; path: ParsedPath };

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
  constructor(readonly outcome: ErrorOutcome) {}
}

type Read = (scope: unknown, ctx: EvalContext) => unknown;

/** The operand of the current comparison: written in place, so resolving it allocates nothing. */
interface OperandSlot {
  raw: unknown;
  prepared: unknown;
}

/** Resolves the operand into the slot; returns the error outcome when it cannot be used. */
type ResolveOperand = (scope: unknown, ctx: EvalContext, slot: OperandSlot) => ErrorOutcome | undefined;

/**
 * Over a partial list (`$partial`), an operator's answer stands only when no further element could
 * change it: a list that holds something still holds it with more elements, and a list that
 * already breaks a bound still breaks it. Any other answer is `error`, naming the call.
 */
const STAYS_TRUE = new Set(['exists', 'not_empty', 'contains', 'superset_of', 'intersects']);
const STAYS_FALSE = new Set(['not_exists', 'empty', 'subset_of', 'disjoint']);

export function leafCheck(leaf: Leaf): Check {
  const { label, op, operand, because } = leaf;
  const read = compileRead(leaf.lhs, label);
  const resolve = compileOperand(leaf);
  const accepts = new Set<JsonType | 'missing'>(op.accepts);
  const slot: OperandSlot = { raw: undefined, prepared: undefined };
  // What the last comparison saw, for `explain`.
  let actual: unknown;
  let offending: unknown[] | undefined;

  /** The answer from the values as read (the open-world check of a partial list comes after). */
  const compareAfresh = (scope: unknown, ctx: EvalContext): Answer => {
    const value = read(scope, ctx);
    if (value instanceof Unreadable) return value.outcome;
    const problem = resolve(scope, ctx, slot);
    if (problem) return problem;
    actual = value;
    offending = undefined;
    // An operand read from the view that is absent leaves nothing to compare with.
    if (operand.kind === 'path' && (slot.raw === undefined || slot.raw === null)) return false;
    let comparison: boolean | Comparison;
    try {
      if (value === undefined || value === null) {
        if (op.missing !== 'empty') return op.missing;
        comparison = op.compare([], slot.prepared, ctx);
      } else if (!accepts.has(jsonType(value))) {
        return evaluationError(label, `\`${op.name}\` needs ${op.accepts.join(' or ')}, found ${jsonType(value)} ${JSON.stringify(value)}`);
      } else {
        comparison = op.compare(value, slot.prepared, ctx);
      }
    } catch (error) {
      if (error instanceof OperandError) return evaluationError(label, error.message);
      throw error;
    }
    if (typeof comparison === 'boolean') return comparison;
    if (comparison.matched) return true;
    if (comparison.offending?.length) offending = comparison.offending;
    return false;
  };

  // A fail is explained right after it is tested: an enclosing `all` tests its children again, and
  // `explain` needs what the comparison saw. The context is made afresh for each verdict, so the
  // same (scope, context) is the same data, compared once. (The leaf holds on to the last scope and
  // context it compared until it compares another.)
  let seenScope: unknown;
  let seenCtx: EvalContext | undefined;
  let seenAnswer: Answer = false;
  const compare = (scope: unknown, ctx: EvalContext): Answer => {
    if (ctx !== seenCtx || scope !== seenScope) {
      seenAnswer = compareAfresh(scope, ctx);
      seenScope = scope;
      seenCtx = ctx;
    }
    return seenAnswer;
  };

  const explain = (scope: unknown, ctx: EvalContext, into: ConditionFailure[]): void => {
    compare(scope, ctx);
    const detail: ConditionFailure = { because, path: label, op: op.name, expected: slot.raw, actual };
    if (offending) detail.offending = offending;
    into.push(detail);
  };

  if (leaf.lhs.kind === 'param' && operand.kind !== 'path') return { test: sameForSameParameters(compare), explain };
  if (leaf.lhs.kind !== 'path') return { test: compare, explain };
  const { text } = leaf.lhs.path;
  const staysTrue = STAYS_TRUE.has(op.name);
  const staysFalse = STAYS_FALSE.has(op.name);
  return {
    test(scope, ctx) {
      const answer = compare(scope, ctx);
      if (typeof answer !== 'boolean') return answer;
      const missing = partialList(scope, text);
      if (!missing || (answer ? staysTrue : staysFalse)) return answer;
      return errorAt(label, missing);
    },
    explain,
  };
}

/**
 * A leaf that compares a parameter with a literal or another parameter reads nothing of the view:
 * its answer is the same for every view a rule runs on with the same parameters (one object per
 * rule and account), so it is computed once for them. Rules choose their branch this way
 * (`{param: strictness, op: equals, value: exact-cis}`), a dozen times per view.
 */
function sameForSameParameters(compare: (scope: unknown, ctx: EvalContext) => Answer): (scope: unknown, ctx: EvalContext) => Answer {
  let params: EvalContext['params'] | undefined;
  let scanTime: EvalContext['scanTime'] | undefined;
  let answer: Answer = false;
  return (scope, ctx) => {
    if (ctx.params !== params || ctx.scanTime !== scanTime) {
      answer = compare(scope, ctx);
      params = ctx.params;
      scanTime = ctx.scanTime;
    }
    return answer;
  };
}

function compileRead(lhs: Lhs, label: string): Read {
  switch (lhs.kind) {
    case 'param': {
      const { name } = lhs;
      return (_scope, ctx) => ctx.params[name];
    }
    case 'path': {
      const { path } = lhs;
      const { segments } = path;
      return (scope) => {
        // A partial list at the path itself is read as far as it goes (the leaf's test decides what that settles).
        const error = errorCovering(scope, path, true);
        return error ? new Unreadable(errorAt(label, error)) : readPath(scope, segments);
      };
    }
    case 'query': {
      const { query } = lhs;
      return (scope) => {
        const covering = errorForQuery(query, scope);
        if (covering) return new Unreadable(errorAt(label, covering.error));
        try {
          return runQuery(query, scope);
        } catch (error) {
          return new Unreadable(evaluationError(label, `query failed: ${(error as Error).message}`));
        }
      };
    }
  }
}

function compileOperand(leaf: Leaf): ResolveOperand {
  const { operand } = leaf;
  switch (operand.kind) {
    case 'none':
    case 'literal': {
      const { raw, prepared } = operand.kind === 'literal' ? operand : { raw: undefined, prepared: undefined };
      return (_scope, _ctx, slot) => {
        slot.raw = raw;
        slot.prepared = prepared;
        return undefined;
      };
    }
    case 'param': {
      const { name } = operand;
      const prepare = dynamicOperand(leaf.op, `params.${name}`);
      return (_scope, ctx, slot) => prepare(ctx.params[name], slot);
    }
    case 'path': {
      const { path } = operand;
      const prepare = dynamicOperand(leaf.op, path.text);
      return (scope, _ctx, slot) => {
        const error = errorCovering(scope, path);
        if (error) return errorAt(path.text, error);
        const value = readPath(scope, path.segments);
        if (value === undefined || value === null) {
          slot.raw = slot.prepared = value;
          return undefined;
        }
        return prepare(value, slot);
      };
    }
  }
}

/** Checks and prepares an operand known only at run time (memoised: a regex compiles once per value). */
function dynamicOperand(op: Operator, label: string): (value: unknown, slot: OperandSlot) => ErrorOutcome | undefined {
  const cache = new Map<string, unknown>();
  const types = op.operand ?? [];
  return (value, slot) => {
    const type = jsonType(value);
    if (type === 'missing' || !types.includes(type)) {
      return evaluationError(label, `\`${op.name}\` needs a ${types.join(' or ')} value, found ${JSON.stringify(value ?? null)}`);
    }
    slot.raw = value;
    if (!op.prepare) {
      slot.prepared = value;
      return undefined;
    }
    const key = JSON.stringify(value);
    if (!cache.has(key)) {
      try {
        cache.set(key, op.prepare(value));
      } catch (error) {
        return evaluationError(label, (error as Error).message);
      }
    }
    slot.prepared = cache.get(key);
    return undefined;
  };
}
