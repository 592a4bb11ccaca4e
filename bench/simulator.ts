/**
 * Simulator throughput: 64 concurrent SDK clients send a mix of cheap read calls (JSON,
 * Query and REST-XML protocols) for a fixed time; prints requests/s, p50/p99 latency and the
 * RSS of the simulator and of the client process. The simulator runs in its own process
 * (`trailguard simulate`), as in a sweep where it must not compete with the clients' event loop;
 * `--in-process` runs it in this process instead. The SDK clients cost more CPU per request
 * than the simulator, so `--raw` replaces them with plain keep-alive HTTP requests of the same
 * operations (SigV4-shaped Authorization headers, unsigned) to find the simulator's own ceiling.
 * Target: ≥ 3,000 requests/s on 2 cores.
 * The clients run in `--threads` worker threads (default 2, one per core).
 * Run: npm run bench:simulator [-- --seconds 10 --clients 64 --threads 2 --in-process --raw]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { CloudTrailClient, DescribeTrailsCommand, GetTrailStatusCommand } from '@aws-sdk/client-cloudtrail';
import { CloudWatchClient, DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import { KMSClient, ListKeysCommand } from '@aws-sdk/client-kms';
import { DescribeOrganizationCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { GetBucketVersioningCommand, S3Client } from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { DEMO_WORLD, loopbackHandler, startSimulator } from '../src/simulator/index.js';

/** The log-archive account: it owns the bucket and sees the organization trail as a member. */
const ACCOUNT = '222222222222';
const ORG_TRAIL = 'arn:aws:cloudtrail:us-east-1:111111111111:trail/org-trail';

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

interface Target {
  endpoint: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  rssKb(): number;
  /** CPU seconds the simulator has used so far (its own process), or undefined in-process. */
  cpuSeconds(): number | undefined;
  stop(): Promise<string>;
}

/** BENCH_PROFILE_DIR=dir writes a CPU profile of the simulator process there. */
function profileFlags(): string[] {
  const dir = process.env.BENCH_PROFILE_DIR;
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : [];
}

async function childSimulator(): Promise<Target> {
  const child: ChildProcess = spawn(process.execPath, [...profileFlags(), '--import', 'tsx', 'src/cli/main.ts', 'simulate', '--world', DEMO_WORLD, '--port', '0', '--account', ACCOUNT], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  while (!err.includes('serving')) {
    if (child.exitCode !== null) throw new Error(`simulator exited: ${err}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  const env = Object.fromEntries([...out.matchAll(/^export (\w+)=(.*)$/gm)].map((m): [string, string] => [m[1]!, m[2] ?? '']));
  const status = () => readFileSync(`/proc/${child.pid}/status`, 'utf8');
  return {
    endpoint: env.AWS_ENDPOINT_URL ?? '',
    credentials: { accessKeyId: env.AWS_ACCESS_KEY_ID ?? '', secretAccessKey: env.AWS_SECRET_ACCESS_KEY ?? '' },
    rssKb: () => Number(/VmHWM:\s+(\d+)/.exec(status())?.[1] ?? 0),
    cpuSeconds() {
      // /proc/<pid>/stat fields 14 and 15: user and system time in clock ticks (100 per second).
      const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      return (Number(fields[11]) + Number(fields[12])) / 100;
    },
    async stop() {
      child.kill('SIGINT');
      await new Promise((r) => child.once('exit', r));
      return err.trim().split('\n').at(-1) ?? '';
    },
  };
}

async function inProcessSimulator(): Promise<Target> {
  const sim = await startSimulator({ world: DEMO_WORLD });
  return {
    endpoint: sim.endpoint,
    credentials: sim.credentialsFor(ACCOUNT),
    rssKb: () => 0,
    cpuSeconds: () => undefined,
    async stop() {
      await sim.close();
      return `served ${sim.counters.count()} requests`;
    },
  };
}

function clientsFor(target: Target) {
  const config = { endpoint: target.endpoint, region: 'us-east-1', credentials: target.credentials, forcePathStyle: true, maxAttempts: 1, requestHandler: loopbackHandler() };
  const ct = new CloudTrailClient(config);
  const s3 = new S3Client(config);
  const kms = new KMSClient(config);
  const sts = new STSClient(config);
  const cw = new CloudWatchClient(config);
  const org = new OrganizationsClient(config);
  return [
    () => ct.send(new DescribeTrailsCommand({})),
    () => ct.send(new GetTrailStatusCommand({ Name: ORG_TRAIL })),
    () => s3.send(new GetBucketVersioningCommand({ Bucket: 'demo-org-trail-logs' })),
    () => kms.send(new ListKeysCommand({})),
    () => sts.send(new GetCallerIdentityCommand({})),
    () => cw.send(new DescribeAlarmsCommand({})),
    () => org.send(new DescribeOrganizationCommand({})),
  ];
}

/** The same mix as plain HTTP requests: what the SDK sends, minus the SDK's own work. */
function rawCallsFor(target: Target, agent: Agent) {
  const url = new URL(target.endpoint);
  const auth = (service: string) => `AWS4-HMAC-SHA256 Credential=${target.credentials.accessKeyId}/20260101/us-east-1/${service}/aws4_request, SignedHeaders=host, Signature=0`;
  const json = (service: string, version: string, target: string, body: object) => ({
    method: 'POST',
    path: '/',
    body: JSON.stringify(body),
    headers: { authorization: auth(service), 'x-amz-target': target, 'content-type': `application/x-amz-json-${version}` },
  });
  const specs = [
    json('cloudtrail', '1.1', 'CloudTrail_20131101.DescribeTrails', {}),
    json('cloudtrail', '1.1', 'CloudTrail_20131101.GetTrailStatus', { Name: ORG_TRAIL }),
    { method: 'GET', path: '/demo-org-trail-logs?versioning', body: '', headers: { authorization: auth('s3') } },
    json('kms', '1.1', 'TrentService.ListKeys', {}),
    { method: 'POST', path: '/', body: 'Action=GetCallerIdentity&Version=2011-06-15', headers: { authorization: auth('sts'), 'content-type': 'application/x-www-form-urlencoded' } },
    json('monitoring', '1.0', 'GraniteServiceVersion20100801.DescribeAlarms', {}),
    json('organizations', '1.1', 'AWSOrganizationsV20161128.DescribeOrganization', {}),
  ];
  return specs.map(
    (spec) => () =>
      new Promise<void>((resolve, reject) => {
        const req = request({ host: url.hostname, port: url.port, agent, method: spec.method, path: spec.path, headers: spec.headers }, (res) => {
          res.resume();
          res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`HTTP ${res.statusCode}`))));
        });
        req.on('error', reject);
        req.end(spec.body);
      }),
  );
}

interface LoadSpec {
  endpoint: string;
  credentials: Target['credentials'];
  clients: number;
  raw: boolean;
  /** Date.now() times: requests count from measureFrom, and stop at until. */
  measureFrom: number;
  until: number;
}

interface LoadResult {
  latencies: number[];
  errorNames: Record<string, number>;
}

/** One thread's share of the clients, each sending the mix in a loop until the deadline. */
async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const target = { endpoint: spec.endpoint, credentials: spec.credentials } as Target;
  const agent = new Agent({ keepAlive: true, maxSockets: spec.clients });
  const workers = Array.from({ length: spec.clients }, () => (spec.raw ? rawCallsFor(target, agent) : clientsFor(target)));
  const result: LoadResult = { latencies: [], errorNames: {} };
  await Promise.all(
    workers.map(async (calls, w) => {
      for (let i = w; Date.now() < spec.until; i++) {
        const started = performance.now();
        try {
          await (calls[i % calls.length] as () => Promise<unknown>)();
        } catch (e) {
          const name = e instanceof Error ? e.name : String(e);
          result.errorNames[name] = (result.errorNames[name] ?? 0) + 1;
        }
        if (Date.now() >= spec.measureFrom) result.latencies.push(performance.now() - started);
      }
    }),
  );
  return result;
}

/** Runs runLoad in a worker thread (same file, same loader), so SDK clients use every core. */
function loadInWorker(spec: LoadSpec): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    // tsx's loader hooks don't reach worker threads: register them in the worker, then load this file.
    const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}); })`;
    const worker = new Worker(boot, { eval: true, workerData: spec });
    worker.once('message', (r: LoadResult) => resolve(r));
    worker.once('error', reject);
  });
}

async function main(): Promise<void> {
  const seconds = flag('seconds', 10);
  const concurrency = flag('clients', 64);
  const threads = flag('threads', 2);
  const inProcess = process.argv.includes('--in-process');
  const raw = process.argv.includes('--raw');
  const target = inProcess ? await inProcessSimulator() : await childSimulator();
  const measureFrom = Date.now() + 1000;
  const until = measureFrom + seconds * 1000;
  const share = (t: number) => Math.floor(concurrency / threads) + (t < concurrency % threads ? 1 : 0);
  const specFor = (t: number): LoadSpec => ({ endpoint: target.endpoint, credentials: target.credentials, clients: share(t), raw, measureFrom, until });
  let cpuAtStart: number | undefined;
  let clientCpuAtStart = process.cpuUsage();
  setTimeout(() => {
    cpuAtStart = target.cpuSeconds();
    clientCpuAtStart = process.cpuUsage();
  }, measureFrom - Date.now());
  // In-process, the simulator must stay on this thread's event loop; the clients go to workers.
  const results = await Promise.all(Array.from({ length: threads }, (_, t) => (threads === 1 ? runLoad(specFor(t)) : loadInWorker(specFor(t)))));
  const latencies = results.flatMap((r) => r.latencies);
  const errorNames = new Map<string, number>();
  for (const r of results) for (const [n, c] of Object.entries(r.errorNames)) errorNames.set(n, (errorNames.get(n) ?? 0) + c);
  const errors = [...errorNames.values()].reduce((a, b) => a + b, 0);
  const elapsed = (Date.now() - measureFrom) / 1000;
  const serverRssKb = target.rssKb();
  const cpuAtEnd = target.cpuSeconds();
  const clientCpu = process.cpuUsage(clientCpuAtStart);
  const clientCpuMsPerRequest = (clientCpu.user + clientCpu.system) / 1000 / latencies.length;
  const cpuMsPerRequest = cpuAtStart === undefined || cpuAtEnd === undefined ? undefined : ((cpuAtEnd - cpuAtStart) * 1000) / latencies.length;
  const serverSummary = await target.stop();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => (latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0).toFixed(1);
  const rows: Array<[string, string]> = [
    ['simulator', inProcess ? 'in this process' : 'own process (trailguard simulate)'],
    [raw ? 'concurrent HTTP clients (no SDK)' : 'concurrent SDK clients', `${concurrency} over ${threads} thread(s)`],
    ['operations', 'DescribeTrails, GetTrailStatus, GetBucketVersioning, ListKeys, GetCallerIdentity, DescribeAlarms, DescribeOrganization'],
    ['measured', `${elapsed.toFixed(1)} s (after 1 s warm-up)`],
    ['requests', String(latencies.length)],
    ['errors', `${errors}${errorNames.size ? ` (${[...errorNames].map(([n, c]) => `${n} ×${c}`).join(', ')})` : ''}`],
    ['requests/s', (latencies.length / elapsed).toFixed(0)],
    [
      'simulator CPU per request',
      cpuMsPerRequest === undefined ? '(not measured in-process)' : `${cpuMsPerRequest.toFixed(3)} ms → ${(1000 / cpuMsPerRequest).toFixed(0)} requests/s per core`,
    ],
    [raw ? 'client CPU per request' : 'client (SDK) CPU per request', `${clientCpuMsPerRequest.toFixed(3)} ms${inProcess ? ' (simulator included)' : ''}`],
    ['latency p50 / p99', `${pct(0.5)} / ${pct(0.99)} ms`],
    ['simulator peak RSS', inProcess ? '(shared with clients)' : `${(serverRssKb / 1024).toFixed(0)} MB`],
    ['client process peak RSS', `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`],
    ['simulator says', serverSummary],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
}

if (isMainThread) await main();
else parentPort?.postMessage(await runLoad(workerData as LoadSpec));
