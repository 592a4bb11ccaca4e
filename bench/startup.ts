/**
 * Start-up benchmark: the built CLI (dist/, as an installed package runs it) against `node -e 0`
 * in the same run, so the ratio holds on any machine. Runs are interleaved, so a burst of load
 * on a shared machine hits every command alike; the median of each is reported.
 * Run: npm run bench:startup [-- --runs N]. Targets: --version, --help and a command's --help ≤ 2×;
 * rules list and rules validate of the built-in pack ≤ 5×.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';

const ROOT = join(import.meta.dirname, '..');
const MAIN = join(ROOT, 'dist', 'cli', 'main.js');

const CASES: Array<{ name: string; args: string[]; limit: number }> = [
  { name: 'trailguard --version', args: [MAIN, '--version'], limit: 2 },
  { name: 'trailguard --help', args: [MAIN, '--help'], limit: 2 },
  { name: 'trailguard rules list', args: [MAIN, 'rules', 'list'], limit: 5 },
  { name: 'trailguard rules validate', args: [MAIN, 'rules', 'validate'], limit: 5 },
  // A command's --help loads the command's module only, not the stages it runs (renderers, the AWS SDK).
  ...['scan', 'report', 'collect', 'plan'].map((command) => ({ name: `trailguard ${command} --help`, args: [MAIN, command, '--help'], limit: 2 })),
];

function timeOnce(args: string[]): number {
  const start = performance.now();
  const run = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  const ms = performance.now() - start;
  if (run.status !== 0) throw new Error(`node ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  return ms;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function main(): void {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '15' } } });
  const runs = Number(values.runs);
  if (!existsSync(MAIN)) throw new Error('dist/ is missing: run npm run build first (npm run bench:startup does)');
  const baseline: number[] = [];
  const times = CASES.map(() => [] as number[]);
  timeOnce(['-e', '0']); // warm the file cache
  for (let i = 0; i < runs; i++) {
    baseline.push(timeOnce(['-e', '0']));
    CASES.forEach((c, j) => times[j]!.push(timeOnce(c.args)));
  }
  const base = median(baseline);
  const rows = [
    ['command', 'median', 'ratio to node -e 0', 'limit', ''],
    ['node -e 0', `${base.toFixed(0)} ms`, '1.0×', '', ''],
  ];
  let failed = 0;
  CASES.forEach((c, j) => {
    const ratio = median(times[j]!) / base;
    const ok = ratio <= c.limit;
    if (!ok) failed++;
    rows.push([c.name, `${median(times[j]!).toFixed(0)} ms`, `${ratio.toFixed(1)}×`, `≤ ${c.limit}×`, ok ? 'ok' : 'OVER']);
  });
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const row of rows)
    console.log(
      row
        .map((cell, i) => cell.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    );
  console.log(`${runs} interleaved runs each, Node ${process.version}`);
  process.exitCode = failed > 0 ? 1 : 0;
}

main();
