import { describe, expect, it } from 'vitest';
import { recordedDataEventTypes } from '../../../src/evaluate/views/derived/data-event-types-recorded.js';
import { objectLockFacts } from '../../../src/evaluate/views/derived/object-lock.js';
import { excludedBuckets } from '../../../src/evaluate/views/derived/s3-excluded-buckets.js';

describe('derived.objectLock', () => {
  it('absent configuration (ObjectLockConfigurationNotFoundError) is disabled', () => {
    expect(objectLockFacts(undefined)).toEqual({ enabled: false });
  });
  it('retention in days, or years counted as 365 days', () => {
    expect(objectLockFacts({ ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: 400 } } })).toEqual({
      enabled: true,
      mode: 'COMPLIANCE',
      defaultRetentionDays: 400,
    });
    expect(objectLockFacts({ ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Years: 7 } } })).toEqual({
      enabled: true,
      mode: 'GOVERNANCE',
      defaultRetentionDays: 2555,
    });
    expect(objectLockFacts({ ObjectLockEnabled: 'Enabled' })).toEqual({ enabled: true });
  });
});

describe('derived.s3DataEvents.allBuckets.excludedBuckets', () => {
  it('names the bucket of an exclusion that names one, * for one that may reach any', () => {
    expect(excludedBuckets(['arn:aws:s3:::trail-logs/*', 'arn:aws:s3:::ledger/tmp/x.csv', 'arn:aws:s3:::ledger'], [])).toEqual(['ledger', 'trail-logs']);
    expect(excludedBuckets(['arn:aws:s3:::dev-*'], [])).toEqual(['*']);
    expect(excludedBuckets(['*.tmp'], [])).toEqual(['*']);
  });
  it('a bucket that a selector naming it logs in full is covered anyway', () => {
    expect(excludedBuckets(['arn:aws:s3:::ledger/*'], ['ledger'])).toEqual([]);
  });
});

describe('derived.dataEventTypesRecorded', () => {
  const lambda = { type: 'AWS::Lambda::Function', all: { read: false, write: true }, resources: ['arn:aws:lambda'] };
  const trail = (multi: boolean, logging: boolean, extra: object = {}) => ({
    Trail: { IsMultiRegionTrail: multi },
    Status: { IsLogging: logging },
    derived: { dataEventTypes: [lambda] },
    $errors: {},
    ...extra,
  });
  it('types recorded for every resource by a logging multi-region trail', () => {
    expect(recordedDataEventTypes([trail(true, true)])).toEqual({ value: { read: [], write: ['AWS::Lambda::Function'] } });
  });
  it('single-region and stopped trails do not count', () => {
    expect(recordedDataEventTypes([trail(false, true), trail(true, false)]).value).toEqual({ read: [], write: [] });
  });
  it('a logging multi-region trail with unreadable selectors, or an unknown status, is an error', () => {
    const error = { operation: 'GetEventSelectors', service: 'cloudtrail', errorName: 'AccessDenied' };
    expect(recordedDataEventTypes([trail(true, true, { derived: {}, $errors: { 'derived.dataEventTypes': error } })]).error).toBe(error);
    expect(recordedDataEventTypes([{ Trail: { IsMultiRegionTrail: true }, derived: {}, $errors: { Status: error } }]).error).toBe(error);
    expect(recordedDataEventTypes([trail(false, true, { derived: {}, $errors: { 'derived.dataEventTypes': error } })]).error).toBeUndefined();
  });
});
