/**
 * The CIS monitoring chain end to end: the real rule files through the real loader, the
 * rulepack-monitoring inventories through the real view builder and evaluator, one asserted
 * status per (rule, account or log group), with the cases other scanners get wrong: patterns
 * written in another order or quoting, an organization trail whose log group lives in the
 * management account, alarms without actions, pending subscriptions, AccessDenied.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Result } from '../../src/evaluate/types.js';
import { MONITORING_CONTROLS } from '../../src/evaluate/views/derived/cis-monitoring-controls.js';
import { loadRuleSet } from '../../src/rules/load.js';
import { evaluateFixture, forEveryRule } from '../helpers/evaluate-fixture.js';

const REPO = join(import.meta.dirname, '..', '..');
const { rules } = loadRuleSet({ builtin: false, dirs: ['rules/cloudwatch', 'rules/sns', 'rules/logs'], cwd: REPO });
const MONITORING_RULES = rules.filter((r) => r.id.startsWith('cw-monitor-')).map((r) => r.id);
const FIXTURES = { organization: 'rulepack-monitoring/organization.json', standalone: 'rulepack-monitoring/standalone.json' };

/** Result per `rule-id account` (account views) or `rule-id account:log-group-name` (log-group views) for one fixture, with rule parameters applied to every rule that declares them. */
function statuses(fixture: keyof typeof FIXTURES, parameters: Record<string, unknown> = {}): Map<string, Result> {
  const results = evaluateFixture(FIXTURES[fixture], rules, forEveryRule(rules, parameters));
  return new Map(results.map((r) => [`${r.ruleId} ${r.resourceType === 'account' ? r.accountId : `${r.accountId}:${r.resourceName}`}`, r]));
}
const status = (results: Map<string, Result>, rule: string, resource: string) => results.get(`cw-monitor-${rule} ${resource}`)?.status ?? results.get(`${rule} ${resource}`)?.status;

const MGMT = '111111111111';
const MEMBER = '222222222222';
const SANDBOX = '444444444444';

describe('the monitoring rule pack', () => {
  // Every rule's inline cases run in builtin-rule-tests.test.ts.
  it('loads 19 rules, 15 of them the CIS monitoring controls', () => {
    expect(rules).toHaveLength(19);
    expect(MONITORING_RULES).toHaveLength(15);
  });

  it('every monitoring rule has strictness, accept_eventbridge and external_monitoring, and cis_version where the pattern changed', () => {
    for (const rule of rules.filter((r) => r.id.startsWith('cw-monitor-'))) {
      expect(rule.parameters.strictness?.default, rule.id).toBe('covers-events');
      expect(rule.parameters.accept_eventbridge?.default, rule.id).toBe(false);
      expect(rule.parameters.external_monitoring?.default, rule.id).toBe('');
      expect('cis_version' in rule.parameters, rule.id).toBe(['cw-monitor-unauthorized-api-calls', 'cw-monitor-security-group-changes'].includes(rule.id));
    }
  });
});

describe('rules and controls data agree', () => {
  it('each control has its rule, and each rule reads only control keys that exist', () => {
    const keys = new Set(MONITORING_CONTROLS.flatMap((c) => c.variants.map((v) => v.key)));
    expect(MONITORING_CONTROLS.map((c) => `cw-monitor-${c.id}`).sort()).toEqual([...MONITORING_RULES].sort());
    for (const rule of rules.filter((r) => r.id.startsWith('cw-monitor-'))) {
      const read = [...rule.source.matchAll(/derived\.monitoring\.([a-z0-9-]+)\./g)].map((m) => m[1]!);
      expect(read.length, rule.id).toBeGreaterThan(0);
      for (const key of read) expect(keys.has(key), `${rule.id} reads derived.monitoring.${key}`).toBe(true);
      const control = MONITORING_CONTROLS.find((c) => `cw-monitor-${c.id}` === rule.id)!;
      for (const variant of control.variants) expect(read, `${rule.id} never reads ${variant.key}`).toContain(variant.key);
    }
  });
});

describe('an organization with the trail log group in the management account (default: covers-events)', () => {
  const results = statuses('organization');

  it('passes the management account and every member through the organization trail', () => {
    for (const account of [MGMT, MEMBER, SANDBOX]) {
      for (const rule of ['root-usage', 'console-signin-no-mfa', 'iam-policy-changes', 'route-table-changes', 'unauthorized-api-calls', 'cmk-disable-delete', 'cloudtrail-config-changes']) {
        expect(status(results, rule, account), `${rule} ${account}`).toBe('pass');
      }
    }
  });

  it('fails an alarm with actions disabled, a pending subscription, an alarm in another region or namespace', () => {
    for (const rule of ['s3-bucket-policy-changes', 'config-changes', 'nacl-changes', 'network-gateway-changes']) {
      expect(status(results, rule, MEMBER), rule).toBe('fail');
    }
    expect(results.get(`cw-monitor-config-changes ${MEMBER}`)?.message).toContain('covers-events no-confirmed-subscription');
    expect(results.get(`cw-monitor-s3-bucket-policy-changes ${MEMBER}`)?.message).toContain('covers-events alarm-actions-disabled');
  });

  it('needs ModifySecurityGroupRules for CIS 5.0.0 (the default) but not for 4.0.1', () => {
    expect(status(results, 'security-group-changes', MGMT)).toBe('fail');
    expect(status(statuses('organization', { cis_version: '4.0.1' }), 'security-group-changes', MGMT)).toBe('pass');
  });

  it('does not credit a pattern it cannot parse', () => {
    expect(status(results, 'vpc-changes', MGMT)).toBe('fail');
  });

  it('skips Organizations changes in member accounts and evaluates them in the management account', () => {
    expect(status(results, 'organizations-changes', MGMT)).toBe('pass');
    expect(status(results, 'organizations-changes', MEMBER)).toBe('skip');
  });

  it('judges the adjacent rules on the management account log group', () => {
    const logGroup = `${MGMT}:aws-cloudtrail-logs-org`;
    expect(status(results, 'cw-alarm-actions-enabled', logGroup)).toBe('fail');
    expect(status(results, 'sns-alarm-topic-confirmed-subscriber', logGroup)).toBe('fail');
    expect(status(results, 'logs-trail-log-group-retention', logGroup)).toBe('pass');
    expect(status(results, 'logs-trail-log-group-kms', logGroup)).toBe('pass');
  });
});

describe('strictness', () => {
  it('exact-cis: the pattern in another order, without quotes or whitespace, still passes; extra names or wildcards do not', () => {
    const exact = statuses('organization', { strictness: 'exact-cis' });
    expect(status(exact, 'unauthorized-api-calls', MEMBER)).toBe('pass'); // clause groups swapped
    expect(status(exact, 'console-signin-no-mfa', MEMBER)).toBe('pass'); // no quotes, no whitespace, clauses swapped
    expect(status(exact, 'iam-policy-changes', MEMBER)).toBe('pass'); // || order reversed, quoted
    expect(status(exact, 'route-table-changes', MEMBER)).toBe('pass'); // CIS's own precedence quirk
    expect(status(exact, 'cloudtrail-config-changes', MEMBER)).toBe('fail'); // an extra event name
    expect(status(exact, 'cmk-disable-delete', MEMBER)).toBe('fail'); // a wildcard
  });

  it('superset-ok: extra OR-ed event names pass, a wildcard does not', () => {
    const superset = statuses('organization', { strictness: 'superset-ok' });
    expect(status(superset, 'cloudtrail-config-changes', MEMBER)).toBe('pass');
    expect(status(superset, 'cmk-disable-delete', MEMBER)).toBe('fail');
  });

  it('cis_version 3.0.0 wants the two-clause unauthorized-calls pattern when exact', () => {
    expect(status(statuses('organization', { strictness: 'exact-cis', cis_version: '3.0.0' }), 'unauthorized-api-calls', MEMBER)).toBe('fail');
    expect(status(statuses('organization', { cis_version: '3.0.0' }), 'unauthorized-api-calls', MEMBER)).toBe('pass');
  });
});

describe('the EventBridge alternative', () => {
  it('is accepted only with accept_eventbridge, and only with a rule in every enabled region', () => {
    expect(status(statuses('organization'), 'vpc-changes', MEMBER)).toBe('fail');
    const accepted = statuses('organization', { accept_eventbridge: true });
    expect(status(accepted, 'vpc-changes', MEMBER)).toBe('pass');
    expect(status(accepted, 'vpc-changes', MGMT)).toBe('fail');
    // a rule in us-east-1 only, and ListRules denied in eu-west-1: unknown, not fail
    expect(status(accepted, 'vpc-changes', SANDBOX)).toBe('error');
    expect(accepted.get(`cw-monitor-vpc-changes ${SANDBOX}`)?.error).toMatchObject({ operation: 'ListRules', region: 'eu-west-1' });
  });
});

describe('monitoring declared external (a SIEM)', () => {
  it('skips the account for manual verification instead of failing it', () => {
    const results = statuses('standalone', { external_monitoring: 'Splunk Enterprise Security' });
    expect(status(results, 'root-usage', '500000000001')).toBe('skip');
    expect(results.get('cw-monitor-root-usage 500000000001')?.skipReason).toContain('external solution');
  });
});

describe('standalone accounts, one broken link each', () => {
  const results = statuses('standalone');
  const expected: Record<string, Result['status']> = {
    '500000000001': 'fail', // no trail
    '500000000002': 'fail', // trail without a log group
    '500000000003': 'error', // log group in an account outside the inventory
    '500000000004': 'error', // DescribeMetricFilters denied
    '500000000005': 'error', // DescribeAlarms denied
    '500000000006': 'error', // ListSubscriptionsByTopic denied
    '500000000007': 'fail', // a perfect chain on a single-region trail
    '500000000008': 'fail', // an alarm without any action
  };

  it('gives each account the right root-usage verdict, naming the failed call for errors', () => {
    for (const [account, want] of Object.entries(expected)) expect(status(results, 'root-usage', account), account).toBe(want);
    expect(results.get('cw-monitor-root-usage 500000000003')?.error).toMatchObject({ operation: 'DescribeLogGroups', errorName: 'NotCollected' });
    expect(results.get('cw-monitor-root-usage 500000000004')?.error).toMatchObject({ operation: 'DescribeMetricFilters' });
    expect(results.get('cw-monitor-root-usage 500000000005')?.error).toMatchObject({ operation: 'DescribeAlarms' });
    expect(results.get('cw-monitor-root-usage 500000000006')?.error).toMatchObject({ operation: 'ListSubscriptionsByTopic' });
  });

  it('keeps a definite failure where the failed call cannot change the answer', () => {
    // DescribeAlarms denied, but no filter for VPC changes exists: no alarm could help.
    expect(status(results, 'vpc-changes', '500000000005')).toBe('fail');
  });

  it('judges the log-group rules with their own errors', () => {
    const logGroup = (account: string) => `${account}:trail-logs`;
    expect(status(results, 'cw-alarm-actions-enabled', logGroup('500000000005'))).toBe('error');
    expect(status(results, 'cw-alarm-actions-enabled', logGroup('500000000008'))).toBe('fail');
    expect(status(results, 'sns-alarm-topic-confirmed-subscriber', logGroup('500000000006'))).toBe('error');
    expect(status(results, 'sns-alarm-topic-confirmed-subscriber', logGroup('500000000004'))).toBe('error');
    expect(status(results, 'logs-trail-log-group-retention', logGroup('500000000004'))).toBe('fail');
    expect(status(results, 'logs-trail-log-group-retention', logGroup('500000000005'))).toBe('pass');
    expect(status(results, 'logs-trail-log-group-kms', logGroup('500000000005'))).toBe('fail');
  });
});
