/**
 * The CIS Config, VPC flow log and Security Hub rules end to end: the real rule files through the
 * real loader, the rulepack-regional inventory through the real view builder and evaluator, one
 * asserted status per (rule, account), with the cases other scanners get wrong: an opt-in region
 * that is not enabled, global IAM types recorded in one region only, a VPC shared by another
 * account, an accept-only or undeliverable flow log, "not subscribed" versus AccessDenied.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Result } from '../../src/evaluate/types.js';
import { loadRuleSet } from '../../src/rules/load.js';
import { evaluateFixture, forEveryRule } from '../helpers/evaluate-fixture.js';

const REPO = join(import.meta.dirname, '..', '..');
const { rules } = loadRuleSet({ builtin: false, dirs: ['rules/config', 'rules/vpc', 'rules/securityhub'], cwd: REPO });

const GOOD = '600000000001';
const GAPS = '600000000002';
const DENIED = '600000000003';
const EMPTY = '600000000004';

/** Result per `rule-id account`, with these parameters for the rules that declare them. */
function results(parameters: Record<string, unknown> = {}): Map<string, Result> {
  return new Map(evaluateFixture('rulepack-regional/accounts.json', rules, forEveryRule(rules, parameters)).map((r) => [`${r.ruleId} ${r.accountId}`, r]));
}
const statusOf = (all: Map<string, Result>, rule: string, account: string) => all.get(`${rule} ${account}`)?.status;
const table = (all: Map<string, Result>) => Object.fromEntries(rules.map((r) => [r.id, [GOOD, GAPS, DENIED, EMPTY].map((a) => statusOf(all, r.id, a))]));

describe('the regional services rule pack', () => {
  // Every rule's inline cases run in builtin-rule-tests.test.ts.
  it('loads three rules', () => {
    expect(rules.map((r) => r.id).sort()).toEqual(['config-recorder-all-regions', 'securityhub-enabled', 'vpc-flow-logs-enabled']);
  });

  it('gives each account the verdict its configuration deserves (defaults)', () => {
    expect(table(results())).toEqual({
      //                            GOOD    GAPS    DENIED   EMPTY
      'config-recorder-all-regions': ['pass', 'fail', 'error', 'fail'],
      'vpc-flow-logs-enabled': ['pass', 'fail', 'error', 'skip'],
      'securityhub-enabled': ['pass', 'fail', 'error', 'fail'],
    });
  });
});

describe('config-recorder-all-regions', () => {
  const all = results();

  it('requires the opted-in af-south-1 of one account and not the not-enabled af-south-1 of another', () => {
    expect(all.get(`config-recorder-all-regions ${GOOD}`)?.message).toContain('af-south-1');
    expect(all.get(`config-recorder-all-regions ${GAPS}`)?.message).not.toContain('af-south-1');
  });

  it('names the region recording chosen types only', () => {
    expect(all.get(`config-recorder-all-regions ${GAPS}`)?.message).toContain('chosen types only: ["eu-west-1"]');
  });

  it('global IAM types in one region pass by default, and fail when every region must record them', () => {
    expect(statusOf(results({ global_resource_types: 'every-region' }), 'config-recorder-all-regions', GOOD)).toBe('fail');
  });

  it('the service-linked role passes when required, and a custom role is named as required (Security Hub Config.1)', () => {
    expect(statusOf(results({ require_service_linked_role: true }), 'config-recorder-all-regions', GOOD)).toBe('pass');
    expect(results({ require_service_linked_role: true }).get(`config-recorder-all-regions ${GAPS}`)?.message).toContain(
      'recorders without the service-linked role: ["us-east-1"] (required: true)',
    );
  });

  it('an AccessDenied on the recorder status is an error naming the call and region, never a failure', () => {
    const result = all.get(`config-recorder-all-regions ${DENIED}`);
    expect(result?.error).toMatchObject({ operation: 'DescribeConfigurationRecorderStatus', region: 'eu-west-1', errorName: 'AccessDeniedException' });
  });
});

describe('vpc-flow-logs-enabled', () => {
  it("a VPC shared by another account is not this account's to log; REJECT passes by default, ALL is a parameter", () => {
    expect(statusOf(results(), 'vpc-flow-logs-enabled', GOOD)).toBe('pass');
    const strict = results({ traffic_type: 'ALL' });
    expect(statusOf(strict, 'vpc-flow-logs-enabled', GOOD)).toBe('fail');
    expect(strict.get(`vpc-flow-logs-enabled ${GOOD}`)?.message).toContain('eu-west-1/vpc-0600000000000011');
  });

  it('an ACCEPT-only flow log and one that fails to deliver do not count', () => {
    const message = results().get(`vpc-flow-logs-enabled ${GAPS}`)?.message ?? '';
    expect(message).toContain('eu-west-1/vpc-0600000000000021');
    expect(message).toContain('failing delivery: ["us-east-1/vpc-0600000000000022"]');
  });

  it('an AccessDenied on DescribeFlowLogs is an error, and an account without VPCs is skipped', () => {
    expect(results().get(`vpc-flow-logs-enabled ${DENIED}`)?.error).toMatchObject({ operation: 'DescribeFlowLogs', errorName: 'UnauthorizedOperation', region: 'eu-west-1' });
    expect(results().get(`vpc-flow-logs-enabled ${EMPTY}`)?.message).toMatch(/owns no VPC/);
  });
});

describe('securityhub-enabled', () => {
  it('"not subscribed" is a failure naming the region; AccessDenied is an error, never "disabled"', () => {
    const all = results();
    expect(all.get(`securityhub-enabled ${GAPS}`)?.message).toContain('eu-west-1');
    expect(all.get(`securityhub-enabled ${DENIED}`)?.error).toMatchObject({ operation: 'DescribeHub', errorName: 'AccessDeniedException' });
  });
});
