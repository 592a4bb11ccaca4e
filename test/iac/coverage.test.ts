/**
 * Every built-in rule means something for infrastructure as code: it is evaluated (pass or fail)
 * on a mapped resource of some IaC example, or it declares the live-only facts it reads
 * (src/iac/applicability.ts, printed in docs/rules.md) and is skipped as live-only there, or
 * it judges the account as a whole and is evaluated once --inventory gives the live account.
 */
import { describe, expect, it } from 'vitest';
import { loadConfiguredRules } from '../../src/config/configured-rules.js';
import type { Result } from '../../src/evaluate/types.js';
import { iacApplicability } from '../../src/iac/applicability.js';
import { buildIacInventory } from '../../src/iac/build-inventory.js';
import { readConfigurations } from '../../src/iac/read.js';
import { loadInventory, parseInventory } from '../../src/inventory/load.js';
import { evaluateInventory } from '../../src/scan/evaluate-inventory.js';

const cwd = process.cwd();
const { config, ruleSet } = loadConfiguredRules({ configPath: 'test/fixtures/iac/trailguard.config.yaml', ruleDirs: [], builtin: true, cwd });
const CFN = { accountId: '111122223333', region: 'eu-west-1' };
const RUNS: Array<{ files: string[]; target?: typeof CFN; live?: string }> = [
  { files: ['examples/iac/terraform/compliant/plan.json'] },
  { files: ['examples/iac/terraform/broken/plan.json'] },
  { files: ['examples/iac/cloudformation/log-archive.yaml'], target: CFN },
  { files: ['examples/iac/cloudformation/log-archive-broken.yaml'], target: CFN },
  { files: ['test/fixtures/iac/replace-trail.plan.json'], live: 'test/fixtures/inventory/compliant.json' },
];

function evaluateRun(run: (typeof RUNS)[number]): { results: Result[]; live: boolean } {
  const live = run.live ? loadInventory(run.live) : undefined;
  const { configurations, target } = readConfigurations(run.files, { cwd, ...run.target, ...(live ? { live } : {}) });
  const { inventory } = buildIacInventory({ configurations, target, ...(live ? { live } : {}), collectedAt: '2026-12-01T00:00:00Z' });
  // The inventory a configuration makes is a valid inventory (schemas/inventory.schema.json), as `collect` would save it.
  parseInventory(JSON.stringify(inventory), run.files.join(' '));
  return { results: evaluateInventory({ inventory, rules: ruleSet.rules, config, waivers: [] }).results, live: live !== undefined };
}

const liveOnlySkip = (r: Result) => r.status === 'skip' && r.skipReason?.startsWith('live-only: ') === true;
const judged = (r: Result) => r.status === 'pass' || r.status === 'fail';

describe('every built-in rule on infrastructure as code', () => {
  const runs = RUNS.map(evaluateRun);
  const pure = runs.filter((r) => !r.live).flatMap((r) => r.results);
  const onLive = runs.filter((r) => r.live).flatMap((r) => r.results);

  for (const rule of ruleSet.rules) {
    const { kind, liveOnly } = iacApplicability(rule);
    it(`${rule.id} (${kind})`, () => {
      const mine = pure.filter((r) => r.ruleId === rule.id);
      if (kind === 'yes') {
        expect(mine.some(judged), 'judged on some resource of an example').toBe(true);
        expect(mine.filter(liveOnlySkip)).toEqual([]);
      } else if (kind === 'partly') {
        expect(liveOnly.length).toBeGreaterThan(0);
        expect(
          mine.some((r) => judged(r) || liveOnlySkip(r)),
          'judged, or skipped as live-only',
        ).toBe(true);
      } else {
        // Without the live account: never a verdict from what a plan cannot show.
        for (const r of mine) expect(liveOnlySkip(r) || (r.status === 'skip' && /parameter/.test(r.skipReason ?? '')), `${r.resourceArn}: ${r.skipReason}`).toBe(true);
        if (rule.resource === 'account')
          expect(
            onLive.some((r) => r.ruleId === rule.id && !liveOnlySkip(r)),
            'evaluated with --inventory',
          ).toBe(true);
      }
    });
  }
});
