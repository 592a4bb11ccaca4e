import { describe, expect, it } from 'vitest';
import { evaluateCondition, problemsOf } from './condition-harness.js';

const denied = { service: 'cloudtrail', operation: 'GetEventSelectors', errorName: 'AccessDeniedException', accountId: '111122223333', region: 'us-east-1' };
const isLogging = { path: 'IsLogging', op: 'is_true' };

describe('quantifiers over empty and absent arrays', () => {
  it.each([
    ['some', false],
    ['every', true],
    ['none', true],
  ])('%s over [] is %s', (q, expected) => {
    expect(evaluateCondition({ path: 'Trails', [q]: isLogging }, { Trails: [] }).value).toBe(expected);
    expect(evaluateCondition({ path: 'Trails', [q]: isLogging }, {}).value).toBe(expected); // absent = empty
  });

  it('count over [] counts 0', () => {
    expect(evaluateCondition({ path: 'Trails', count: { op: 'eq', value: 0 } }, { Trails: [] }).value).toBe(true);
    expect(evaluateCondition({ path: 'Trails', count: { op: 'gte', value: 1 } }, {}).value).toBe(false);
  });

  it('inner paths are relative to the element', () => {
    const view = { Trails: [{ IsLogging: false }, { IsLogging: true }] };
    expect(evaluateCondition({ path: 'Trails', some: isLogging }, view).value).toBe(true);
    expect(evaluateCondition({ path: 'Trails', every: isLogging }, view).value).toBe(false);
    expect(evaluateCondition({ path: 'Trails', none: isLogging }, view).value).toBe(false);
    expect(evaluateCondition({ path: 'Trails', where: isLogging, count: { op: 'eq', value: 1 } }, view).value).toBe(true);
  });

  it('every names the failing elements by index', () => {
    const outcome = evaluateCondition({ path: 'Trails', every: isLogging, because: 'every trail must log' }, { Trails: [{ IsLogging: true }, { IsLogging: false }] });
    expect(outcome).toEqual({
      value: false,
      failures: [{ because: 'every trail must log', path: 'Trails[1].IsLogging', op: 'is_true', expected: undefined, actual: false }],
    });
  });

  it('a non-array is a run-time error naming the path', () => {
    const outcome = evaluateCondition({ path: 'Trails', some: isLogging }, { Trails: 'x' });
    expect(outcome.value === 'error' && outcome.path).toBe('Trails');
  });
});

describe('$errors: data that could not be collected is an error, never a pass or a fail', () => {
  it('a leaf whose path (or a prefix of it) is in $errors is an error carrying the API call', () => {
    const view = { EventSelectors: [], $errors: { EventSelectors: denied } };
    expect(evaluateCondition({ path: 'EventSelectors', op: 'empty' }, view)).toEqual({ value: 'error', error: denied, path: 'EventSelectors' });
    const nested = { Bucket: { Name: 'b' }, $errors: { 'Bucket.Policy': denied } };
    expect(evaluateCondition({ path: 'Bucket.Policy.Statement', op: 'exists' }, nested).value).toBe('error');
    expect(evaluateCondition({ path: 'Bucket.Name', op: 'equals', value: 'b' }, nested).value).toBe(true);
  });

  it('an element carrying its own $errors makes the inner condition an error', () => {
    const view = { Trails: [{ IsLogging: false }, { $errors: { IsLogging: denied } }] };
    expect(evaluateCondition({ path: 'Trails', some: isLogging }, view)).toEqual({ value: 'error', error: denied, path: 'IsLogging' });
    // a definite answer that does not depend on the unreadable element stands
    expect(evaluateCondition({ path: 'Trails', every: isLogging }, view).value).toBe(false);
    expect(evaluateCondition({ path: 'Trails', some: isLogging }, { Trails: [{ IsLogging: true }, ...view.Trails] }).value).toBe(true);
  });

  it('the array itself in $errors makes a quantifier an error', () => {
    expect(evaluateCondition({ path: 'Trails', none: isLogging }, { $errors: { Trails: denied } }).value).toBe('error');
  });

  it('a query reading a field whose section is in $errors is an error', () => {
    const view = { derived: { s3DataEvents: { buckets: [] } }, $errors: { 'derived.s3DataEvents': denied } };
    expect(evaluateCondition({ query: 'derived.s3DataEvents.buckets[].Name', op: 'empty' }, view)).toEqual({
      value: 'error',
      error: denied,
      path: 'derived.s3DataEvents.buckets[].Name',
    });
    expect(evaluateCondition({ query: 'Trail.Name', op: 'not_exists' }, view).value).toBe(true);
  });

  it('a query is an error only for sections on the paths it reads, not for their siblings', () => {
    const view = { derived: { s3DataEvents: { buckets: [] }, securityHub: { regionsDisabled: [] } }, $errors: { 'derived.securityHub.regionsDisabled': denied } };
    expect(evaluateCondition({ query: "derived.s3DataEvents.buckets[?ReadWriteType=='All'].Name", op: 'empty' }, view).value).toBe(true);
    // a section below what the query reads, above it, through a function, a wildcard or a pipe
    expect(evaluateCondition({ query: 'derived.securityHub', op: 'exists' }, view).value).toBe('error');
    expect(evaluateCondition({ query: 'derived.securityHub.regionsDisabled[0]', op: 'not_exists' }, { ...view, $errors: { 'derived.securityHub': denied } }).value).toBe('error');
    expect(evaluateCondition({ query: 'length(derived.securityHub.regionsDisabled)', op: 'equals', value: 0 }, view).value).toBe('error');
    expect(evaluateCondition({ query: 'derived.*.regionsDisabled', op: 'exists' }, view).value).toBe('error');
    expect(evaluateCondition({ query: 'derived.securityHub.regionsDisabled | [0]', op: 'not_exists' }, view).value).toBe('error');
  });

  it('count is an error only when the unreadable elements could change the answer', () => {
    const view = { Trails: [{ IsLogging: true }, { $errors: { IsLogging: denied } }] };
    const counting = (op: string, value: number) => evaluateCondition({ path: 'Trails', where: isLogging, count: { op, value } }, view).value;
    expect(counting('gte', 1)).toBe(true); // 1 or 2: both >= 1
    expect(counting('gte', 3)).toBe(false); // at most 2
    expect(counting('eq', 1)).toBe('error'); // 1 or 2
  });
});

describe('three-valued all / any / not', () => {
  const t = { path: 'yes', op: 'is_true' };
  const f = { path: 'no', op: 'is_true', because: 'no must be true' };
  const e = { path: 'gone', op: 'is_true' };
  const view = { yes: true, no: false, $errors: { gone: denied } };
  const value = (c: unknown) => evaluateCondition(c, view).value;

  it('all: false if any false, else error if any error, else true', () => {
    expect(value({ all: [t, e, f] })).toBe(false);
    expect(value({ all: [t, e] })).toBe('error');
    expect(value({ all: [t, t] })).toBe(true);
  });
  it('any: true if any true, else error if any error, else false', () => {
    expect(value({ any: [f, e, t] })).toBe(true);
    expect(value({ any: [f, e] })).toBe('error');
    expect(value({ any: [f, f] })).toBe(false);
  });
  it('not swaps true and false and keeps error', () => {
    expect(value({ not: t })).toBe(false);
    expect(value({ not: f })).toBe(true);
    expect(value({ not: e })).toBe('error');
  });
  it('an enclosing because fills in failures without their own', () => {
    const outcome = evaluateCondition({ all: [f, { path: 'yes', op: 'is_false' }], because: 'both' }, view);
    expect(outcome.value === false && outcome.failures.map((x) => x.because)).toEqual(['no must be true', 'both']);
  });
});

describe('{path} operands and parameters', () => {
  it('compares two fields of the view', () => {
    expect(evaluateCondition({ path: 'Trail.HomeRegion', op: 'equals', value: { path: 'Region' } }, { Trail: { HomeRegion: 'eu-west-1' }, Region: 'eu-west-1' }).value).toBe(true);
  });
  it('param: tests a parameter itself', () => {
    expect(evaluateCondition({ param: 'buckets', op: 'not_empty' }, {}, { parameters: { buckets: [] } }).value).toBe(false);
    expect(evaluateCondition({ param: 'buckets', op: 'not_empty' }, {}, { parameters: { buckets: [] }, params: { buckets: ['b'] } }).value).toBe(true);
  });
});

describe('load-time problems are located', () => {
  it('an unknown key in a leaf suggests the nearest one', () => {
    expect(problemsOf('path: a\nop: equals\nvaleu: 1\n')).toEqual(['3:1: unknown key `valeu` in a leaf condition; did you mean `value`?']);
  });
  it('an unknown operator suggests the nearest one', () => {
    expect(problemsOf('all:\n  - path: a\n    op: is_ture\n')).toEqual(['3:9: unknown operator `is_ture`; did you mean `is_true`?']);
  });
  it('a wildcard in a path points to query:', () => {
    expect(problemsOf('path: Trails[*].Name\nop: exists\n')[0]).toMatch(/^1:7: `Trails\[\*\]\.Name` is not a dot path/);
  });
  it('an unknown parameter is named', () => {
    expect(problemsOf('param: critical\nop: not_empty\n', { parameters: { critical_buckets: [] } })).toEqual(['1:8: unknown parameter `critical`; did you mean `critical_buckets`?']);
  });
  it('a bad JMESPath is reported at the query', () => {
    expect(problemsOf('any:\n  - query: "a[?"\n    op: exists\n')[0]).toMatch(/^2:12: invalid JMESPath `a\[\?`/);
  });
  it('a condition mixing two forms is rejected, not half-read', () => {
    expect(problemsOf({ path: 'a', op: 'exists', all: [{ path: 'b', op: 'exists' }] })).toEqual([
      '1:1: a condition has one form; this one mixes `all` and `op` (nest them under `all` or `any`)',
    ]);
  });
  it('no suggestion for a name that is not close to any key', () => {
    expect(problemsOf('foo: 1\n')).toEqual(['1:1: unknown key `foo`']);
  });
  it('every mistake is reported, not only the first', () => {
    expect(problemsOf('all:\n  - path: a\n    op: nope\n  - path: b\n    op: gt\n    value: x\n')).toHaveLength(2);
  });
});
