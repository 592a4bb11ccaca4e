/**
 * Organization sweep benchmark: a generated organization (default 1,000 accounts × 17 regions)
 * served by the simulator in a child process with 20 ms of latency on every call, swept from
 * the management account with the whole rule pack's plan, then evaluated. Prints wall time and
 * peak RSS beside their limits (the defaults' target: ≤ 30 s, ≤ 512 MB), calls, calls/s,
 * retries, CPU per call of the sweeping process (every thread) and of the simulator, and, from
 * the simulator's request log, the busiest single (account, region, service): calls in flight at
 * once and calls in any 1-second window, beside the limit the sweep keeps whatever --concurrency
 * and --workers are (docs/sweep.md).
 *
 *   npm run bench:sweep [-- --accounts N [--regions R] [--latency MS] [--concurrency C] [--workers W] [--rules all|core]]
 *
 * It builds the package, bundles this file with esbuild into dist-bench/ and runs it with node.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Credentials } from '../src/simulator/index.js';
import type { Busiest } from '../src/simulator/request-log.js';

/**
 * The sweeping process runs the build with plain node, as users run it, and nothing else: its sweep
 * workers load plain JavaScript (workers started from the sources would each load the SDK through
 * tsx's loader), and its peak RSS is not inflated by tsx, a second copy of the modules, or the
 * simulator, which only the child runs.
 */
// A URL built at run time: esbuild leaves the import alone instead of bundling dist/ into the bench.
const built = <M>(path: string): Promise<M> => import(new URL(`../dist/${path}`, import.meta.url).href) as Promise<M>;

const { values } = parseArgs({
  options: {
    serve: { type: 'boolean', default: false },
    accounts: { type: 'string', default: '1000' },
    regions: { type: 'string', default: '17' },
    latency: { type: 'string', default: '20' },
    concurrency: { type: 'string', default: '16' },
    workers: { type: 'string' },
    rules: { type: 'string', default: 'all' },
  },
});
const MANAGEMENT = '100000000000';
/** Issue 18's target for the defaults (1,000 accounts × 17 regions, 20 ms). */
const LIMIT = { seconds: 30, rssMb: 512 };

interface SimulatorReport {
  busiest: Busiest;
  cpuMs: number;
}

interface Ready {
  endpoint: string;
  credentials: Credentials;
  buildMs: number;
}

async function serve(): Promise<void> {
  const { generateWorld, startSimulator } = await import('../src/simulator/index.js');
  const { busiestEndpoints } = await import('../src/simulator/request-log.js');
  const started = performance.now();
  const world = generateWorld({ accounts: Number(values.accounts), regions: Number(values.regions), seed: 42 });
  world.faults = [{ kind: 'latency', ms: Number(values.latency) }];
  // Every request is kept: the per-(account, region, service) rates are read from this log.
  const sim = await startSimulator({ world, maxLogEntries: 10_000_000 });
  const ready: Ready = { endpoint: sim.endpoint, credentials: sim.credentialsFor(MANAGEMENT), buildMs: performance.now() - started };
  process.send?.(ready);
  process.on('message', () => {
    const cpu = process.cpuUsage();
    process.send?.({ busiest: busiestEndpoints(sim.requests), cpuMs: (cpu.user + cpu.system) / 1000 } satisfies SimulatorReport);
  });
  process.on('disconnect', () => void sim.close().then(() => process.exit(0)));
}

async function bench(): Promise<void> {
  const [{ EMPTY_CONFIG }, { planForRules }, { loadRuleSet }, { evaluateInventory }, { PER_SERVICE_CONCURRENCY }, { sweepOrganization }, { defaultWorkers }] = await Promise.all([
    built<typeof import('../src/config/load.js')>('config/load.js'),
    built<typeof import('../src/plan/rule-plan.js')>('plan/rule-plan.js'),
    built<typeof import('../src/rules/load.js')>('rules/load.js'),
    built<typeof import('../src/scan/evaluate-inventory.js')>('scan/evaluate-inventory.js'),
    built<typeof import('../src/collect/aws-target.js')>('collect/aws-target.js'),
    built<typeof import('../src/sweep/sweep.js')>('sweep/sweep.js'),
    built<typeof import('../src/sweep/parallel.js')>('sweep/parallel.js'),
  ]);
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), ['--serve', ...process.argv.slice(2)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ready = await new Promise<Ready>((resolve, reject) => {
    child.once('message', (m) => resolve(m as Ready));
    child.once('exit', (code) => reject(new Error(`simulator child exited with ${code}`)));
  });
  // --rules core: the six core rules; all: the whole pack.
  const CORE = [
    'cloudtrail-multi-region-trail-logging',
    'cloudtrail-log-file-validation',
    'cloudtrail-sse-kms',
    's3-trail-bucket-lifecycle-archive',
    'org-trail-present',
    'cloudtrail-data-events-critical-buckets-only',
  ];
  const rules = loadRuleSet().rules.filter((r) => values.rules === 'all' || CORE.includes(r.id));
  const plan = planForRules(rules);
  const rssBefore = process.memoryUsage().rss / 1e6;
  let calls = 0;
  let retries = 0;
  let failed = 0;
  // As `scan --organization` does: --workers, else one per core (at most 4).
  const workers = values.workers ? Number(values.workers) : defaultWorkers();
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const { inventory, skipped } = await sweepOrganization({
    target: { credentials: ready.credentials, globalRegion: 'us-east-1', endpointUrl: ready.endpoint, maxAttempts: 8, requestTimeoutMs: 30_000 },
    plan,
    role: { roleName: 'OrganizationAccountAccessRole', sessionName: 'trailguard-bench', durationSeconds: 3600 },
    filters: {},
    concurrency: Number(values.concurrency),
    workers,
    tool: { name: 'trailguard', version: 'bench' },
    onCall: (e) => {
      calls++;
      retries += e.retries;
      if (!e.ok) failed++;
    },
  });
  const sweepSeconds = (performance.now() - started) / 1000;
  // Every thread of this process: the workers' SDK clients as well as the main thread's.
  const cpu = process.cpuUsage(cpuBefore);
  const sweepCpuMs = (cpu.user + cpu.system) / 1000;
  const peakAfterSweep = process.resourceUsage().maxRSS / 1024;
  (globalThis as { gc?: () => void }).gc?.();
  const liveHeap = process.memoryUsage().heapUsed / 1e6;
  const evalStarted = performance.now();
  const doc = evaluateInventory({ inventory, rules, config: EMPTY_CONFIG, waivers: [] });
  const evalSeconds = (performance.now() - evalStarted) / 1000;
  const peakRss = process.resourceUsage().maxRSS / 1024;
  const { busiest, cpuMs: simCpuMs } = await new Promise<SimulatorReport>((resolve) => (child.once('message', (m) => resolve(m as SimulatorReport)), child.send('busiest')));
  child.disconnect();
  // Each call takes at least the injected latency, so PER_SERVICE_CONCURRENCY calls in flight bound the rate.
  const rateLimit = (PER_SERVICE_CONCURRENCY * 1000) / Number(values.latency);

  const line = (label: string, value: string): void => console.log(`${label.padEnd(34)} ${value}`);
  console.log('');
  const defaults = values.accounts === '1000' && values.regions === '17' && values.latency === '20' && values.rules === 'all';
  const limit = (met: boolean, text: string) => (defaults ? ` (limit ${text}: ${met ? 'met' : 'NOT MET'})` : ` (limit ${text} for the defaults)`);
  line(
    'machine',
    `${cpus().length} cores, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  line('organization', `${values.accounts} accounts × ${values.regions} regions, ${values.latency} ms latency per call (world built in ${(ready.buildMs / 1000).toFixed(2)} s)`);
  line('accounts swept / skipped', `${inventory.accounts.length} / ${skipped.length} (suspended)`);
  line(
    'plan',
    `${plan.size} sections, ${rules.length} rules, concurrency ${values.concurrency} accounts, ${workers} workers${values.workers ? '' : ` (the default on ${availableParallelism()} cores)`}`,
  );
  line('sweep wall time', `${sweepSeconds.toFixed(1)} s${limit(sweepSeconds <= LIMIT.seconds, `≤ ${LIMIT.seconds} s`)}`);
  line('calls', `${calls} (${failed} failed after retries, ${retries} retries)`);
  line('calls/s', (calls / sweepSeconds).toFixed(0));
  line('CPU per call, sweeping process', `${(sweepCpuMs / calls).toFixed(3)} ms (${(sweepCpuMs / 1000).toFixed(1)} s CPU over all its threads)`);
  line('CPU per call, simulator', `${(simCpuMs / calls).toFixed(3)} ms (${(simCpuMs / 1000).toFixed(1)} s CPU, world building included)`);
  line('max in flight, one (acct, region, svc)', `${busiest.inFlight.calls} (limit ${PER_SERVICE_CONCURRENCY}; ${busiest.inFlight.key})`);
  line(
    'max calls/s, one (acct, region, svc)',
    `${busiest.perSecond.calls} in 1 s (limit ${rateLimit.toFixed(0)}/s = ${PER_SERVICE_CONCURRENCY} in flight / ${values.latency} ms; ${busiest.perSecond.key})`,
  );
  line('live heap after the sweep', `${liveHeap.toFixed(0)} MB${(globalThis as { gc?: unknown }).gc ? '' : ' (run with --expose-gc for the live figure)'}`);
  line('evaluation', `${evalSeconds.toFixed(2)} s, ${doc.results.length} results`);
  line(
    'peak RSS (sweeping process)',
    `${peakRss.toFixed(0)} MB${limit(peakRss <= LIMIT.rssMb, `≤ ${LIMIT.rssMb} MB`)} (${rssBefore.toFixed(0)} MB before the sweep: code, rules; ${peakAfterSweep.toFixed(0)} MB by the end of the sweep, before evaluation)`,
  );
}

await (values.serve ? serve() : bench());
