/**
 * Child process of the bundle-bomb tests: runs `trailguard evidence verify` in-process on each
 * bundle named in argv (one CLI start for all, as starting one costs seconds), and prints one
 * JSON line per bundle with the exit code, output, wall time and the process's peak RSS so far.
 */
import { run } from '../../src/cli/main.js';

const [publicKey, ...bundles] = process.argv.slice(2); // publicKey "" checks against the embedded key
for (const bundle of bundles) {
  let out = '';
  let err = '';
  const started = performance.now();
  const code = await run(['evidence', 'verify', bundle, ...(publicKey ? ['--public-key', publicKey] : [])], {
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    isTTY: false,
    env: {},
    cwd: process.cwd(),
  });
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(`${JSON.stringify({ bundle, code, out, err, seconds, peakRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
}
