/**
 * bench:verify-logs — 10,000 generated log files (2–50 KB gzip, every 50th ten times larger)
 * served by the simulator in a child process, verified by the built verifyTrailLogs in this one
 * (its fetch workers download and hash on every core). Prints files/s, MB/s and peak RSS, beside
 * this machine's raw throughput on the same bytes with no S3 in between: SHA-256 alone and gunzip + SHA-256 on one core, and gunzip + SHA-256 on every core
 * (what validation must do: CloudTrail hashes the UNCOMPRESSED log file). The target is
 * verify-logs at >= 70% of that all-cores figure.
 *
 * Also prints the CPU per file (log or digest) of this process (all threads) and of the simulator child while
 * verify-logs ran: the per-request floor that, with gunzip + SHA-256, bounds the wall time on
 * this machine. `--events-per-file MIN,MAX` changes the file sizes (default 12,260: 2–50 KB gzip).
 *
 *   npm run bench:verify-logs [-- --concurrency 16 --files-per-hour 100 --workers N --events-per-file 12,260]   (builds first)
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import pLimit from 'p-limit';
import { ClientCache } from '../src/collect/clients.js';
import { BucketS3Client, openObject } from '../src/collect/s3-objects.js';
import { startSimulator, type Credentials } from '../src/simulator/index.js';
import { addTrailLogs } from '../src/simulator/trail-logs.js';

// The build, as users run it: its fetch workers load plain JavaScript, where workers started
// from the TypeScript sources would each load the SDK through tsx's loader thread.
const BUILT: string = '../dist/verify-logs/verify.js';
const { verifyTrailLogs } = (await import(BUILT)) as typeof import('../src/verify-logs/verify.js');

const ACCOUNT = '111122223333';
const BUCKET = 'bench-trail-logs';
const TRAIL = `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/bench`;
const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-2'];
const START = '2026-11-24T00:00:00Z';
const END = '2026-11-24T20:00:00Z'; // 5 regions × 20 digests × 100 files = 10,000 log files

// The built hash-stream: the limit inflates each file exactly as verify-logs does (inflateWhole:
// one buffer sized by the gzip trailer, not copied together from 16 KB chunks).
const HASH_STREAM = new URL('../dist/verify-logs/hash-stream.js', import.meta.url).href;
const { inflateWhole, readWhole } = (await import(HASH_STREAM)) as typeof import('../src/verify-logs/hash-stream.js');

// Plain JavaScript so the worker needs no TypeScript loader: gunzip + SHA-256 of each buffer it is sent.
const RAW_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
import(workerData.hashStream).then(({ inflateWhole }) => {
  parentPort.once('message', () => {
    // Buffers arrive as plain Uint8Arrays.
    for (const gz of workerData.files) createHash('sha256').update(inflateWhole(Buffer.from(gz.buffer, gz.byteOffset, gz.byteLength))).digest();
    parentPort.postMessage('done');
  });
  parentPort.postMessage('ready');
});`;

interface Ready {
  endpoint: string;
  credentials: Credentials;
  logFiles: number;
  generateSeconds: number;
}

const { values: args } = parseArgs({
  options: {
    serve: { type: 'boolean', default: false },
    concurrency: { type: 'string', default: '16' },
    workers: { type: 'string' },
    'files-per-hour': { type: 'string', default: '100' },
    'events-per-file': { type: 'string', default: '12,260' },
  },
});
const eventsPerFile = args['events-per-file'].split(',').map(Number) as [number, number];
if (eventsPerFile.length !== 2 || !eventsPerFile.every((n) => Number.isInteger(n) && n > 0) || eventsPerFile[0] > eventsPerFile[1]) {
  throw new Error(`--events-per-file ${args['events-per-file']}: expected MIN,MAX (positive integers)`);
}

if (args.serve) await serve(Number(args['files-per-hour']), eventsPerFile);
else await bench(Number(args.concurrency), Number(args['files-per-hour']), eventsPerFile, args.workers === undefined ? undefined : Number(args.workers));

/** Child: build the world and its files, serve it, report the endpoint to the parent, and its CPU time whenever asked. */
async function serve(filesPerHour: number, events: [number, number]): Promise<void> {
  const started = performance.now();
  const sim = await startSimulator({
    world: {
      accounts: [
        {
          Id: ACCOUNT,
          buckets: [{ Name: BUCKET, Region: 'us-east-1' }],
          trails: [{ Name: 'bench', HomeRegion: 'us-east-1', S3BucketName: BUCKET, IsMultiRegionTrail: true, LogFileValidationEnabled: true }],
        },
      ],
    },
    maxLogEntries: 1000,
  });
  const manifest = addTrailLogs(sim.world, { trail: TRAIL, start: START, end: END, regions: REGIONS, seed: 2026, filesPerHour, eventsPerFile: events, largeFileEvery: 50 });
  const ready: Ready = { endpoint: sim.endpoint, credentials: sim.credentialsFor(ACCOUNT), logFiles: manifest.logFiles.length, generateSeconds: (performance.now() - started) / 1000 };
  process.on('message', () => process.send?.(cpuMicros()));
  process.send?.(ready);
  process.on('disconnect', () => void sim.close().then(() => process.exit(0)));
}

function cpuMicros(): number {
  const { user, system } = process.cpuUsage();
  return user + system;
}

async function bench(concurrency: number, filesPerHour: number, events: [number, number], workers: number | undefined): Promise<void> {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), ['--serve', '--files-per-hour', String(filesPerHour), '--events-per-file', events.join(',')], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ready = await new Promise<Ready>((resolve, reject) => {
    child.once('message', (m) => resolve(m as Ready));
    child.once('exit', (code) => reject(new Error(`simulator child exited with ${code}`)));
  });
  const childCpu = (): Promise<number> => new Promise((resolve) => (child.once('message', (m) => resolve(m as number)), child.send('cpu?')));
  console.log(`generated ${ready.logFiles} log files in ${ready.generateSeconds.toFixed(1)} s (simulator in child process ${child.pid})`);
  const target = { credentials: ready.credentials, globalRegion: 'us-east-1', endpointUrl: ready.endpoint, maxAttempts: 3, requestTimeoutMs: 60_000 };

  const rssBefore = process.memoryUsage().rss;
  const childCpuBefore = await childCpu();
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const report = await verifyTrailLogs({ trail: TRAIL, target, start: new Date(START), end: new Date(END), concurrency, ...(workers === undefined ? {} : { workers }) });
  const seconds = (performance.now() - started) / 1000;
  const peakRss = process.resourceUsage().maxRSS * 1024; // measured before the raw pass below allocates anything
  const cpu = process.cpuUsage(cpuBefore);
  const simulatorCpuMs = ((await childCpu()) - childCpuBefore) / 1000;
  const { compressed, uncompressed } = report.summary.logBytes;

  const raw = await rawThroughput(
    target,
    report.logFiles.map((l) => l.key),
  );
  child.disconnect();

  const mb = (bytes: number): number => bytes / 1e6;
  const line = (label: string, value: string): void => console.log(`${label.padEnd(44)} ${value}`);
  console.log('');
  line(
    'machine',
    `${cpus().length} cores, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} (other work shares these cores)`,
  );
  line(
    'log files verified',
    `${report.summary.logFiles.valid}/${report.summary.logFiles.total} valid, ${report.summary.digestFiles.valid}/${report.summary.digestFiles.total} digests valid`,
  );
  line('wall time', `${seconds.toFixed(2)} s (concurrency ${concurrency}, ${workers ?? availableParallelism()} fetch workers)`);
  line('files/s', (report.summary.logFiles.total / seconds).toFixed(0));
  line('MB/s downloaded (gzip)', `${(mb(compressed) / seconds).toFixed(1)}  (${mb(compressed).toFixed(0)} MB)`);
  line('MB/s hashed (uncompressed)', `${(mb(uncompressed) / seconds).toFixed(1)}  (${mb(uncompressed).toFixed(0)} MB)`);
  const files = report.summary.logFiles.total + report.summary.digestFiles.total;
  const cpuMs = (cpu.user + cpu.system) / 1000;
  line('CPU of this process (user + system)', `${(cpuMs / 1000).toFixed(2)} s, ${(cpuMs / 10 / seconds).toFixed(0)}% of one core (all threads); ${(cpuMs / files).toFixed(2)} ms per file`);
  line('CPU of the simulator child, same time', `${(simulatorCpuMs / 1000).toFixed(2)} s; ${(simulatorCpuMs / files).toFixed(2)} ms per file (every GetObject and list)`);
  line('peak RSS', `${mb(peakRss).toFixed(0)} MB (${mb(rssBefore).toFixed(0)} MB before verifying)`);
  line('raw SHA-256, one core', `${raw.sha256MBps.toFixed(1)} MB/s (same uncompressed bytes)`);
  line('raw gunzip + SHA-256, one core', `${raw.inflateSha256MBps.toFixed(1)} MB/s (uncompressed)`);
  line('raw gunzip + SHA-256, all cores (limit)', `${raw.allCoresMBps.toFixed(1)} MB/s (${raw.threads} worker threads, no S3)`);
  const share = (100 * mb(uncompressed)) / seconds / raw.allCoresMBps;
  // Were both processes' CPU spread perfectly over every core, the run could take no less than this.
  const cpuBound = (cpuMs + simulatorCpuMs) / 1000 / raw.threads;
  line('wall if CPU-bound on every core', `${cpuBound.toFixed(2)} s at these CPU costs (${((100 * mb(uncompressed)) / cpuBound / raw.allCoresMBps).toFixed(0)}% of the limit)`);
  line('verify-logs / all-cores limit', `${share.toFixed(0)}% (target >= 70%: ${share >= 70 ? 'met' : 'NOT met'})`);
}

/**
 * Downloads each log file again into memory, then times gunzip + SHA-256 on the same bytes with
 * no S3 in between: on one core in-process, and on every core with one worker thread per core
 * (the limit verify-logs is measured against).
 */
async function rawThroughput(target: ConstructorParameters<typeof ClientCache>[0], keys: string[]): Promise<Raw> {
  const clients = new ClientCache(target);
  const s3 = clients.get(BucketS3Client, 'us-east-1');
  const files: Buffer[] = [];
  const limit = pLimit(8);
  await Promise.all(
    keys.map((key) =>
      limit(async () => {
        const object = await openObject(s3, BUCKET, key);
        if (!object) return;
        files.push(await readWhole(object.body));
      }),
    ),
  );
  clients.destroy();

  let bytes = 0;
  let shaMs = 0;
  let inflateShaMs = 0;
  for (const gz of files) {
    let t = performance.now();
    const inflated = inflateWhole(gz);
    createHash('sha256').update(inflated).digest();
    inflateShaMs += performance.now() - t;
    t = performance.now();
    createHash('sha256').update(inflated).digest();
    shaMs += performance.now() - t;
    bytes += inflated.length;
  }

  const threads = availableParallelism();
  const shares = Array.from({ length: threads }, (_, t) => files.filter((_, i) => i % threads === t));
  // Each worker gets its share first; only the gunzip + SHA-256 pass is timed.
  const workers = shares.map((share) => new Worker(RAW_WORKER, { eval: true, workerData: { files: share, hashStream: HASH_STREAM } }));
  await Promise.all(workers.map((w) => new Promise((ready) => w.once('message', ready))));
  const started = performance.now();
  await Promise.all(workers.map((w) => new Promise((done) => (w.once('message', done), w.postMessage('go')))));
  const allCoresMs = performance.now() - started;
  await Promise.all(workers.map((w) => w.terminate()));
  const mbps = (ms: number): number => bytes / 1e6 / (ms / 1000);
  return { sha256MBps: mbps(shaMs), inflateSha256MBps: mbps(inflateShaMs), allCoresMBps: mbps(allCoresMs), threads };
}

interface Raw {
  sha256MBps: number;
  inflateSha256MBps: number;
  /** gunzip + SHA-256 on `threads` worker threads at once. */
  allCoresMBps: number;
  threads: number;
}
