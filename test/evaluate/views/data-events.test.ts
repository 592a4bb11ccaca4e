import { describe, expect, it } from 'vitest';
import type { AdvancedEventSelector, EventSelector } from '../../../src/inventory/types.js';
import { basicToAdvanced } from '../../../src/evaluate/views/derived/basic-selectors.js';
import { dataEventTypes, s3DataEvents } from '../../../src/evaluate/views/derived/data-events.js';

const TRAIL = 'arn:aws:cloudtrail:us-east-1:111111111111:trail/main';
const s3Basic = (values: string[], ReadWriteType: EventSelector['ReadWriteType'] = 'All') =>
  s3DataEvents(basicToAdvanced([{ ReadWriteType, IncludeManagementEvents: true, DataResources: [{ Type: 'AWS::S3::Object', Values: values }] }]), 'aws', TRAIL);
const DATA_S3 = [
  { Field: 'eventCategory', Equals: ['Data'] },
  { Field: 'resources.type', Equals: ['AWS::S3::Object'] },
];
const s3Advanced = (...selectors: AdvancedEventSelector[]) => s3DataEvents(selectors, 'aws');

describe('S3 data events from basic selectors', () => {
  it.each([['arn:aws:s3'], ['arn:aws:s3:::']])('%s selects all buckets', (value) => {
    const d = s3Basic([value]);
    expect(d.allBuckets).toEqual({ read: true, write: true, excludedPrefixes: [] });
    expect(d.buckets).toEqual([]);
  });

  it('arn:aws:s3:::bucket/ selects that whole bucket, with the trail named', () => {
    expect(s3Basic(['arn:aws:s3:::ledger-prod/'])).toEqual({
      allBuckets: { read: false, write: false, excludedPrefixes: [] },
      buckets: [{ Name: 'ledger-prod', ReadWriteType: 'All', TrailArn: TRAIL }],
      fullyLoggedBuckets: ['ledger-prod'],
    });
  });

  it('arn:aws:s3:::bucket without the slash also names the whole bucket', () => {
    expect(s3Basic(['arn:aws:s3:::ledger-prod']).fullyLoggedBuckets).toEqual(['ledger-prod']);
  });

  it('arn:aws:s3:::bucket/prefix selects that bucket under the prefix only', () => {
    const d = s3Basic(['arn:aws:s3:::ledger-prod/invoices/']);
    expect(d.buckets).toEqual([{ Name: 'ledger-prod', ReadWriteType: 'All', Prefix: 'invoices/', TrailArn: TRAIL }]);
    expect(d.fullyLoggedBuckets).toEqual([]);
  });

  it('keeps the selector ReadWriteType', () => {
    expect(s3Basic(['arn:aws:s3:::ledger-prod/'], 'WriteOnly').buckets[0]?.ReadWriteType).toBe('WriteOnly');
    expect(s3Basic(['arn:aws:s3'], 'ReadOnly').allBuckets).toEqual({ read: true, write: false, excludedPrefixes: [] });
  });

  it('is partition-aware', () => {
    const cn = s3DataEvents(basicToAdvanced([{ DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws-cn:s3:::ledger/'] }] }]), 'aws-cn');
    expect(cn.fullyLoggedBuckets).toEqual(['ledger']);
    const wrong = s3DataEvents(basicToAdvanced([{ DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3'] }] }]), 'aws-cn');
    expect(wrong.allBuckets.read).toBe(false);
  });

  it('a data resource with no values selects nothing', () => {
    expect(s3Basic([]).allBuckets.read).toBe(false);
  });
});

describe('S3 data events from advanced selectors', () => {
  it('no resources.ARN selects all buckets', () => {
    expect(s3Advanced({ FieldSelectors: DATA_S3 }).allBuckets).toEqual({ read: true, write: true, excludedPrefixes: [] });
  });

  it('StartsWith a bucket ARN selects the whole bucket', () => {
    const d = s3Advanced({ FieldSelectors: [...DATA_S3, { Field: 'resources.ARN', StartsWith: ['arn:aws:s3:::ledger-prod/', 'arn:aws:s3:::hr-records/'] }] });
    expect(d.allBuckets.read).toBe(false);
    expect(d.fullyLoggedBuckets).toEqual(['hr-records', 'ledger-prod']);
  });

  it('Equals an object ARN selects part of the bucket', () => {
    const d = s3Advanced({ FieldSelectors: [...DATA_S3, { Field: 'resources.ARN', Equals: ['arn:aws:s3:::ledger-prod/ledger.db'] }] });
    expect(d.buckets).toEqual([{ Name: 'ledger-prod', ReadWriteType: 'All', Prefix: 'ledger.db' }]);
  });

  it('NotStartsWith carves a bucket out of all buckets', () => {
    const d = s3Advanced({ FieldSelectors: [...DATA_S3, { Field: 'resources.ARN', NotStartsWith: ['arn:aws:s3:::scratch/'] }] });
    expect(d.allBuckets).toEqual({ read: true, write: true, excludedPrefixes: ['arn:aws:s3:::scratch/*'] });
  });

  it('NotEndsWith leaves the named bucket partly logged', () => {
    const d = s3Advanced({ FieldSelectors: [...DATA_S3, { Field: 'resources.ARN', StartsWith: ['arn:aws:s3:::ledger-prod/'], NotEndsWith: ['.tmp'] }] });
    expect(d.fullyLoggedBuckets).toEqual([]);
  });

  it('read in one selector and write in another make the bucket fully logged', () => {
    const arn = { Field: 'resources.ARN', StartsWith: ['arn:aws:s3:::ledger-prod/'] };
    const d = s3Advanced({ FieldSelectors: [...DATA_S3, arn, { Field: 'readOnly', Equals: ['true'] }] }, { FieldSelectors: [...DATA_S3, arn, { Field: 'readOnly', Equals: ['false'] }] });
    expect(d.buckets).toEqual([{ Name: 'ledger-prod', ReadWriteType: 'All' }]);
  });

  it('a readOnly selector records read events only', () => {
    const d = s3Advanced({ FieldSelectors: [...DATA_S3, { Field: 'resources.ARN', StartsWith: ['arn:aws:s3:::ledger-prod/'] }, { Field: 'readOnly', Equals: ['true'] }] });
    expect(d.buckets).toEqual([{ Name: 'ledger-prod', ReadWriteType: 'ReadOnly' }]);
  });

  it('a selector for another resource type does not count', () => {
    const d = s3Advanced({
      FieldSelectors: [
        { Field: 'eventCategory', Equals: ['Data'] },
        { Field: 'resources.type', Equals: ['AWS::DynamoDB::Table'] },
      ],
    });
    expect(d.allBuckets.read).toBe(false);
  });
});

describe('dataEventTypes', () => {
  it('basic arn:aws:lambda selects every function; a function ARN selects that one', () => {
    const all = dataEventTypes(basicToAdvanced([{ DataResources: [{ Type: 'AWS::Lambda::Function', Values: ['arn:aws:lambda'] }] }]), 'aws');
    expect(all).toEqual([{ type: 'AWS::Lambda::Function', all: { read: true, write: true }, resources: ['arn:aws:lambda'] }]);
    const one = dataEventTypes(basicToAdvanced([{ DataResources: [{ Type: 'AWS::Lambda::Function', Values: ['arn:aws:lambda:us-east-1:111111111111:function:pay'] }] }]), 'aws');
    expect(one).toEqual([{ type: 'AWS::Lambda::Function', all: { read: false, write: false }, resources: ['arn:aws:lambda:us-east-1:111111111111:function:pay'] }]);
  });

  it('lists every data resource type of advanced selectors', () => {
    const types = dataEventTypes(
      [
        {
          FieldSelectors: [
            { Field: 'eventCategory', Equals: ['Data'] },
            { Field: 'resources.type', Equals: ['AWS::DynamoDB::Table'] },
          ],
        },
        {
          FieldSelectors: [
            { Field: 'eventCategory', Equals: ['Data'] },
            { Field: 'resources.type', Equals: ['AWS::S3::Object'] },
            { Field: 'readOnly', Equals: ['false'] },
          ],
        },
        { FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] },
      ],
      'aws',
    );
    expect(types).toEqual([
      { type: 'AWS::DynamoDB::Table', all: { read: true, write: true }, resources: [] },
      { type: 'AWS::S3::Object', all: { read: false, write: true }, resources: [] },
    ]);
  });
});
