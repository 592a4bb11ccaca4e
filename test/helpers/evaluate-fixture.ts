/**
 * Rules run over an inventory fixture as `trailguard evaluate --inventory` runs them: the real
 * view builder and evaluator, the scan time the inventory's collection time. The rule-pack
 * tests all evaluate this way, through this one helper.
 */
import { join } from 'node:path';
import type { Config } from '../../src/config/types.js';
import { evaluate } from '../../src/evaluate/evaluate.js';
import type { Result } from '../../src/evaluate/types.js';
import { buildViews } from '../../src/evaluate/views/index.js';
import { loadInventory } from '../../src/inventory/load.js';
import type { Inventory } from '../../src/inventory/types.js';
import { loadRuleSet } from '../../src/rules/load.js';
import type { Rule } from '../../src/rules/types.js';

export const INVENTORY_FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'inventory');

/** Rule id → its parameters, as under `rules:` in trailguard.yaml. */
export type RuleParameters = Record<string, Record<string, unknown>>;

/** An inventory fixture by its path under test/fixtures/inventory (loaded afresh: callers may edit it). */
export function inventoryFixture(name: string): Inventory {
  return loadInventory(join(INVENTORY_FIXTURES, name));
}

/** The results of `rules` over `fixture` (a path under test/fixtures/inventory, or an inventory), with these rule parameters. */
export function evaluateFixture(fixture: string | Inventory, rules: Rule[], parameters: RuleParameters = {}): Result[] {
  const inventory = typeof fixture === 'string' ? inventoryFixture(fixture) : fixture;
  const config: Config = { settings: { rules: Object.fromEntries(Object.entries(parameters).map(([id, p]) => [id, { parameters: p }])) }, ruleDirs: [] };
  return evaluate({ views: buildViews(inventory), rules, config, scanTime: new Date(inventory.collectedAt), run: { runId: 'test', tool: { name: 'trailguard', version: 'test' } } }).results;
}

/** Status per `rule-id resource-arn`. */
export function statusByArn(results: Result[]): Record<string, Result['status']> {
  return Object.fromEntries(results.map((r) => [`${r.ruleId} ${r.resourceArn}`, r.status]));
}

/** The same parameter values for every rule that declares them (a pack's shared knobs, such as strictness). */
export function forEveryRule(rules: Rule[], parameters: Record<string, unknown>): RuleParameters {
  return Object.fromEntries(rules.map((r) => [r.id, Object.fromEntries(Object.entries(parameters).filter(([name]) => name in r.parameters))]));
}

/** These built-in rules, through the real loader; an id that is not built in fails the test file at once. */
export function builtinRules(ids: readonly string[]): Rule[] {
  const all = new Map(loadRuleSet().rules.map((r) => [r.id, r]));
  return ids.map((id) => {
    const rule = all.get(id);
    if (!rule) throw new Error(`no built-in rule ${id}`);
    return rule;
  });
}
