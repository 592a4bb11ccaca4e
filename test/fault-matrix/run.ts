/**
 * The metamorphic fault matrix (`npm run -s fault-matrix`, from .ci/run): the demo organization
 * is swept once cleanly, then once per case with one fault injected by the simulator, and each
 * faulted scan is compared with the clean one (compare.ts). The cases: every operation of the
 * whole pack's plan denied, for one account and for every account; and on each service,
 * throttling (30%), HTTP 500, connection resets and hangs, for one account and for every
 * account. Scans run in-process with short timeouts, the cases split across two worker processes.
 * Prints the number of cases and each violation; exits 1 when there is one.
 * FAULT_MATRIX_ONLY=<regex> runs only the cases whose label matches.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { AwsTarget } from '../../src/collect/aws-target.js';
import { SECTIONS, SWEEP_SECTIONS, type SectionId } from '../../src/collect/sections.js';
import type { Result } from '../../src/evaluate/types.js';
import { InputError } from '../../src/errors.js';
import { planForRules } from '../../src/plan/rule-plan.js';
import { evaluateInventory } from '../../src/scan/evaluate-inventory.js';
import { loadRunRules } from '../../src/cli/rule-selection.js';
import type { RunRules } from '../../src/scan/complete-run.js';
import { DEMO_WORLD, startSimulator, type FaultSpec, type Simulator } from '../../src/simulator/index.js';
import { sweepOrganization } from '../../src/sweep/sweep.js';
import { DEMO_CONFIG } from '../../src/cli/commands/demo.js';
import { compareResults, type Fault, type Violation } from './compare.js';

const MANAGEMENT = '111111111111';
/** The one-account scope: payments-prod, compliant, with its own trail, monitoring and regional services. */
const ONE_ACCOUNT = '444444444444';
const REGIONS = ['us-east-1', 'eu-west-1'];
const NOW = new Date('2026-11-25T08:00:00Z');
const WORKERS = 2;

interface Case {
  fault: Fault;
  spec: FaultSpec;
}

function cases(rules: RunRules): Case[] {
  const plan = planForRules(rules.rules);
  const sections = [...plan, ...SWEEP_SECTIONS.filter((s) => s === 'owned-buckets')] as SectionId[];
  const operations = new Map<string, { service: string; operation: string }>();
  for (const id of sections) for (const c of SECTIONS[id].calls) operations.set(`${c.service}:${c.operation}`, c);
  const services = [...new Set([...operations.values()].map((o) => o.service))].sort();
  const scopes: Array<[string, string | undefined]> = [
    [`account ${ONE_ACCOUNT}`, ONE_ACCOUNT],
    ['every account', undefined],
  ];
  const out: Case[] = [];
  for (const [scope, account] of scopes) {
    const at = account ? { account } : {};
    for (const [call, { service, operation }] of [...operations].sort(([a], [b]) => a.localeCompare(b))) {
      out.push({ fault: { label: `${call} denied, ${scope}`, service, operation }, spec: { kind: 'accessDenied', service, operation, ...at } });
    }
    for (const service of services) {
      const kinds: Array<[string, FaultSpec]> = [
        ['throttled 30%', { kind: 'throttle', service, rate: 0.3, ...at }],
        ['HTTP 500', { kind: 'error', status: 500, service, ...at }],
        ['connection reset', { kind: 'reset', service, ...at }],
        ['hung', { kind: 'hang', service, ...at }],
      ];
      for (const [what, spec] of kinds) out.push({ fault: { label: `${service} ${what}, ${scope}`, service }, spec });
    }
  }
  return out;
}

function target(sim: Simulator, hang: boolean): AwsTarget {
  return {
    credentials: sim.credentialsFor(MANAGEMENT),
    globalRegion: 'us-east-1',
    endpointUrl: sim.endpoint,
    maxAttempts: 3,
    // A hang costs two of these per endpoint; elsewhere a timeout on a loaded machine would be a fault of its own.
    requestTimeoutMs: hang ? 3_000 : 20_000,
    retryTuning: { baseDelayMs: 2, minFillRate: 1000 },
  };
}

/** One organization sweep and its results; undefined when the scan refused to run (exit 2). */
async function scan(sim: Simulator, rules: RunRules, hang = false): Promise<Result[] | undefined> {
  try {
    const { inventory } = await sweepOrganization({
      target: target(sim, hang),
      plan: planForRules(rules.rules),
      role: { roleName: 'OrganizationAccountAccessRole', sessionName: 'fault-matrix', durationSeconds: 3600 },
      filters: {},
      regions: REGIONS,
      concurrency: 10,
      now: NOW,
      tool: { name: 'trailguard', version: 'fault-matrix' },
    });
    return evaluateInventory({ inventory, rules: rules.rules, config: rules.config, waivers: [], scanTime: NOW }).results;
  } catch (error) {
    if (error instanceof InputError) return undefined;
    throw error;
  }
}

interface WorkerReport {
  checked: number;
  refused: string[];
  violations: Violation[];
}

async function runCases(selected: Case[], rules: RunRules): Promise<WorkerReport> {
  const sim = await startSimulator({ world: DEMO_WORLD, seed: 7 });
  try {
    const clean = await scan(sim, rules);
    if (!clean) throw new Error('the clean scan of the demo organization refused to run');
    // The baseline must be reproducible, or every case would report its noise.
    const again = await scan(sim, rules);
    const noise = compareResults(clean, again ?? [], { label: 'a second clean scan', service: '' });
    if (noise.length)
      throw new Error(
        `two clean scans differ: ${noise
          .slice(0, 5)
          .map((v) => `${v.ruleId} ${v.resourceArn} ${v.before} → ${v.after}`)
          .join('; ')}`,
      );
    const report: WorkerReport = { checked: 0, refused: [], violations: [] };
    for (const c of selected) {
      const remove = sim.faults.add(c.spec);
      try {
        const faulted = await scan(sim, rules, c.spec.kind === 'hang');
        report.checked++;
        // Refusing to scan at all (the caller cannot be identified) says nothing: no verdict to be wrong.
        if (!faulted) report.refused.push(c.fault.label);
        else report.violations.push(...compareResults(clean, faulted, c.fault));
      } finally {
        remove();
      }
    }
    return report;
  } finally {
    await sim.close();
  }
}

async function main(): Promise<void> {
  const rules = await loadRunRules({ rules: [], builtin: true, config: DEMO_CONFIG }, undefined, { cwd: process.cwd(), err: (text) => process.stderr.write(text) });
  // FAULT_MATRIX_ONLY=<regex>: only the cases whose label matches (to look into one).
  const only = process.env.FAULT_MATRIX_ONLY ? new RegExp(process.env.FAULT_MATRIX_ONLY) : undefined;
  const all = cases(rules).filter((c) => !only || only.test(c.fault.label));
  const worker = process.env.FAULT_MATRIX_WORKER;
  if (worker !== undefined) {
    const index = Number(worker);
    const report = await runCases(
      all.filter((_, i) => i % WORKERS === index),
      rules,
    );
    process.send?.(report);
    return;
  }
  const started = performance.now();
  const script = fileURLToPath(import.meta.url);
  const reports = await Promise.all(
    Array.from(
      { length: WORKERS },
      (_, index) =>
        new Promise<WorkerReport>((resolve, reject) => {
          const child = fork(script, [], { env: { ...process.env, FAULT_MATRIX_WORKER: String(index) }, execArgv: process.execArgv });
          let report: WorkerReport | undefined;
          child.on('message', (m) => (report = m as WorkerReport));
          child.on('exit', (code) => (report && code === 0 ? resolve(report) : reject(new Error(`fault-matrix worker ${index} exited with ${code}`))));
        }),
    ),
  );
  const checked = reports.reduce((n, r) => n + r.checked, 0);
  const refused = reports.flatMap((r) => r.refused).sort();
  const violations = reports.flatMap((r) => r.violations);
  const denials = all.filter((c) => c.spec.kind === 'accessDenied').length;
  console.log(
    `fault matrix: ${checked} cases checked against a clean sweep of the demo organization (${REGIONS.join(', ')}): ` +
      `${denials} (operation × scope) denials and ${all.length - denials} (fault × service × scope) cases, in ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
  for (const label of refused) console.log(`  refused to scan (exit 2, no verdict): ${label}`);
  for (const v of violations) console.log(`  VIOLATION ${v.ruleId} ${v.resourceArn}: ${v.before} → ${v.after} (${v.fault})`);
  const byFault = new Set(violations.map((v) => v.fault)).size;
  console.log(violations.length ? `${violations.length} violations in ${byFault} of ${checked} cases` : 'no violations');
  process.exitCode = violations.length ? 1 : 0;
}

await main();
