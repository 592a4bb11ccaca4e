import { describe, expect, it } from 'vitest';
import type { LifecycleRule } from '../../../src/inventory/types.js';
import { prefixLifecycle, trailLogPrefix } from '../../../src/evaluate/views/derived/lifecycle.js';

const rule = (r: Partial<LifecycleRule>): LifecycleRule => ({ Status: 'Enabled', ...r });
const archive = (Days: number, StorageClass = 'GLACIER') => ({ Transitions: [{ Days, StorageClass }] });

describe('trailLogPrefix', () => {
  it('is AWSLogs/ under the trail key prefix', () => {
    expect(trailLogPrefix(undefined)).toBe('AWSLogs/');
    expect(trailLogPrefix('org')).toBe('org/AWSLogs/');
    expect(trailLogPrefix('org/')).toBe('org/AWSLogs/');
  });
});

describe('prefixLifecycle', () => {
  it('a whole-bucket rule archives and expires the log prefix', () => {
    expect(prefixLifecycle([rule({ Filter: { Prefix: '' }, ...archive(90), Expiration: { Days: 2555 } })], 'AWSLogs/')).toEqual({
      prefix: 'AWSLogs/',
      archiveTransitionDays: 90,
      expirationDays: 2555,
    });
  });

  it.each(['GLACIER', 'DEEP_ARCHIVE', 'GLACIER_IR'])('%s is an archive class', (cls) => {
    expect(prefixLifecycle([rule({ ...archive(30, cls) })], 'AWSLogs/').archiveTransitionDays).toBe(30);
  });

  it('STANDARD_IA is not an archive class', () => {
    expect(prefixLifecycle([rule({ ...archive(30, 'STANDARD_IA') })], 'AWSLogs/').archiveTransitionDays).toBeUndefined();
  });

  it('takes the smallest days over applicable rules, reading Filter.Prefix, Filter.And.Prefix and the legacy Prefix', () => {
    const rules = [rule({ Filter: { Prefix: 'AWS' }, ...archive(120) }), rule({ Filter: { And: { Prefix: 'AWSLogs/' } }, ...archive(60) }), rule({ Prefix: 'AWSLogs/', ...archive(45) })];
    expect(prefixLifecycle(rules, 'AWSLogs/').archiveTransitionDays).toBe(45);
  });

  it('ignores disabled rules and tag-filtered rules', () => {
    const rules = [rule({ Status: 'Disabled', ...archive(30), Expiration: { Days: 10 } }), rule({ Filter: { Tag: { Key: 'k', Value: 'v' } }, ...archive(30), Expiration: { Days: 10 } })];
    expect(prefixLifecycle(rules, 'AWSLogs/')).toEqual({ prefix: 'AWSLogs/' });
  });

  it('a rule on a narrower prefix does not archive the whole prefix, but its expiration counts', () => {
    const narrow = rule({ Filter: { Prefix: 'AWSLogs/111111111111/' }, ...archive(30), Expiration: { Days: 30 } });
    expect(prefixLifecycle([narrow], 'AWSLogs/')).toEqual({ prefix: 'AWSLogs/', expirationDays: 30 });
  });

  it('a rule on another prefix does not apply at all', () => {
    expect(prefixLifecycle([rule({ Filter: { Prefix: 'other/' }, ...archive(30), Expiration: { Days: 30 } })], 'AWSLogs/')).toEqual({ prefix: 'AWSLogs/' });
  });

  it('an object-size filter does not archive every log, but its expiration counts', () => {
    const sized = rule({ Filter: { ObjectSizeGreaterThan: 1024 }, ...archive(30), Expiration: { Days: 30 } });
    expect(prefixLifecycle([sized], 'AWSLogs/')).toEqual({ prefix: 'AWSLogs/', expirationDays: 30 });
  });
});
