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
import type { ConditionFailure, ConditionOutcome, EvalContext } from '../types.js';
import { errorAt, evaluationError, falseWith, TRUE, withBecause } from './outcome.js';
import { jsonType } from './operators/operator.js';
import { errorCovering, partialLists, readPath, type ParsedPath } from './path.js';

export type Evaluate = (scope: unknown, ctx: EvalContext) => ConditionOutcome;
export type Quantifier = 'some' | 'every' | 'none';
export type CountOp = 'gte' | 'lte' | 'eq' | 'gt' | 'lt';

const COUNT_HOLDS: Record<CountOp, (n: number, value: number) => boolean> = {
  gte: (n, v) => n >= v,
  lte: (n, v) => n <= v,
  eq: (n, v) => n === v,
  gt: (n, v) => n > v,
  lt: (n, v) => n < v,
};

/** The elements read; `incomplete` is the outcome when the list is partial and they do not decide. */
type Elements = { ok: true; items: unknown[]; incomplete?: ConditionOutcome } | { ok: false; outcome: ConditionOutcome };

function elements(path: ParsedPath, scope: unknown): Elements {
  const error = errorCovering(scope, path, true);
  if (error) return { ok: false, outcome: errorAt(path.text, error) };
  const missing = partialLists(scope)[path.text];
  const incomplete = missing ? { incomplete: errorAt(path.text, missing) } : {};
  const value = readPath(scope, path.segments);
  if (jsonType(value) === 'missing') return { ok: true, items: [], ...incomplete };
  if (!Array.isArray(value)) return { ok: false, outcome: evaluationError(path.text, `expected an array, found ${jsonType(value)}`) };
  return { ok: true, items: value, ...incomplete };
}

/** Prefixes an element's failure paths with the array path and index. */
function inElement(failures: ConditionFailure[], path: ParsedPath, index: number): ConditionFailure[] {
  const at = `${path.text}[${index}]`;
  return failures.map((f) => ({ ...f, path: f.path === undefined ? at : `${at}.${f.path}` }));
}

export function quantify(kind: Quantifier, path: ParsedPath, inner: Evaluate, because: string | undefined): Evaluate {
  return (scope, ctx) => {
    const read = elements(path, scope);
    if (!read.ok) return read.outcome;
    const outcomes = read.items.map((item) => inner(item, ctx));
    // An element that could not be read, or one the partial list may hide.
    const firstError = outcomes.find((o) => o.value === 'error') ?? read.incomplete;
    switch (kind) {
      case 'some': {
        if (outcomes.some((o) => o.value === true)) return TRUE;
        if (firstError) return firstError;
        const summary: ConditionFailure = {
          because,
          path: path.text,
          op: 'some',
          expected: 'at least one matching element',
          actual: `${read.items.length} element(s), none matching`,
        };
        const details = outcomes.flatMap((o, i) => (o.value === false ? inElement(o.failures, path, i) : []));
        return falseWith([summary, ...withBecause(details, because)]);
      }
      case 'every': {
        const failing = outcomes.flatMap((o, i) => (o.value === false ? inElement(o.failures, path, i) : []));
        if (outcomes.some((o) => o.value === false)) return falseWith(withBecause(failing, because));
        return firstError ?? TRUE;
      }
      case 'none': {
        // The element is named by index, not copied: a trail view element is large.
        const matching = outcomes.flatMap((o, i) =>
          o.value === true ? [{ because, path: `${path.text}[${i}]`, op: 'none', expected: 'no matching element', actual: 'a matching element' }] : [],
        );
        if (matching.length > 0) return falseWith(matching);
        return firstError ?? TRUE;
      }
    }
  };
}

/**
 * `count`: with t elements matching and e unreadable, the true count is somewhere in
 * [t, t+e] (in [t, ∞) over a partial list); the outcome is error only when that range holds
 * both answers.
 */
export function count(path: ParsedPath, where: Evaluate | undefined, op: CountOp, value: number, because: string | undefined): Evaluate {
  const holds = COUNT_HOLDS[op];
  return (scope, ctx) => {
    const read = elements(path, scope);
    if (!read.ok) return read.outcome;
    const outcomes = where ? read.items.map((item) => where(item, ctx)) : read.items.map(() => TRUE);
    const matched = outcomes.filter((o) => o.value === true).length;
    const errors = outcomes.filter((o) => o.value === 'error');
    const answers = new Set<boolean>();
    for (let n = matched; n <= matched + errors.length; n++) answers.add(holds(n, value));
    // Every comparison is monotone in n, so one count past both bounds stands for all the hidden ones.
    if (read.incomplete) answers.add(holds(Math.max(value, matched + errors.length) + 1, value));
    if (answers.size > 1) return errors[0] ?? read.incomplete!;
    if (answers.has(true)) return TRUE;
    return falseWith([{ because, path: path.text, op: `count ${op}`, expected: value, actual: matched }]);
  };
}
