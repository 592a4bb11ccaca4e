/**
 * `iac` benchmark: a Terraform plan with N copies of examples/iac/terraform/compliant (each in
 * an instance of a module, names made unique), read, mapped to an inventory and evaluated with
 * every built-in rule. Run: npm run bench:iac [-- --copies N] (default 100, 2,000 resources and
 * 100 trails in one account: far more trails than AWS allows one account, 5 per region).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { EMPTY_CONFIG } from '../src/config/load.js';
import { buildIacInventory } from '../src/iac/build-inventory.js';
import { readConfigurations } from '../src/iac/read.js';
import { loadRuleSet } from '../src/rules/load.js';
import { evaluateInventory } from '../src/scan/evaluate-inventory.js';

const LIMITS = { readMs: 1500, buildMs: 1000, evaluateMs: 3000, peakRssMb: 400 };

interface Change {
  address: string;
  module_address?: string;
}

function syntheticPlan(copies: number): string {
  const source = readFileSync('examples/iac/terraform/compliant/plan.json', 'utf8');
  const plan = JSON.parse(source) as { resource_changes: Change[]; planned_values: unknown; configuration: { root_module: Record<string, unknown> } };
  const changes: Change[] = [];
  for (let i = 0; i < copies; i++) {
    // Unique names per copy (buckets, trails, log groups, topics, alarms), the same references.
    const copy = JSON.parse(
      JSON.stringify(plan.resource_changes)
        .replaceAll('organization-trail', `organization-trail-${i}`)
        .replaceAll('acme-cloudtrail-logs-', `acme-${i}-cloudtrail-logs-`)
        .replaceAll('"cloudtrail-alerts"', `"cloudtrail-alerts-${i}"`)
        .replaceAll('"root-usage"', `"root-usage-${i}"`),
    ) as Change[];
    for (const c of copy) {
      const prefix = `module.copy[${i}]`;
      c.address = `${prefix}.${c.address}`;
      c.module_address = c.module_address ? `${prefix}.${c.module_address}` : prefix;
      changes.push(c);
    }
  }
  const root = plan.configuration.root_module;
  return JSON.stringify({ ...plan, resource_changes: changes, configuration: { ...plan.configuration, root_module: { module_calls: { copy: { source: './copy', module: root } } } } });
}

function main(): void {
  const flag = process.argv.indexOf('--copies');
  const copies = flag >= 0 ? Number(process.argv[flag + 1]) : 100;
  const dir = mkdtempSync(join(tmpdir(), 'trailguard-bench-iac-'));
  try {
    const file = join(dir, 'plan.json');
    writeFileSync(file, syntheticPlan(copies));
    const rules = loadRuleSet().rules;

    let t = performance.now();
    const { configurations, target } = readConfigurations([file], { cwd: dir });
    const readMs = performance.now() - t;

    t = performance.now();
    const { inventory } = buildIacInventory({ configurations, target, collectedAt: '2026-12-01T00:00:00Z' });
    const buildMs = performance.now() - t;

    t = performance.now();
    const doc = evaluateInventory({ inventory, rules, config: EMPTY_CONFIG, waivers: [] });
    const evaluateMs = performance.now() - t;
    const peakRssMb = process.resourceUsage().maxRSS / 1024;

    const rows: Array<[string, string, string]> = [
      ['copies of the example', String(copies), ''],
      ['plan size', `${(readFileSync(file).length / 1e6).toFixed(1)} MB`, ''],
      ['resources', String(configurations[0]!.resources.length), ''],
      ['results', String(doc.results.length), ''],
      ['read (parse, references, .tf lookup) ms', readMs.toFixed(0), `< ${LIMITS.readMs}`],
      ['map to inventory ms', buildMs.toFixed(0), `< ${LIMITS.buildMs}`],
      ['evaluate ms', evaluateMs.toFixed(0), `< ${LIMITS.evaluateMs}`],
      ['peak RSS MB', peakRssMb.toFixed(0), `< ${LIMITS.peakRssMb}`],
    ];
    const width = Math.max(...rows.map(([k]) => k.length));
    const valueWidth = Math.max(...rows.map(([, v]) => v.length));
    process.stdout.write(rows.map(([k, v, limit]) => `${k.padEnd(width)}  ${v.padStart(valueWidth)}  ${limit}`.trimEnd()).join('\n') + '\n');
    const over = (['readMs', 'buildMs', 'evaluateMs', 'peakRssMb'] as const).filter((k) => ({ readMs, buildMs, evaluateMs, peakRssMb })[k] > LIMITS[k]);
    if (over.length > 0) {
      process.stderr.write(`over the limit: ${over.join(', ')}\n`);
      process.exitCode = 1;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
