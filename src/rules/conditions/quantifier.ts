/**
 * Array quantifiers. Inner conditions read paths relative to the element, and an element's
 * own `$errors` applies to them. Over an empty (or absent) array: `some` is false, `every`
 * and `none` are true, and `count` counts 0.
 *
 * Open world: over a partial list (`$partial`: the elements read so far, and the call that may
 * hide more), an answer is given only when the known elements already decide it. `some` is true
 * on a known match; `every` and `none` are false on a known counter-example; `count` holds or
 * fails only when no number of further elements could change it. Otherwise the outcome is
 * `error`, naming the call.
 */
import type { ConditionFailure, EvalContext } from '../types.js';
import { errorAt, evaluationError, giveBecause, type Answer, type Check, type ErrorOutcome } from './outcome.js';
import { jsonType } from './operators/operator.js';
import { errorCovering, partialList, readPath, type ParsedPath } from './path.js';

export type Quantifier = 'some' | 'every' | 'none';
export type CountOp = 'gte' | 'lte' | 'eq' | 'gt' | 'lt';

const COUNT_HOLDS: Record<CountOp, (n: number, value: number) => boolean> = {
  gte: (n, v) => n >= v,
  lte: (n, v) => n <= v,
  eq: (n, v) => n === v,
  gt: (n, v) => n > v,
  lt: (n, v) => n < v,
};

const NO_ELEMENTS: readonly unknown[] = [];

/** The elements read at `path` (none when it is absent), or the error outcome when they cannot be. */
function elements(path: ParsedPath, scope: unknown): readonly unknown[] | ErrorOutcome {
  const error = errorCovering(scope, path, true);
  if (error) return errorAt(path.text, error);
  const value = readPath(scope, path.segments);
  if (value === undefined || value === null) return NO_ELEMENTS;
  if (!Array.isArray(value)) return evaluationError(path.text, `expected an array, found ${jsonType(value)}`);
  return value as readonly unknown[];
}

/** When the list at `path` is partial: the error outcome naming the call that may hide more elements. */
function incomplete(path: ParsedPath, scope: unknown): ErrorOutcome | undefined {
  const missing = partialList(scope, path.text);
  return missing && errorAt(path.text, missing);
}

/** `explain` runs only after `test` answered false on the same scope: the list is readable. */
function readable(items: readonly unknown[] | ErrorOutcome): readonly unknown[] {
  return Array.isArray(items) ? items : NO_ELEMENTS;
}

/** Appends the failures of the elements the inner condition is false on, their paths prefixed with the array path and index. */
function explainFalseElements(path: ParsedPath, inner: Check, items: readonly unknown[], ctx: EvalContext, into: ConditionFailure[]): void {
  items.forEach((item, index) => {
    if (inner.test(item, ctx) !== false) return;
    const from = into.length;
    inner.explain(item, ctx, into);
    const at = `${path.text}[${index}]`;
    for (let i = from; i < into.length; i++) {
      const f = into[i]!;
      f.path = f.path === undefined ? at : `${at}.${f.path}`;
    }
  });
}

export function quantify(kind: Quantifier, path: ParsedPath, inner: Check, because: string | undefined): Check {
  switch (kind) {
    case 'some':
      return {
        test(scope, ctx) {
          const items = elements(path, scope);
          if (!Array.isArray(items)) return items as ErrorOutcome;
          let firstError: ErrorOutcome | undefined;
          for (const item of items) {
            const answer = inner.test(item, ctx);
            if (answer === true) return true;
            if (answer !== false) firstError ??= answer;
          }
          // An element that could not be read, or one the partial list may hide.
          return firstError ?? incomplete(path, scope) ?? false;
        },
        explain(scope, ctx, into) {
          const items = readable(elements(path, scope));
          into.push({ because, path: path.text, op: 'some', expected: 'at least one matching element', actual: `${items.length} element(s), none matching` });
          const from = into.length;
          explainFalseElements(path, inner, items, ctx, into);
          giveBecause(into, from, because);
        },
      };
    case 'every':
      return {
        test: everyElement(path, inner, true),
        explain(scope, ctx, into) {
          const from = into.length;
          explainFalseElements(path, inner, readable(elements(path, scope)), ctx, into);
          giveBecause(into, from, because);
        },
      };
    case 'none':
      return {
        test: everyElement(path, inner, false),
        explain(scope, ctx, into) {
          readable(elements(path, scope)).forEach((item, i) => {
            // The element is named by index, not copied: a trail view element is large.
            if (inner.test(item, ctx) === true) into.push({ because, path: `${path.text}[${i}]`, op: 'none', expected: 'no matching element', actual: 'a matching element' });
          });
        },
      };
  }
}

/**
 * `count`: with t elements matching and e unreadable, the true count is somewhere in
 * [t, t+e] (in [t, ∞) over a partial list); the outcome is error only when that range holds
 * both answers.
 */
export function count(path: ParsedPath, where: Check | undefined, op: CountOp, value: number, because: string | undefined): Check {
  const holds = COUNT_HOLDS[op];
  // The elements matched by the last test, for `explain` (which runs the test again on the scope that failed).
  let matched = 0;
  const test = (scope: unknown, ctx: EvalContext): Answer => {
    const items = elements(path, scope);
    if (!Array.isArray(items)) return items as ErrorOutcome;
    matched = 0;
    let errors = 0;
    let firstError: ErrorOutcome | undefined;
    for (const item of items) {
      const answer = where ? where.test(item, ctx) : true;
      if (answer === true) matched++;
      else if (answer !== false) {
        errors++;
        firstError ??= answer;
      }
    }
    let canHold = false;
    let canFail = false;
    for (let n = matched; n <= matched + errors; n++) {
      if (holds(n, value)) canHold = true;
      else canFail = true;
    }
    const hidden = incomplete(path, scope);
    // Every comparison is monotone in n, so one count past both bounds stands for all the hidden ones.
    if (hidden) {
      if (holds(Math.max(value, matched + errors) + 1, value)) canHold = true;
      else canFail = true;
    }
    if (canHold && canFail) return firstError ?? hidden!;
    return canHold;
  };
  return {
    test,
    explain(scope, ctx, into) {
      test(scope, ctx);
      into.push({ because, path: path.text, op: `count ${op}`, expected: value, actual: matched });
    },
  };
}

/**
 * `every` (each element's answer must be `wanted`) and `none` (each must be its opposite): false on
 * a known counter-example; else the first element error, or the partial list's error, or true.
 */
function everyElement(path: ParsedPath, inner: Check, wanted: boolean): Check['test'] {
  return (scope, ctx) => {
    const items = elements(path, scope);
    if (!Array.isArray(items)) return items as ErrorOutcome;
    let firstError: ErrorOutcome | undefined;
    for (const item of items) {
      const answer = inner.test(item, ctx);
      if (typeof answer !== 'boolean') firstError ??= answer;
      else if (answer !== wanted) return false;
    }
    return firstError ?? incomplete(path, scope) ?? true;
  };
}
