/**
 * Collector call counts: one account, one multi-region trail, 17 enabled regions (the world
 * of test/fixtures/plan/one-trail.yaml), collected through the real SDK clients against the
 * simulator for the six core rules, each shipped benchmark, and the whole pack. Prints the
 * calls by operation beside the documented plan (docs/api-calls.md turned into numbers).
 *
 *   npx tsx bench/collect.ts
 */
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../src/package-info.js';
import { collectInventory } from '../src/collect/inventory.js';
import { plannedCalls, totalCalls, type AccountShape } from '../src/plan/call-count.js';
import { planForRules } from '../src/plan/rule-plan.js';
import { builtinBenchmarks } from '../src/rules/benchmark-load.js';
import { selectBenchmark } from '../src/rules/benchmarks.js';
import { loadRuleSet } from '../src/rules/load.js';
import type { Rule } from '../src/rules/types.js';
import { startSimulator } from '../src/simulator/index.js';

const ACCOUNT = '444455556666';
const CORE = [
  'cloudtrail-multi-region-trail-logging',
  'cloudtrail-log-file-validation',
  'cloudtrail-sse-kms',
  's3-trail-bucket-lifecycle-archive',
  'org-trail-present',
  'cloudtrail-data-events-critical-buckets-only',
];
/** What the world holds, for the documented plan's multipliers. */
const SHAPE: AccountShape = {
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

const all = loadRuleSet().rules;
const selections: Array<[string, Rule[]]> = [
  ['six core rules', all.filter((r) => CORE.includes(r.id))],
  ...builtinBenchmarks().map((b): [string, Rule[]] => [b.id, selectBenchmark(all, b.id).rules]),
  ['whole pack', all],
];

const sim = await startSimulator({ world: join(PACKAGE_ROOT, 'test/fixtures/plan/one-trail.yaml'), maxLogEntries: 10_000 });
const target = { credentials: sim.credentialsFor(ACCOUNT), globalRegion: 'us-east-1', endpointUrl: sim.endpoint, maxAttempts: 3, requestTimeoutMs: 10_000 };
const summary: string[][] = [];
for (const [name, rules] of selections) {
  const plan = planForRules(rules);
  sim.reset();
  const started = performance.now();
  await collectInventory({ target, plan, tool: { name: 'trailguard', version: 'bench' } });
  const ms = performance.now() - started;
  const actual = new Map<string, number>();
  for (const r of sim.requests) actual.set(`${r.service}:${r.operation}`, (actual.get(`${r.service}:${r.operation}`) ?? 0) + 1);
  const planned = new Map<string, number>();
  const calls = plannedCalls(plan, SHAPE);
  for (const c of calls) if (c.calls) planned.set(c.operation, (planned.get(c.operation) ?? 0) + c.calls);
  console.log(`\n${name}: ${rules.length} rules, ${plan.size} sections, ${sim.requests.length} calls (documented plan: ${totalCalls(calls).known}) in ${ms.toFixed(0)} ms`);
  console.log(`  ${'operation'.padEnd(52)} ${'calls'.padStart(6)} ${'plan'.padStart(6)}`);
  for (const op of [...new Set([...actual.keys(), ...planned.keys()])].sort()) {
    const a = actual.get(op) ?? 0;
    const p = planned.get(op) ?? 0;
    console.log(`  ${op.padEnd(52)} ${String(a).padStart(6)} ${String(p).padStart(6)}${a === p ? '' : '   ← differs'}`);
  }
  summary.push([name, String(rules.length), String(sim.requests.length), String(totalCalls(calls).known)]);
}
await sim.close();
console.log(`\n${'selection'.padEnd(46)} ${'rules'.padStart(5)} ${'calls'.padStart(6)} ${'plan'.padStart(6)}`);
for (const [name, rules, calls, plan] of summary) console.log(`${name!.padEnd(46)} ${rules!.padStart(5)} ${calls!.padStart(6)} ${plan!.padStart(6)}`);
