import { describe, expect, it } from 'vitest';
import { matchesEventPattern, parseEventPattern, type EventPattern } from '../../../src/evaluate/views/derived/eventbridge-pattern.js';

function pattern(value: unknown): EventPattern {
  const parsed = parseEventPattern(JSON.stringify(value));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.pattern;
}
const event = {
  source: 'aws.kms',
  'detail-type': 'AWS API Call via CloudTrail',
  detail: { eventSource: 'kms.amazonaws.com', eventName: 'DisableKey', userIdentity: { type: 'IAMUser' }, count: 5, tags: ['a', 'b'] },
};

describe('EventBridge event patterns', () => {
  it('matches listed values and nested objects', () => {
    expect(matchesEventPattern(pattern({ source: ['aws.kms'], detail: { eventName: ['DisableKey', 'ScheduleKeyDeletion'] } }), event)).toBe(true);
    expect(matchesEventPattern(pattern({ source: ['aws.kms'], detail: { eventName: ['ScheduleKeyDeletion'] } }), event)).toBe(false);
    expect(matchesEventPattern(pattern({ detail: { userIdentity: { type: ['IAMUser'] } } }), event)).toBe(true);
  });

  it('supports the content filters', () => {
    expect(matchesEventPattern(pattern({ detail: { eventName: [{ prefix: 'Disable' }] } }), event)).toBe(true);
    expect(matchesEventPattern(pattern({ detail: { eventName: [{ suffix: 'Key' }] } }), event)).toBe(true);
    expect(matchesEventPattern(pattern({ detail: { eventName: [{ 'equals-ignore-case': 'disablekey' }] } }), event)).toBe(true);
    expect(matchesEventPattern(pattern({ detail: { eventName: [{ wildcard: 'Dis*Key' }] } }), event)).toBe(true);
    expect(matchesEventPattern(pattern({ detail: { eventName: [{ 'anything-but': ['EnableKey'] }] } }), event)).toBe(true);
    expect(matchesEventPattern(pattern({ detail: { eventName: [{ 'anything-but': 'DisableKey' }] } }), event)).toBe(false);
    expect(matchesEventPattern(pattern({ detail: { errorCode: [{ exists: false }] } }), event)).toBe(true);
    expect(matchesEventPattern(pattern({ detail: { errorCode: [{ exists: true }] } }), event)).toBe(false);
    expect(matchesEventPattern(pattern({ detail: { count: [{ numeric: ['>', 1, '<=', 5] }] } }), event)).toBe(true);
    expect(matchesEventPattern(pattern({ detail: { tags: ['b'] } }), event)).toBe(true);
  });

  it('supports $or', () => {
    expect(matchesEventPattern(pattern({ $or: [{ source: ['aws.iam'] }, { detail: { eventName: ['DisableKey'] } }] }), event)).toBe(true);
  });

  it('reports patterns it cannot read instead of guessing', () => {
    expect(parseEventPattern(undefined).ok).toBe(false);
    expect(parseEventPattern('{not json').ok).toBe(false);
    expect(parseEventPattern('["aws.kms"]').ok).toBe(false);
    expect(parseEventPattern('{"source":"aws.kms"}').ok).toBe(false);
    expect(parseEventPattern('{"detail":{"sourceIPAddress":[{"cidr":"10.0.0.0/8"}]}}').ok).toBe(false);
  });
});
