/**
 * The six built-in rules over the inventory fixtures: the verdicts a user would get from
 * `trailguard evaluate` on each layout, including the ones other scanners get wrong.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Inventory } from '../../src/inventory/types.js';
import { loadRuleSet } from '../../src/rules/load.js';
import { evaluateFixture, inventoryFixture, type RuleParameters } from '../helpers/evaluate-fixture.js';

const CORE_RULES = [
  'cloudtrail-multi-region-trail-logging',
  'cloudtrail-log-file-validation',
  'cloudtrail-sse-kms',
  's3-trail-bucket-lifecycle-archive',
  'org-trail-present',
  'cloudtrail-data-events-critical-buckets-only',
];
// The six rules of the core issue; the rule pack's other rules have their own tests.
const rules = loadRuleSet({ cwd: join(import.meta.dirname, '..', '..') }).rules.filter((r) => CORE_RULES.includes(r.id));
const critical = (buckets: string[]): RuleParameters => ({ 'cloudtrail-data-events-critical-buckets-only': { critical_buckets: buckets } });
const evaluateInventory = (inventory: Inventory, parameters?: RuleParameters) => evaluateFixture(inventory, rules, parameters);

/** "rule-id resource-name" → status, for every result. */
function verdicts(inventory: Inventory, parameters?: RuleParameters): Record<string, string> {
  return Object.fromEntries(evaluateInventory(inventory, parameters).map((r) => [`${r.ruleId} ${r.resourceName}`, r.status]));
}

describe('fixture verdicts of the six built-in rules', () => {
  it('loads all six', () => {
    expect(rules.map((r) => r.id).sort()).toEqual([...CORE_RULES].sort());
  });

  it('compliant account: everything passes; data events skip until critical buckets are set, then pass', () => {
    const inventory = inventoryFixture('compliant.json');
    expect(verdicts(inventory)).toEqual({
      'cloudtrail-data-events-critical-buckets-only 111111111111': 'skip',
      'cloudtrail-log-file-validation main': 'pass',
      'cloudtrail-multi-region-trail-logging 111111111111': 'pass',
      'cloudtrail-sse-kms main': 'pass',
      // A standalone account: the organization rule does not apply, and says so.
      'org-trail-present 111111111111': 'skip',
      's3-trail-bucket-lifecycle-archive trail-logs-111111111111': 'pass',
    });
    expect(verdicts(inventory, critical(['ledger-prod']))['cloudtrail-data-events-critical-buckets-only 111111111111']).toBe('pass');
    expect(verdicts(inventory, critical(['ledger-prod', 'hr-records']))['cloudtrail-data-events-critical-buckets-only 111111111111']).toBe('fail');
  });

  it('Control Tower: the organization trail is judged once in the management account, its log-archive bucket and key are found, members are covered', () => {
    expect(verdicts(inventoryFixture('control-tower.json'))).toEqual({
      'cloudtrail-data-events-critical-buckets-only 222222222222': 'skip',
      'cloudtrail-data-events-critical-buckets-only 333333333333': 'skip',
      'cloudtrail-data-events-critical-buckets-only 444444444444': 'skip',
      'cloudtrail-log-file-validation aws-controltower-BaselineCloudTrail': 'pass',
      'cloudtrail-multi-region-trail-logging 222222222222': 'pass',
      'cloudtrail-multi-region-trail-logging 333333333333': 'pass',
      'cloudtrail-multi-region-trail-logging 444444444444': 'pass',
      'cloudtrail-sse-kms aws-controltower-BaselineCloudTrail': 'pass',
      'org-trail-present o-abc123def4': 'pass',
      's3-trail-bucket-lifecycle-archive aws-controltower-logs-333333333333-us-east-1': 'pass',
    });
  });

  it('Control Tower member scanned alone: what the member cannot read about the organization trail is an error, never a failure', () => {
    const full = inventoryFixture('control-tower.json');
    const memberOnly: Inventory = { ...full, organization: undefined, accounts: full.accounts.filter((a) => a.AccountId === '444444444444') };
    const byRule = Object.fromEntries(evaluateInventory(memberOnly).map((r) => [r.ruleId, r]));
    // Members may not read an organization trail's selectors: coverage cannot be proven from here, nor disproven.
    expect(byRule['cloudtrail-multi-region-trail-logging']?.status).toBe('error');
    expect(byRule['cloudtrail-multi-region-trail-logging']?.error).toMatchObject({ accountId: '444444444444', operation: 'GetEventSelectors', errorName: 'AccessDeniedException' });
    // The key lives in the log-archive account, which this scan did not read.
    expect(byRule['cloudtrail-sse-kms']?.status).toBe('error');
    expect(byRule['cloudtrail-sse-kms']?.error).toMatchObject({ operation: 'DescribeKey', errorName: 'NotCollected', accountId: '333333333333' });
    // What the member could read is judged, once, as the owner's trail.
    expect(byRule['cloudtrail-log-file-validation']).toMatchObject({ status: 'pass', accountId: '222222222222', region: 'us-east-1' });
  });

  it('advanced selectors recording all management events pass coverage, and S3 data events on the named bucket count', () => {
    const inventory = inventoryFixture('advanced-all-management.json');
    expect(verdicts(inventory)['cloudtrail-multi-region-trail-logging 555555555555']).toBe('pass');
    expect(verdicts(inventory, critical(['ledger-prod']))['cloudtrail-data-events-critical-buckets-only 555555555555']).toBe('pass');
  });

  it('a read-only advanced selector fails coverage', () => {
    const [result] = evaluateInventory(inventoryFixture('advanced-read-only.json')).filter((r) => r.ruleId === 'cloudtrail-multi-region-trail-logging');
    expect(result?.status).toBe('fail');
    expect(result?.failures?.some((f) => f.path?.endsWith('derived.logsAllManagementEvents'))).toBe(true);
  });

  it('AccessDenied on GetEventSelectors is an error naming the call, not a failure', () => {
    const results = evaluateInventory(inventoryFixture('access-denied-selectors.json'), critical(['ledger-prod']));
    const coverage = results.find((r) => r.ruleId === 'cloudtrail-multi-region-trail-logging');
    expect(coverage?.status).toBe('error');
    expect(coverage?.error).toMatchObject({ accountId: '777777777777', region: 'us-east-1', operation: 'GetEventSelectors', errorName: 'AccessDeniedException' });
    expect(results.find((r) => r.ruleId === 'cloudtrail-data-events-critical-buckets-only')?.status).toBe('error');
    // What could be read is still judged.
    expect(results.find((r) => r.ruleId === 'cloudtrail-log-file-validation')?.status).toBe('pass');
  });

  it('only a single-region trail fails coverage', () => {
    expect(verdicts(inventoryFixture('single-region-only.json'))['cloudtrail-multi-region-trail-logging 888888888888']).toBe('fail');
  });

  it('a stopped trail beside a logging one passes coverage; both trails are judged on their own settings', () => {
    expect(verdicts(inventoryFixture('stopped-beside-logging.json'))).toEqual({
      'cloudtrail-data-events-critical-buckets-only 999999999999': 'skip',
      'cloudtrail-log-file-validation legacy': 'pass',
      'cloudtrail-log-file-validation main': 'pass',
      'cloudtrail-multi-region-trail-logging 999999999999': 'pass',
      'cloudtrail-sse-kms legacy': 'pass',
      'cloudtrail-sse-kms main': 'pass',
      'org-trail-present 999999999999': 'skip',
      's3-trail-bucket-lifecycle-archive trail-logs-999999999999': 'pass',
    });
  });

  it('a disabled KMS key fails SSE-KMS and says why', () => {
    const result = evaluateInventory(inventoryFixture('disabled-kms-key.json')).find((r) => r.ruleId === 'cloudtrail-sse-kms');
    expect(result?.status).toBe('fail');
    expect(result?.failures?.map((f) => f.path)).toContain('KmsKey.KeyMetadata.Enabled');
  });
});
