/**
 * Rule-driven collection: each rule's needs are known, a selection's plan is followed call for
 * call, and a rule evaluated after a collection planned for it alone gives the same verdict as
 * after a full collection.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/package-info.js';
import { collectInventory } from '../../src/collect/inventory.js';
import type { Plan } from '../../src/collect/sections.js';
import { EMPTY_CONFIG } from '../../src/config/load.js';
import { plannedCalls, totalCalls, type AccountShape } from '../../src/plan/call-count.js';
import { planForRules, ruleNeeds } from '../../src/plan/rule-plan.js';
import { compileRule } from '../../src/rules/compile-rule.js';
import { loadRuleSet } from '../../src/rules/load.js';
import { parseYamlFile } from '../../src/documents/yaml-file.js';
import type { Rule } from '../../src/rules/types.js';
import { evaluateInventory } from '../../src/scan/evaluate-inventory.js';
import { sweepOrganization } from '../../src/sweep/sweep.js';
import { callsByOperation, simTarget } from '../helpers/sim-target.js';
import { useSimulator } from '../helpers/simulator.js';

const rules = loadRuleSet().rules;
const CORE = [
  'cloudtrail-multi-region-trail-logging',
  'cloudtrail-log-file-validation',
  'cloudtrail-sse-kms',
  's3-trail-bucket-lifecycle-archive',
  'org-trail-present',
  'cloudtrail-data-events-critical-buckets-only',
];
const core = rules.filter((r) => CORE.includes(r.id));
const tool = { name: 'trailguard', version: 'test' };
const now = new Date('2026-11-25T00:00:00Z');

describe('what each rule reads', () => {
  it('every built-in rule reads only paths a view declares, so every rule can be planned for', () => {
    expect(rules.length).toBeGreaterThan(40);
    const undeclared = rules.flatMap((r) => ruleNeeds(r).undeclared.map((p) => `${r.id}: ${p}`));
    expect(undeclared).toEqual([]);
  });

  it('reads come from the compiled conditions: JMESPath functions and multi-selects read the fields they name', () => {
    const rule = (resource: string, query: string) => {
      const text = [
        'schemaVersion: 1',
        'id: cloudtrail-query-reads',
        'title: t',
        'severity: low',
        `resource: ${resource}`,
        'description: d',
        'rationale: r',
        'remediation: { summary: s }',
        'references: []',
        `assert: { query: "${query}", op: not_empty }`,
        'messages: { pass: p, fail: f }',
        'tests: [{ name: n, view: {}, expect: fail }]',
      ].join('\n');
      const { rule, problems } = compileRule(parseYamlFile('rules/cloudtrail/cloudtrail-query-reads.yaml', text).yaml, 'test');
      expect(problems).toEqual([]);
      return rule!;
    };
    const counted = rule('account', 'length(derived.trails)');
    expect(counted.reads).toEqual(['derived.trails']);
    expect(ruleNeeds(counted)).toEqual({ sections: ['regions', 'trails'], undeclared: [] });
    const joined = rule('trail', '[Trail.Name, Bucket.Versioning.Status]');
    expect(joined.reads).toEqual(['Bucket.Versioning.Status', 'Trail.Name']);
    expect(ruleNeeds(joined).sections).toEqual(['bucket-versioning', 'trails']);
  });

  it('the six core rules need eleven sections, and no Insights, tags, bucket policy or monitoring chain', () => {
    expect([...planForRules(core)].sort()).toEqual([
      'bucket-lifecycle',
      'bucket-location',
      'identity',
      'key-metadata',
      'key-rotation',
      'organization',
      'organization-services',
      'regions',
      'trail-event-selectors',
      'trail-status',
      'trails',
    ]);
  });
});

describe('calls made against the simulator: one account, one multi-region trail, 17 regions', () => {
  const sim = useSimulator(join(PACKAGE_ROOT, 'test/fixtures/plan/one-trail.yaml'), { now: () => now });

  const collectWith = async (plan: Plan) => {
    sim.reset();
    const { inventory } = await collectInventory({ target: simTarget(sim, '444455556666'), plan, tool, now });
    return inventory;
  };

  it('the six core rules make at most 15 calls', async () => {
    await collectWith(planForRules(core));
    expect(sim.requests.length).toBeLessThanOrEqual(15);
    expect(callsByOperation(sim)).toEqual({
      'account:ListRegions': 1,
      'cloudtrail:GetEventSelectors': 1,
      'cloudtrail:GetTrail': 1,
      'cloudtrail:GetTrailStatus': 1,
      'cloudtrail:ListTrails': 1,
      'kms:DescribeKey': 1,
      'kms:GetKeyRotationStatus': 1,
      'organizations:DescribeOrganization': 1,
      's3:GetBucketLifecycleConfiguration': 1,
      's3:GetBucketLocation': 1,
      'sts:GetCallerIdentity': 1,
    });
  });

  it('the whole catalogue makes exactly the documented plan', async () => {
    const plan = planForRules(rules);
    await collectWith(plan);
    const shape: AccountShape = {
      enabledRegions: 17,
      trails: 1,
      trailsWithInsights: 1,
      buckets: 1,
      keys: 1,
      keysWithRotation: 1,
      ownKeys: 1,
      otherKeys: 0,
      otherCustomerSymmetricKeys: 0,
      logGroups: 1,
      logGroupRegions: 1,
      alarmTopics: 1,
      matchingEventRules: 1,
      eventDataStores: 1,
      scps: 0,
      management: false,
    };
    const planned = plannedCalls(plan, shape);
    const expected: Record<string, number> = {};
    for (const c of planned) if (c.calls) expected[c.operation] = (expected[c.operation] ?? 0) + c.calls;
    expect(callsByOperation(sim)).toEqual(Object.fromEntries(Object.entries(expected).sort(([a], [b]) => a.localeCompare(b))));
    expect(sim.requests.length).toBe(totalCalls(planned).known);
  });
});

describe('a rule collected for alone gives the verdict it gives after a full collection (demo organization)', () => {
  const sim = useSimulator(join(PACKAGE_ROOT, 'examples/demo-org.yaml'), { now: () => now });

  const sweep = async (plan: Plan) =>
    (
      await sweepOrganization({
        target: simTarget(sim, '111111111111', { maxAttempts: 8 }),
        plan,
        role: { roleName: 'OrganizationAccountAccessRole', sessionName: 'trailguard-test', durationSeconds: 3600 },
        filters: {},
        concurrency: 8,
        now,
        tool,
      })
    ).inventory;
  const verdicts = (inventory: Awaited<ReturnType<typeof sweep>>, selected: Rule[]) =>
    evaluateInventory({ inventory, rules: selected, config: EMPTY_CONFIG, waivers: [] }).results.map((r) => `${r.ruleId} ${r.resourceArn} ${r.status}`);

  it('for every built-in rule', async () => {
    const full = verdicts(await sweep(planForRules(rules)), rules);
    // Rules with the same plan share one collection.
    const byPlan = new Map<string, Rule[]>();
    for (const rule of rules) {
      const key = [...planForRules([rule])].sort().join(',');
      byPlan.set(key, [...(byPlan.get(key) ?? []), rule]);
    }
    for (const group of byPlan.values()) {
      const inventory = await sweep(planForRules(group));
      for (const rule of group) {
        const alone = verdicts(inventory, [rule]);
        expect(alone, rule.id).toEqual(full.filter((v) => v.startsWith(`${rule.id} `)));
      }
    }
  }, 180_000);
});
