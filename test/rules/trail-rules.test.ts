/**
 * The trail rule pack (catalogue §8.1, §8.2) end to end: real rule files through the real loader,
 * inventory fixtures through the real view builder and evaluator, one asserted status per
 * (rule, resource), including the cases other scanners get wrong.
 */
import { describe, expect, it } from 'vitest';
import type { Result } from '../../src/evaluate/types.js';
import { builtinRules, evaluateFixture, statusByArn, type RuleParameters } from '../helpers/evaluate-fixture.js';

const PACK = [
  'cloudtrail-trail-exists',
  'cloudtrail-region-coverage',
  'cloudtrail-multi-region-trail',
  'cloudtrail-management-events-all',
  'cloudtrail-no-excluded-management-sources',
  'cloudtrail-global-service-events',
  'cloudtrail-global-events-not-duplicated',
  'cloudtrail-security-trail',
  'cloudtrail-all-trails-logging',
  'cloudtrail-organization-trail-covers-all-accounts',
  'cloudtrail-trail-designated-bucket',
  'cloudtrail-trail-tagged',
  'cloudtrail-insights-enabled',
  'cloudtrail-digest-delivery-healthy',
  'cloudtrail-kms-key-healthy',
  'kms-cmk-rotation',
  'cloudtrail-s3-delivery-healthy',
  'cloudtrail-cloudwatch-logs-integration',
  'cloudtrail-sns-notification-valid',
];

const rules = builtinRules(PACK);
type Statuses = Record<string, Result['status']>;

/** Status per `rule-id resource-arn` for one fixture, with optional rule parameters. */
function statuses(fixture: string, parameters: RuleParameters = {}): { byKey: Statuses; results: Result[] } {
  const results = evaluateFixture(fixture, rules, parameters);
  return { byKey: statusByArn(results), results };
}

const account = (id: string) => `arn:aws:::${id}`;
const trail = (id: string, name: string, region = 'us-east-1') => `arn:aws:cloudtrail:${region}:${id}:trail/${name}`;
const key = (id: string, name: string) => `arn:aws:kms:us-east-1:${id}:key/${name}`;

function expectStatuses(actual: Statuses, expected: Statuses): void {
  const picked = Object.fromEntries(Object.keys(expected).map((k) => [k, actual[k] ?? 'no result']));
  expect(picked).toEqual(expected);
}

// Each rule's inline cases (and their pass/fail/error/skip kinds) are run and checked for every
// built-in rule by builtin-rule-tests.test.ts and meta.test.ts; here only what is the pack's own.
describe('trail rule pack: rule files', () => {
  it('cites AWS documentation, and maps KMS rotation to CIS v5 §3.6, which v6 renumbered §4.6', () => {
    for (const rule of rules) {
      for (const ref of rule.references) expect(ref, rule.id).toMatch(/^https:\/\/(docs\.aws\.amazon\.com|aws\.amazon\.com)\//);
    }
    const rotation = rules.find((r) => r.id === 'kms-cmk-rotation')!;
    expect(rotation.frameworks['cis-aws-foundations@5.0.0']).toEqual(['3.6']);
    expect(rotation.frameworks['cis-aws-foundations@6.0.0']).toEqual(['4.6']);
  });
});

describe('trail rule pack on rulepack-trails/accounts.json', () => {
  const A = { none: '200000000001', good: '200000000002', denied: '200000000003', split: '200000000004', regional: '200000000005', broken: '200000000006', listedTwice: '200000000007' };
  const { byKey, results } = statuses('rulepack-trails/accounts.json', { 'cloudtrail-trail-designated-bucket': { bucket_names: ['org-log-archive'], key_prefix: 'o-rulepack' } });

  it('zero trails fail every coverage rule (never a vacuous pass)', () => {
    expectStatuses(byKey, {
      [`cloudtrail-trail-exists ${account(A.none)}`]: 'fail',
      [`cloudtrail-region-coverage ${account(A.none)}`]: 'fail',
      [`cloudtrail-multi-region-trail ${account(A.none)}`]: 'fail',
      [`cloudtrail-management-events-all ${account(A.none)}`]: 'fail',
      [`cloudtrail-global-service-events ${account(A.none)}`]: 'fail',
      [`cloudtrail-security-trail ${account(A.none)}`]: 'fail',
      [`cloudtrail-no-excluded-management-sources ${account(A.none)}`]: 'skip',
      [`cloudtrail-global-events-not-duplicated ${account(A.none)}`]: 'pass',
    });
  });

  it('a stopped secondary trail is not a coverage failure, and a not-enabled opt-in region is not uncovered', () => {
    expectStatuses(byKey, {
      [`cloudtrail-trail-exists ${account(A.good)}`]: 'pass',
      [`cloudtrail-region-coverage ${account(A.good)}`]: 'pass',
      [`cloudtrail-multi-region-trail ${account(A.good)}`]: 'pass',
      [`cloudtrail-all-trails-logging ${trail(A.good, 'main')}`]: 'pass',
      [`cloudtrail-all-trails-logging ${trail(A.good, 'legacy', 'eu-west-1')}`]: 'fail',
    });
  });

  it('a fully configured trail passes every trail rule; the stopped one is skipped where only logging trails matter', () => {
    const main = trail(A.good, 'main');
    const legacy = trail(A.good, 'legacy', 'eu-west-1');
    expectStatuses(byKey, {
      [`cloudtrail-management-events-all ${account(A.good)}`]: 'pass',
      [`cloudtrail-no-excluded-management-sources ${account(A.good)}`]: 'pass',
      [`cloudtrail-global-service-events ${account(A.good)}`]: 'pass',
      [`cloudtrail-global-events-not-duplicated ${account(A.good)}`]: 'pass',
      [`cloudtrail-security-trail ${account(A.good)}`]: 'pass',
      [`cloudtrail-trail-designated-bucket ${main}`]: 'pass',
      [`cloudtrail-trail-designated-bucket ${legacy}`]: 'fail',
      [`cloudtrail-trail-tagged ${main}`]: 'pass',
      [`cloudtrail-insights-enabled ${main}`]: 'pass',
      [`cloudtrail-insights-enabled ${legacy}`]: 'skip',
      [`cloudtrail-digest-delivery-healthy ${main}`]: 'pass',
      [`cloudtrail-digest-delivery-healthy ${legacy}`]: 'skip',
      [`cloudtrail-kms-key-healthy ${main}`]: 'pass',
      [`cloudtrail-kms-key-healthy ${legacy}`]: 'skip',
      [`cloudtrail-s3-delivery-healthy ${main}`]: 'pass',
      [`cloudtrail-s3-delivery-healthy ${legacy}`]: 'skip',
      [`cloudtrail-cloudwatch-logs-integration ${main}`]: 'pass',
      [`cloudtrail-cloudwatch-logs-integration ${legacy}`]: 'fail',
      [`cloudtrail-sns-notification-valid ${main}`]: 'pass',
      [`cloudtrail-sns-notification-valid ${legacy}`]: 'skip',
    });
  });

  it('AccessDenied on GetTrailStatus is an error, never a failure', () => {
    const main = trail(A.denied, 'main');
    expectStatuses(byKey, {
      [`cloudtrail-trail-exists ${account(A.denied)}`]: 'error',
      [`cloudtrail-region-coverage ${account(A.denied)}`]: 'error',
      [`cloudtrail-multi-region-trail ${account(A.denied)}`]: 'error',
      [`cloudtrail-management-events-all ${account(A.denied)}`]: 'error',
      [`cloudtrail-global-service-events ${account(A.denied)}`]: 'error',
      [`cloudtrail-security-trail ${account(A.denied)}`]: 'error',
      [`cloudtrail-all-trails-logging ${main}`]: 'error',
      [`cloudtrail-s3-delivery-healthy ${main}`]: 'error',
      [`cloudtrail-digest-delivery-healthy ${main}`]: 'error',
      [`cloudtrail-insights-enabled ${main}`]: 'error',
      // One trail whose status is unknown cannot make two: the count holds either way.
      [`cloudtrail-global-events-not-duplicated ${account(A.denied)}`]: 'pass',
    });
  });

  it('a key in an account outside the inventory is an error (NotCollected), not a failure', () => {
    expectStatuses(byKey, { [`cloudtrail-kms-key-healthy ${trail(A.denied, 'main')}`]: 'error' });
  });

  it('read-only and write-only advanced selectors add up to all events, but a KMS exclusion on the write half fails', () => {
    expectStatuses(byKey, {
      [`cloudtrail-management-events-all ${account(A.split)}`]: 'pass',
      [`cloudtrail-no-excluded-management-sources ${account(A.split)}`]: 'fail',
      [`cloudtrail-security-trail ${account(A.split)}`]: 'fail',
      // Two own multi-region trails: global events recorded twice (informational).
      [`cloudtrail-global-events-not-duplicated ${account(A.split)}`]: 'fail',
    });
  });

  it('two single-region trails cover the regions but are not a multi-region trail; only the us-east-1 one records global events', () => {
    expectStatuses(byKey, {
      [`cloudtrail-region-coverage ${account(A.regional)}`]: 'pass',
      [`cloudtrail-multi-region-trail ${account(A.regional)}`]: 'fail',
      [`cloudtrail-management-events-all ${account(A.regional)}`]: 'fail',
      [`cloudtrail-global-service-events ${account(A.regional)}`]: 'pass',
      [`cloudtrail-global-events-not-duplicated ${account(A.regional)}`]: 'pass',
    });
  });

  it('broken delivery fails the delivery-health rules even though the trail is "logging"', () => {
    const main = trail(A.broken, 'main');
    expectStatuses(byKey, {
      [`cloudtrail-all-trails-logging ${main}`]: 'pass',
      [`cloudtrail-s3-delivery-healthy ${main}`]: 'fail',
      [`cloudtrail-digest-delivery-healthy ${main}`]: 'fail',
      [`cloudtrail-cloudwatch-logs-integration ${main}`]: 'fail',
      [`cloudtrail-sns-notification-valid ${main}`]: 'fail',
      [`cloudtrail-kms-key-healthy ${main}`]: 'fail',
      [`cloudtrail-insights-enabled ${main}`]: 'fail',
      [`cloudtrail-trail-tagged ${main}`]: 'fail',
      [`cloudtrail-trail-designated-bucket ${main}`]: 'fail',
    });
  });

  it('rotation is required of every enabled customer symmetric key, not just trail keys; others are skipped', () => {
    expectStatuses(byKey, {
      [`kms-cmk-rotation ${key(A.good, 'main-key')}`]: 'pass',
      [`kms-cmk-rotation ${key(A.good, 'no-rotation')}`]: 'fail',
      [`kms-cmk-rotation ${key(A.good, 'signing-key')}`]: 'skip',
      [`kms-cmk-rotation ${key(A.good, 'aws-managed')}`]: 'skip',
      [`kms-cmk-rotation ${key(A.good, 'retiring')}`]: 'skip',
      [`kms-cmk-rotation ${key(A.good, 'imported')}`]: 'skip',
      [`kms-cmk-rotation ${key(A.broken, 'team-key')}`]: 'fail',
    });
  });

  it('a multi-region trail listed twice (shadow copies) is one trail: one result per trail rule, no duplicate global events', () => {
    const main = trail(A.listedTwice, 'main');
    const perRule = results.filter((r) => r.resourceArn === main).map((r) => r.ruleId);
    expect(perRule.length).toBeGreaterThan(5);
    expect(new Set(perRule).size).toBe(perRule.length);
    expectStatuses(byKey, {
      [`cloudtrail-global-events-not-duplicated ${account(A.listedTwice)}`]: 'pass',
      [`cloudtrail-multi-region-trail ${account(A.listedTwice)}`]: 'pass',
      [`cloudtrail-all-trails-logging ${main}`]: 'pass',
    });
  });

  it('without a designated bucket configured, the designated-bucket rule is skipped', () => {
    const { byKey: defaults } = statuses('rulepack-trails/accounts.json');
    expect(defaults[`cloudtrail-trail-designated-bucket ${trail(A.good, 'main')}`]).toBe('skip');
  });
});

describe('trail rule pack on organizations', () => {
  const org = (mgmt: string, id: string) => `arn:aws:organizations::${mgmt}:organization/${id}`;

  it('an organization trail missing from an active member fails, and says which account', () => {
    const { byKey, results } = statuses('rulepack-trails/org-reach.json');
    const id = `cloudtrail-organization-trail-covers-all-accounts ${org('300000000001', 'o-reach00001')}`;
    expect(byKey[id]).toBe('fail');
    const result = results.find((r) => `${r.ruleId} ${r.resourceArn}` === id)!;
    // Only the account that was read and lacks the trail; 300000000004 (not scanned) is unknown, not missing.
    expect(result.failures!.map((f) => f.actual)).toEqual([['300000000003']]);
    expect(result.message).toContain('300000000003');
  });

  it('an active account the inventory did not read is an error, not a failure; a suspended one is ignored', () => {
    const { byKey, results } = statuses('rulepack-trails/org-reach-unknown.json');
    const id = `cloudtrail-organization-trail-covers-all-accounts ${org('310000000001', 'o-unknown0001')}`;
    expect(byKey[id]).toBe('error');
    expect(results.find((r) => `${r.ruleId} ${r.resourceArn}` === id)!.error).toMatchObject({ operation: 'ListTrails', errorName: 'NotCollected', accountId: '310000000003' });
  });

  it('the organization trail seen from a member counts for coverage, and the member is not charged with a duplicate unless asked', () => {
    const { byKey } = statuses('rulepack-trails/org-reach.json');
    expectStatuses(byKey, {
      [`cloudtrail-trail-exists ${account('300000000002')}`]: 'pass',
      [`cloudtrail-multi-region-trail ${account('300000000002')}`]: 'pass',
      [`cloudtrail-management-events-all ${account('300000000002')}`]: 'pass',
      [`cloudtrail-security-trail ${account('300000000002')}`]: 'fail',
      [`cloudtrail-global-events-not-duplicated ${account('300000000002')}`]: 'pass',
    });
    const { byKey: strict } = statuses('rulepack-trails/org-reach.json', { 'cloudtrail-global-events-not-duplicated': { count_organization_trails: true } });
    expect(strict[`cloudtrail-global-events-not-duplicated ${account('300000000002')}`]).toBe('fail');
  });

  it('the Control Tower layout passes: members see the organization trail, its key in the log-archive account is scoped', () => {
    const { byKey } = statuses('control-tower.json');
    const ct = trail('222222222222', 'aws-controltower-BaselineCloudTrail');
    expectStatuses(byKey, {
      [`cloudtrail-organization-trail-covers-all-accounts ${org('222222222222', 'o-abc123def4')}`]: 'pass',
      [`cloudtrail-trail-exists ${account('444444444444')}`]: 'pass',
      [`cloudtrail-multi-region-trail ${account('444444444444')}`]: 'pass',
      [`cloudtrail-management-events-all ${account('444444444444')}`]: 'pass',
      [`cloudtrail-region-coverage ${account('444444444444')}`]: 'pass',
      [`cloudtrail-kms-key-healthy ${ct}`]: 'pass',
    });
  });
});

describe('trail rule pack on the core fixtures', () => {
  it('a read-only advanced selector is not all management events', () => {
    const { byKey } = statuses('advanced-read-only.json');
    expect(byKey[`cloudtrail-management-events-all ${account('666666666666')}`]).toBe('fail');
  });

  it('advanced selectors recording all management events pass, whatever the selector is called', () => {
    const { byKey } = statuses('advanced-all-management.json');
    expect(byKey[`cloudtrail-management-events-all ${account('555555555555')}`]).toBe('pass');
  });

  it('AccessDenied on GetEventSelectors is an error for the selector rules, and does not touch the status rules', () => {
    const { byKey } = statuses('access-denied-selectors.json');
    expectStatuses(byKey, {
      [`cloudtrail-management-events-all ${account('777777777777')}`]: 'error',
      [`cloudtrail-security-trail ${account('777777777777')}`]: 'error',
      [`cloudtrail-trail-exists ${account('777777777777')}`]: 'pass',
      [`cloudtrail-multi-region-trail ${account('777777777777')}`]: 'pass',
    });
  });

  it('a stopped trail beside a logging one: coverage passes, the stopped trail fails hygiene', () => {
    const { results } = statuses('stopped-beside-logging.json');
    const of = (rule: string) =>
      results
        .filter((r) => r.ruleId === rule)
        .map((r) => `${r.resourceName}:${r.status}`)
        .sort();
    expect(of('cloudtrail-region-coverage')).toEqual(['999999999999:pass']);
    expect(of('cloudtrail-trail-exists')).toEqual(['999999999999:pass']);
    expect(of('cloudtrail-all-trails-logging')).toEqual(['legacy:fail', 'main:pass']);
  });

  it('only a single-region trail fails the multi-region rule', () => {
    const { byKey } = statuses('single-region-only.json');
    expect(byKey[`cloudtrail-multi-region-trail ${account('888888888888')}`]).toBe('fail');
  });
});
