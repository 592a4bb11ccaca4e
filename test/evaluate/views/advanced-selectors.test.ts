import { describe, expect, it } from 'vitest';
import type { AdvancedEventSelector, AdvancedFieldSelector } from '../../../src/inventory/types.js';
import { fieldSelectorMatches, selectsAll, selectsEvent } from '../../../src/evaluate/views/derived/advanced-selectors.js';

const fs = (Field: string, ops: Omit<AdvancedFieldSelector, 'Field'>): AdvancedFieldSelector => ({ Field, ...ops });
const sel = (...FieldSelectors: AdvancedFieldSelector[]): AdvancedEventSelector => ({ FieldSelectors });

describe('fieldSelectorMatches: every operator', () => {
  it.each([
    ['Equals', { Equals: ['s3.amazonaws.com'] }, 's3.amazonaws.com', true],
    ['Equals (other value)', { Equals: ['s3.amazonaws.com'] }, 'kms.amazonaws.com', false],
    ['StartsWith', { StartsWith: ['arn:aws:s3:::ledger/'] }, 'arn:aws:s3:::ledger/a.csv', true],
    ['StartsWith (other prefix)', { StartsWith: ['arn:aws:s3:::ledger/'] }, 'arn:aws:s3:::ledger-old/a.csv', false],
    ['EndsWith', { EndsWith: ['.csv'] }, 'arn:aws:s3:::ledger/a.csv', true],
    ['EndsWith (other suffix)', { EndsWith: ['.csv'] }, 'arn:aws:s3:::ledger/a.txt', false],
    ['NotEquals', { NotEquals: ['kms.amazonaws.com'] }, 'kms.amazonaws.com', false],
    ['NotEquals (other value)', { NotEquals: ['kms.amazonaws.com'] }, 's3.amazonaws.com', true],
    ['NotStartsWith', { NotStartsWith: ['arn:aws:s3:::scratch/'] }, 'arn:aws:s3:::scratch/x', false],
    ['NotStartsWith (other prefix)', { NotStartsWith: ['arn:aws:s3:::scratch/'] }, 'arn:aws:s3:::ledger/x', true],
    ['NotEndsWith', { NotEndsWith: ['.tmp'] }, 'arn:aws:s3:::ledger/x.tmp', false],
    ['NotEndsWith (other suffix)', { NotEndsWith: ['.tmp'] }, 'arn:aws:s3:::ledger/x.csv', true],
    ['values of one operator are alternatives', { Equals: ['a', 'b'] }, 'b', true],
    ['positive and negative operators combine', { StartsWith: ['arn:aws:s3:::'], NotStartsWith: ['arn:aws:s3:::scratch/'] }, 'arn:aws:s3:::scratch/x', false],
  ])('%s', (_name, ops, value, expected) => {
    expect(fieldSelectorMatches(fs('f', ops), value)).toBe(expected);
  });

  it('an event without the field fails positive operators and passes negative ones', () => {
    expect(fieldSelectorMatches(fs('f', { Equals: ['x'] }), undefined)).toBe(false);
    expect(fieldSelectorMatches(fs('f', { NotEquals: ['x'] }), undefined)).toBe(true);
  });
});

describe('selectsEvent: AND within a selector, OR across selectors', () => {
  const management = sel(fs('eventCategory', { Equals: ['Management'] }), fs('readOnly', { Equals: ['false'] }));
  const kmsReads = sel(fs('eventCategory', { Equals: ['Management'] }), fs('eventSource', { Equals: ['kms.amazonaws.com'] }), fs('readOnly', { Equals: ['true'] }));

  it('needs every field selector of one selector to match', () => {
    expect(selectsEvent([management], { eventCategory: 'Management', readOnly: 'false' })).toBe(true);
    expect(selectsEvent([management], { eventCategory: 'Management', readOnly: 'true' })).toBe(false);
  });

  it('selects when any selector matches', () => {
    const kmsRead = { eventCategory: 'Management', readOnly: 'true', eventSource: 'kms.amazonaws.com' };
    expect(selectsEvent([management], kmsRead)).toBe(false);
    expect(selectsEvent([management, kmsReads], kmsRead)).toBe(true);
  });

  it('selects nothing with no selectors', () => {
    expect(selectsEvent([], { eventCategory: 'Management' })).toBe(false);
  });
});

describe('selectsAll: does a selector set select every event of a class', () => {
  const readMgmt = { eventCategory: { equals: 'Management' }, readOnly: { equals: 'true' } };

  it('a selector with no narrowing covers the class', () => {
    expect(selectsAll([sel(fs('eventCategory', { Equals: ['Management'] }))], readMgmt)).toEqual({ selected: true, exclusions: [] });
  });

  it('a selector pinned to another value of a class field does not', () => {
    expect(selectsAll([sel(fs('eventCategory', { Equals: ['Management'] }), fs('readOnly', { Equals: ['false'] }))], readMgmt).selected).toBe(false);
  });

  it('a positive constraint on a free field does not cover it', () => {
    const onlyS3 = sel(fs('eventCategory', { Equals: ['Management'] }), fs('eventSource', { Equals: ['s3.amazonaws.com'] }));
    expect(selectsAll([onlyS3], readMgmt, ['eventSource']).selected).toBe(false);
  });

  it('reports exclusions on tolerated fields, in every negative form', () => {
    const excluding = sel(fs('eventCategory', { Equals: ['Management'] }), fs('eventSource', { NotEquals: ['kms.amazonaws.com'], NotStartsWith: ['rdsdata'], NotEndsWith: ['.internal'] }));
    expect(selectsAll([excluding], readMgmt, ['eventSource'])).toEqual({ selected: true, exclusions: ['*.internal', 'kms.amazonaws.com', 'rdsdata*'] });
    expect(selectsAll([excluding], readMgmt).selected).toBe(false);
  });

  it('keeps only what every covering selector excludes', () => {
    const a = sel(fs('eventCategory', { Equals: ['Management'] }), fs('eventSource', { NotEquals: ['kms.amazonaws.com', 'rdsdata.amazonaws.com'] }));
    const b = sel(fs('eventCategory', { Equals: ['Management'] }), fs('eventSource', { NotEquals: ['kms.amazonaws.com'] }));
    expect(selectsAll([a, b], readMgmt, ['eventSource']).exclusions).toEqual(['kms.amazonaws.com']);
  });

  it('drops an excluded value that a narrower selector brings back', () => {
    const allButKms = sel(fs('eventCategory', { Equals: ['Management'] }), fs('eventSource', { NotEquals: ['kms.amazonaws.com'] }));
    const kmsOnly = sel(fs('eventCategory', { Equals: ['Management'] }), fs('eventSource', { Equals: ['kms.amazonaws.com'] }));
    expect(selectsAll([allButKms, kmsOnly], readMgmt, ['eventSource'])).toEqual({ selected: true, exclusions: [] });
  });

  it('a prefix class is covered by a shorter StartsWith, not a longer one or an Equals', () => {
    const bucket = { 'resources.ARN': { prefix: 'arn:aws:s3:::ledger/' } };
    expect(selectsAll([sel(fs('resources.ARN', { StartsWith: ['arn:aws:s3:::'] }))], bucket).selected).toBe(true);
    expect(selectsAll([sel(fs('resources.ARN', { StartsWith: ['arn:aws:s3:::ledger/2026/'] }))], bucket).selected).toBe(false);
    expect(selectsAll([sel(fs('resources.ARN', { Equals: ['arn:aws:s3:::ledger/a.csv'] }))], bucket).selected).toBe(false);
    expect(selectsAll([sel(fs('resources.ARN', { EndsWith: ['.csv'] }))], bucket).selected).toBe(false);
  });

  it('a NotStartsWith covering the whole prefix class excludes it entirely', () => {
    const bucket = { 'resources.ARN': { prefix: 'arn:aws:s3:::scratch/' } };
    expect(selectsAll([sel(fs('resources.ARN', { NotStartsWith: ['arn:aws:s3:::scratch/'] }))], bucket, ['resources.ARN']).selected).toBe(false);
  });
});
