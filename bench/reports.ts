/**
 * Report rendering at organization scale: 100,000 generated results (test/helpers/big-results.ts)
 * written in every format, each in its own process so that its peak RSS is its own.
 * Run: npx tsx bench/reports.ts [--results N]. Targets (bench/README.md): every format
 * written, peak RSS <= 512 MB each, all formats together <= 60 s, report.html <= 25 MB.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { FORMAT_NAMES, FORMATS, type FormatName } from '../src/report/formats.js';
import { writeReports } from '../src/report/write.js';
import { bigResults } from '../test/helpers/big-results.js';

const RSS_LIMIT_MB = 512;
const TOTAL_LIMIT_S = 60;
const HTML_LIMIT_MB = 25;

interface Figure {
  format: FormatName;
  seconds: number;
  rssMb: number;
  sizeMb: number;
}

async function child(format: FormatName, count: number, dir: string): Promise<void> {
  const doc = bigResults(count);
  const path = join(dir, FORMATS[format].fileName);
  const start = performance.now();
  await writeReports(doc, [{ format, path }], () => undefined);
  const seconds = (performance.now() - start) / 1000;
  const figure: Figure = { format, seconds, rssMb: process.resourceUsage().maxRSS / 1024, sizeMb: statSync(path).size / 1024 / 1024 };
  process.stdout.write(JSON.stringify(figure));
}

function main(count: number): void {
  const dir = mkdtempSync(join(tmpdir(), 'trailguard-bench-reports-'));
  const self = fileURLToPath(import.meta.url);
  const figures: Figure[] = [];
  try {
    for (const format of FORMAT_NAMES) {
      const out = execFileSync(process.execPath, ['--import', 'tsx', self, '--child', format, '--results', String(count), '--dir', dir], { encoding: 'utf8', maxBuffer: 1 << 20 });
      figures.push(JSON.parse(out) as Figure);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const total = figures.reduce((s, f) => s + f.seconds, 0);
  const rows = figures.map(
    (f) => `| ${f.format} | ${f.seconds.toFixed(1)} s | ${f.rssMb.toFixed(0)} MB (≤ ${RSS_LIMIT_MB}) | ${f.sizeMb.toFixed(1)} MB${f.format === 'html' ? ` (≤ ${HTML_LIMIT_MB})` : ''} |`,
  );
  console.log(`Rendering ${count.toLocaleString('en')} results (peak RSS includes generating the results)\n`);
  console.log('| format | time | peak RSS | file |\n|---|---|---|---|');
  console.log(rows.join('\n'));
  console.log(`| all | ${total.toFixed(1)} s (≤ ${TOTAL_LIMIT_S}) | | |`);
  const html = figures.find((f) => f.format === 'html');
  const ok = total <= TOTAL_LIMIT_S && figures.every((f) => f.rssMb <= RSS_LIMIT_MB) && (html?.sizeMb ?? 0) <= HTML_LIMIT_MB;
  console.log(ok ? '\nwithin every target' : '\nOVER A TARGET');
  if (!ok) process.exitCode = 1;
}

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const count = Number(flag('--results') ?? 100_000);
const format = flag('--child');
if (format) await child(format as FormatName, count, flag('--dir')!);
else main(count);
