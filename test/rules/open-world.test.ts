/**
 * Open-world semantics over partial lists (`$partial`): an answer only when the known elements
 * already decide it, else `error` naming the call that may hide more. And the one helper every
 * derived fact goes through (`derive`): unknown and partial inputs flow into the output.
 */
import { describe, expect, it } from 'vitest';
import { derive, known, listFact, partial, put, unknown, type FactSink } from '../../src/evaluate/views/fact.js';
import type { SectionError } from '../../src/rules/types.js';
import { evaluateCondition } from './condition-harness.js';

const LIST_TRAILS: SectionError = { service: 'cloudtrail', operation: 'ListTrails', errorName: 'AccessDeniedException', accountId: '444444444444' };
const logging = { Status: { IsLogging: true }, Trail: { IsMultiRegionTrail: true } };
const stopped = { Status: { IsLogging: false }, Trail: { IsMultiRegionTrail: true } };
const view = (...trails: unknown[]) => ({ derived: { trails }, $partial: { 'derived.trails': LIST_TRAILS } });
const complete = (...trails: unknown[]) => ({ derived: { trails } });
const status = (condition: unknown, v: unknown) => {
  const outcome = evaluateCondition(condition, v);
  return outcome.value === 'error' ? `error ${outcome.error.operation}` : outcome.value;
};
const isLogging = { path: 'Status.IsLogging', op: 'is_true' };

describe('quantifiers over a partial list', () => {
  it('some: true on a known match, else error (a hidden element might match); closed lists answer false', () => {
    expect(status({ path: 'derived.trails', some: isLogging }, view(stopped, logging))).toBe(true);
    expect(status({ path: 'derived.trails', some: isLogging }, view(stopped))).toBe('error ListTrails');
    expect(status({ path: 'derived.trails', some: isLogging }, view())).toBe('error ListTrails');
    expect(status({ path: 'derived.trails', some: isLogging }, complete(stopped))).toBe(false);
  });

  it('every and none: false on a known counter-example, else error', () => {
    expect(status({ path: 'derived.trails', every: isLogging }, view(logging, stopped))).toBe(false);
    expect(status({ path: 'derived.trails', every: isLogging }, view(logging))).toBe('error ListTrails');
    expect(status({ path: 'derived.trails', none: isLogging }, view(stopped, logging))).toBe(false);
    expect(status({ path: 'derived.trails', none: isLogging }, view(stopped))).toBe('error ListTrails');
    expect(status({ path: 'derived.trails', every: isLogging }, complete(logging))).toBe(true);
  });

  it('count: decided only when no number of further elements could change it', () => {
    const count = (op: string, value: number) => ({ path: 'derived.trails', where: isLogging, count: { op, value } });
    expect(status(count('gte', 1), view(logging, stopped))).toBe(true);
    expect(status(count('gte', 2), view(logging, stopped))).toBe('error ListTrails');
    expect(status(count('lte', 1), view(logging, logging))).toBe(false);
    expect(status(count('lte', 1), view(logging))).toBe('error ListTrails');
    expect(status(count('eq', 0), view(logging))).toBe(false);
    expect(status(count('eq', 0), view(stopped))).toBe('error ListTrails');
    expect(status(count('eq', 1), complete(logging, stopped))).toBe(true);
  });

  it('an element whose own data is unreadable still counts as unknown beside a partial list', () => {
    const unreadable = { Trail: {}, $errors: { Status: { service: 'cloudtrail', operation: 'GetTrailStatus', errorName: 'ThrottlingException' } } };
    expect(status({ path: 'derived.trails', some: isLogging }, view(unreadable))).toBe('error GetTrailStatus');
    expect(status({ path: 'derived.trails', some: isLogging }, view(unreadable, logging))).toBe(true);
  });
});

describe('leaves and queries on a partial list', () => {
  it('answer only where more elements cannot change them', () => {
    expect(status({ path: 'derived.trails', op: 'not_empty' }, view(stopped))).toBe(true);
    expect(status({ path: 'derived.trails', op: 'not_empty' }, view())).toBe('error ListTrails');
    expect(status({ path: 'derived.trails', op: 'empty' }, view(stopped))).toBe(false);
    expect(status({ path: 'derived.trails', op: 'empty' }, view())).toBe('error ListTrails');
    expect(status({ path: 'derived.trails', op: 'empty' }, complete())).toBe(true);
    expect(status({ path: 'derived.trails[0].Status.IsLogging', op: 'is_true' }, view(logging))).toBe('error ListTrails');
    expect(status({ query: 'length(derived.trails)', op: 'gte', value: 1 }, view(logging))).toBe('error ListTrails');
  });
});

describe('derive: one helper for every derived fact', () => {
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const denied: SectionError = { service: 'account', operation: 'ListRegions', errorName: 'AccessDenied' };

  it('known inputs give a known output', () => {
    expect(derive([known([1, 2]), known(3)], (xs, y) => sum(xs) + y, { fromPartial: 'unknown' })).toEqual(known(6));
  });

  it('an unknown input makes the output unknown with its error, whatever else is known or partial', () => {
    expect(derive([partial([1], LIST_TRAILS), unknown<number>(denied)], (xs, y) => sum(xs) + y, { fromPartial: 'partial' })).toEqual(unknown(denied));
  });

  it('a partial input makes a growing output partial, and any other output unknown, unless already decided', () => {
    const regions = ['eu-west-1', 'us-east-1'];
    const trails = partial([['us-east-1']], LIST_TRAILS);
    const covered = derive([trails, known(regions)], (ts, rs) => rs.filter((r) => ts.flat().includes(r)), { fromPartial: 'partial' });
    expect(covered).toEqual(partial(['us-east-1'], LIST_TRAILS));
    const uncovered = (ts: typeof trails) => derive([ts, known(regions)], (t, rs) => rs.filter((r) => !t.flat().includes(r)), { fromPartial: 'unknown', decided: (u) => u.length === 0 });
    expect(uncovered(trails)).toEqual(unknown(LIST_TRAILS));
    expect(uncovered(partial([regions], LIST_TRAILS))).toEqual(known([]));
  });

  it('put records the value, the error or the incompleteness where rules read them', () => {
    const sink: FactSink = { $errors: {}, $partial: {} };
    expect(put(sink, 'derived.trails', listFact([1], LIST_TRAILS))).toEqual([1]);
    expect(put(sink, 'Regions', unknown(denied))).toBeUndefined();
    expect(put(sink, 'derived.coveredRegions', known(['us-east-1']))).toEqual(['us-east-1']);
    expect(sink).toEqual({ $errors: { Regions: denied }, $partial: { 'derived.trails': LIST_TRAILS } });
  });
});
