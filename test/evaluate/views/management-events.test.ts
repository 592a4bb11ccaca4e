import { describe, expect, it } from 'vitest';
import type { AdvancedEventSelector, EventSelector } from '../../../src/inventory/types.js';
import { basicToAdvanced, effectiveSelectors } from '../../../src/evaluate/views/derived/basic-selectors.js';
import { logsAllManagementEvents, managementEvents } from '../../../src/evaluate/views/derived/management-events.js';

const basic = (...selectors: EventSelector[]) => managementEvents(basicToAdvanced(selectors));
const advanced = (...selectors: AdvancedEventSelector[]) => managementEvents(selectors);
const MANAGEMENT = { Field: 'eventCategory', Equals: ['Management'] };

describe('management events from basic selectors', () => {
  it('ReadWriteType All with management events records everything', () => {
    const m = basic({ ReadWriteType: 'All', IncludeManagementEvents: true });
    expect(m).toEqual({ read: true, write: true, all: true, excludedSources: [] });
    expect(logsAllManagementEvents(m)).toBe(true);
  });

  it('IncludeManagementEvents defaults to true, ReadWriteType to All', () => {
    expect(basic({}).all).toBe(true);
  });

  it('ReadOnly records reads only', () => {
    expect(basic({ ReadWriteType: 'ReadOnly', IncludeManagementEvents: true })).toEqual({ read: true, write: false, all: false, excludedSources: [] });
  });

  it('IncludeManagementEvents false records none', () => {
    expect(basic({ ReadWriteType: 'All', IncludeManagementEvents: false, DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3'] }] })).toEqual({
      read: false,
      write: false,
      all: false,
      excludedSources: [],
    });
  });

  it('excluded event sources are reported and stop logsAllManagementEvents', () => {
    const m = basic({ ReadWriteType: 'All', IncludeManagementEvents: true, ExcludeManagementEventSources: ['kms.amazonaws.com', 'rdsdata.amazonaws.com'] });
    expect(m).toEqual({ read: true, write: true, all: true, excludedSources: ['kms.amazonaws.com', 'rdsdata.amazonaws.com'] });
    expect(logsAllManagementEvents(m)).toBe(false);
  });

  it('a read-only selector plus a write-only selector add up to all (documented choice: together they record every event)', () => {
    const m = basic({ ReadWriteType: 'ReadOnly' }, { ReadWriteType: 'WriteOnly' });
    expect(m.all).toBe(true);
    expect(logsAllManagementEvents(m)).toBe(true);
  });
});

describe('management events from advanced selectors', () => {
  it('eventCategory = Management alone records everything', () => {
    expect(logsAllManagementEvents(advanced({ FieldSelectors: [MANAGEMENT] }))).toBe(true);
  });

  it('a readOnly = true selector is not all events', () => {
    const m = advanced({ FieldSelectors: [MANAGEMENT, { Field: 'readOnly', Equals: ['true'] }] });
    expect(m).toEqual({ read: true, write: false, all: false, excludedSources: [] });
    expect(logsAllManagementEvents(m)).toBe(false);
  });

  it('readOnly = true and readOnly = false selectors add up to all', () => {
    const m = advanced({ FieldSelectors: [MANAGEMENT, { Field: 'readOnly', Equals: ['true'] }] }, { FieldSelectors: [MANAGEMENT, { Field: 'readOnly', Equals: ['false'] }] });
    expect(m.all).toBe(true);
  });

  it('readOnly NotEquals false selects the reads', () => {
    expect(advanced({ FieldSelectors: [MANAGEMENT, { Field: 'readOnly', NotEquals: ['false'] }] })).toMatchObject({ read: true, write: false });
  });

  it('eventSource NotEquals is an excluded source, not a gap in read or write', () => {
    const m = advanced({ FieldSelectors: [MANAGEMENT, { Field: 'eventSource', NotEquals: ['kms.amazonaws.com'] }] });
    expect(m).toEqual({ read: true, write: true, all: true, excludedSources: ['kms.amazonaws.com'] });
    expect(logsAllManagementEvents(m)).toBe(false);
  });

  it('a data-only selector records no management events', () => {
    expect(
      advanced({
        FieldSelectors: [
          { Field: 'eventCategory', Equals: ['Data'] },
          { Field: 'resources.type', Equals: ['AWS::S3::Object'] },
        ],
      }).all,
    ).toBe(false);
  });

  it('a selector narrowed by eventName is not all events', () => {
    expect(advanced({ FieldSelectors: [MANAGEMENT, { Field: 'eventName', NotEquals: ['ConsoleLogin'] }] }).all).toBe(false);
  });
});

describe('effectiveSelectors', () => {
  it('prefers advanced selectors, falls back to basic ones, and is undefined when neither was read', () => {
    const adv = [{ FieldSelectors: [MANAGEMENT] }];
    expect(effectiveSelectors({ AdvancedEventSelectors: adv })).toBe(adv);
    expect(effectiveSelectors({ EventSelectors: [{ ReadWriteType: 'All' }] })).toHaveLength(1);
    expect(effectiveSelectors({})).toBeUndefined();
  });
});
