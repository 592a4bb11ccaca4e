import { describe, expect, it } from 'vitest';
import type { Config } from '../../src/config/types.js';
import { evaluate, type EvaluateInput } from '../../src/evaluate/evaluate.js';
import { gate } from '../../src/evaluate/gate.js';
import type { View, ViewOf } from '../../src/evaluate/types.js';
import type { AccountViewData, TrailViewData } from '../../src/evaluate/views/view-data.generated.js';
import { loadRuleSet } from '../../src/rules/load.js';
import { validatorFor } from '../../src/documents/schemas.js';
import { stableStringify } from '../../src/util/stable-json.js';

const { rules } = loadRuleSet({ builtin: false, dirs: ['test/fixtures/rules/valid'] });
const denied = { service: 'cloudtrail', operation: 'DescribeTrails', errorName: 'AccessDeniedException', accountId: '222233334444', region: 'eu-west-1' };

/** Hand-made view data holding only what these rules read: the evaluator walks it as JSON. */
const only = <D>(data: Record<string, unknown>) => data as D;

function trail(account: string, region: string, name: string, data: Record<string, unknown>): ViewOf<'trail'> {
  return {
    type: 'trail',
    arn: `arn:aws:cloudtrail:${region}:${account}:trail/${name}`,
    name,
    accountId: account,
    region,
    data: only<TrailViewData>({ Trail: { Name: name, ...data }, derived: { isShadow: false } }),
  };
}

const views: View[] = [
  trail('222233334444', 'eu-west-1', 'denied', {}),
  trail('111122223333', 'us-east-1', 'on', { LogFileValidationEnabled: true }),
  trail('111122223333', 'us-east-1', 'off', { LogFileValidationEnabled: false }),
  { ...trail('111122223333', 'eu-west-1', 'shadow', {}), data: only<TrailViewData>({ Trail: { Name: 'shadow' }, derived: { isShadow: true } }) },
  {
    type: 'account',
    arn: 'arn:aws:::111122223333',
    name: '111122223333',
    accountId: '111122223333',
    region: 'global',
    data: only<AccountViewData>({ derived: { s3DataEvents: { allBuckets: { read: false, write: false }, buckets: [{ Name: 'ledger', ReadWriteType: 'All' }] } } }),
  },
];
views[0]!.data.$errors = { Trail: denied };

const base: EvaluateInput = {
  views,
  rules,
  scanTime: new Date('2026-01-01T00:00:00Z'),
  run: { runId: 'test-run', tool: { name: 'trailguard', version: '0.0.0' } },
};

function config(settings: Config['settings']): Config {
  return { settings, ruleDirs: [] };
}

describe('evaluate', () => {
  const doc = evaluate(base);
  const byName = (name: string, ruleId = 'fixture-trail-validation') => doc.results.find((r) => r.resourceName === name && r.ruleId === ruleId)!;

  it('gives one result per (rule, view of its resource type) with the right status', () => {
    expect(doc.results).toHaveLength(5);
    expect(byName('on').status).toBe('pass');
    expect(byName('off')).toMatchObject({
      status: 'fail',
      message: 'Trail off has LogFileValidationEnabled = false.',
      failures: [{ because: 'Log file validation must be on.', path: 'Trail.LogFileValidationEnabled', op: 'is_true', actual: false }],
    });
    expect(byName('shadow')).toMatchObject({ status: 'skip', skipReason: 'Shadow trail copy; judged in its home region.' });
    expect(byName('denied')).toMatchObject({ status: 'error', error: denied });
    expect(byName('denied').message).toBe('Could not read Trail.LogFileValidationEnabled: cloudtrail DescribeTrails failed with AccessDeniedException in 222233334444 eu-west-1');
    expect(byName('111122223333', 'fixture-critical-buckets')).toMatchObject({ status: 'skip', parameters: { critical_buckets: [] } });
  });

  it('sorts results by rule id, account, region and ARN', () => {
    expect(doc.results.map((r) => `${r.ruleId} ${r.accountId} ${r.region} ${r.resourceName}`)).toEqual([
      'fixture-critical-buckets 111122223333 global 111122223333',
      'fixture-trail-validation 111122223333 eu-west-1 shadow',
      'fixture-trail-validation 111122223333 us-east-1 off',
      'fixture-trail-validation 111122223333 us-east-1 on',
      'fixture-trail-validation 222233334444 eu-west-1 denied',
    ]);
  });

  it('gives stable ids (hash of rule id and ARN) and identical output whatever the input order', () => {
    const again = evaluate({ ...base, views: [...views].reverse(), rules: [...rules].reverse() });
    expect(stableStringify(again)).toBe(stableStringify(doc));
    expect(byName('on').id).toMatch(/^[0-9a-f]{20}$/);
    expect(new Set(doc.results.map((r) => r.id)).size).toBe(doc.results.length);
    const renamedTrail = evaluate({ ...base, views: [views[1]!] });
    expect(renamedTrail.results[0]!.id).toBe(byName('on').id);
  });

  it('keeps results distinct when views share an ARN (a multi-region trail seen per region)', () => {
    const copy = { ...views[1]!, region: 'eu-west-1' };
    const ids = evaluate({ ...base, views: [views[1]!, copy] }).results.map((r) => r.id);
    expect(new Set(ids).size).toBe(2);
  });

  it('summarises by status and by severity of failures, and lists the rules that ran', () => {
    expect(doc.summary).toEqual({
      total: 5,
      byStatus: { pass: 1, fail: 1, error: 1, skip: 2, waived: 0 },
      bySeverity: { informational: 0, low: 0, medium: 1, high: 0, critical: 0 },
    });
    expect(doc.rules.map((r) => [r.id, r.file, r.line])).toEqual([
      ['fixture-critical-buckets', 'test/fixtures/rules/valid/fixture-critical-buckets.yaml', 3],
      ['fixture-trail-validation', 'test/fixtures/rules/valid/fixture-trail-validation.yaml', 3],
    ]);
    expect(doc.run).toMatchObject({ scanTime: '2026-01-01T00:00:00.000Z', accounts: ['111122223333', '222233334444'], regions: ['eu-west-1', 'us-east-1'] });
  });

  it('writes a document that satisfies schemas/results.schema.json', () => {
    const validate = validatorFor('results');
    expect(validate(JSON.parse(stableStringify(doc))), JSON.stringify(validate.errors)).toBe(true);
  });

  it('applies config: "off" rules do not run, severity is overridden, parameters per account', () => {
    const configured = evaluate({
      ...base,
      config: config({
        rules: { 'fixture-trail-validation': 'off', 'fixture-critical-buckets': { severity: 'critical', parameters: { critical_buckets: ['ledger'] } } },
        overrides: [{ accounts: ['111122223333'], rules: { 'fixture-critical-buckets': { parameters: { critical_buckets: ['ledger', 'hr'] } } } }],
      }),
    });
    expect(configured.rules.map((r) => [r.id, r.severity])).toEqual([['fixture-critical-buckets', 'critical']]);
    expect(configured.results).toHaveLength(1);
    expect(configured.results[0]).toMatchObject({ severity: 'critical', status: 'fail', parameters: { critical_buckets: ['ledger', 'hr'] } });
    expect(configured.results[0]!.failures![0]).toMatchObject({ op: 'superset_of', offending: ['hr'] });
  });

  it('an override can turn a rule off for one account only', () => {
    const doc2 = evaluate({ ...base, config: config({ overrides: [{ accounts: ['222233334444'], rules: { 'fixture-trail-validation': 'off' } }] }) });
    expect(doc2.results.filter((r) => r.accountId === '222233334444')).toEqual([]);
    expect(doc2.rules).toHaveLength(2);
  });
});

describe('gate: the exit code of a results document', () => {
  const doc = evaluate(base);
  it('1 when a failure is at or above --fail-on (default: any severity)', () => {
    expect(gate(doc)).toBe(1);
    expect(gate(doc, { failOn: 'medium' })).toBe(1);
  });
  it('3 when failures are below the threshold but results are errors', () => expect(gate(doc, { failOn: 'high' })).toBe(3));
  it('0 when nothing fails or errors', () => expect(gate(evaluate({ ...base, views: [views[1]!] }))).toBe(0));
});
