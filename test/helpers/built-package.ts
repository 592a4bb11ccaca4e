/**
 * The package as `npm run build` leaves it (dist/ beside rules/, schemas/, examples/ and
 * package.json), in a fresh folder of its own, for tests that run the CLI as a user's
 * shell or a GitHub runner does: `node <root>/dist/cli/main.js`. The sources are transpiled
 * with esbuild (tsc type-checks too, which `npm run typecheck` already does, and takes a
 * minute), then the build's second step writes the built-in rule cache, as npm run build does.
 */
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/package-info.js';
import { TEST_OUTPUT } from '../report/fixture.js';

let built: Promise<string> | undefined;

/** The root of the built package (built once per test file). */
export function builtPackage(): Promise<string> {
  built ??= buildPackage();
  return built;
}

async function buildPackage(): Promise<string> {
  mkdirSync(TEST_OUTPUT, { recursive: true });
  const root = mkdtempSync(join(TEST_OUTPUT, 'package-'));
  const src = join(PACKAGE_ROOT, 'src');
  const entryPoints = readdirSync(src, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => join(src, f));
  await build({ entryPoints, outdir: join(root, 'dist'), outbase: src, format: 'esm', platform: 'node', target: 'node20', logLevel: 'error' });
  for (const entry of ['package.json', 'rules', 'schemas', 'examples', 'node_modules']) symlinkSync(join(PACKAGE_ROOT, entry), join(root, entry));
  execFileSync(process.execPath, ['-e', "import('./dist/rules/load.js').then((m) => m.writeBuiltinRuleCache())"], { cwd: root });
  return root;
}
