/**
 * The package as it ships (slow: `npm run test:dist`, run by .ci/run, not by `npm test`):
 * `npm pack` holds what a user needs and nothing dangling; the tarball installs into an
 * empty folder and runs the demo; and the Dockerfile's production install (npm ci
 * --omit=dev of the packed package, which Docker cannot run here) gives a CLI that prints
 * its version and scans the simulator.
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResultsDocument } from '../../src/evaluate/types.js';
import { PACKAGE_ROOT, TOOL } from '../../src/package-info.js';
import { DEMO_WORLD, loadWorldFile, startSimulator, type Simulator } from '../../src/simulator/index.js';
import { cli } from '../helpers/cli.js';

const DOCKER_INSTALL = 'npm ci --omit=dev --ignore-scripts --no-audit --no-fund';
const NPM_FLAGS = ['--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'];

let dir: string;
let tarball: string;

function npm(args: string[], cwd: string): string {
  return execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Runs a command without blocking the in-process simulator. */
function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

beforeAll(() => {
  const output = join(PACKAGE_ROOT, 'test-output');
  mkdirSync(output, { recursive: true });
  dir = mkdtempSync(join(output, 'dist-'));
  // `npm pack` runs `prepare`, the build, as it does before a publish.
  const [packed] = JSON.parse(npm(['pack', '--json', '--pack-destination', dir, '--loglevel=error'], PACKAGE_ROOT)) as Array<{ filename: string }>;
  tarball = join(dir, packed!.filename);
});

describe('the packed package', () => {
  it('holds README, LICENSE, docs, rules, schemas, examples and dist, without source maps, tests or sources', () => {
    const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .map((f) => f.replace(/^package\//, ''));
    for (const file of [
      'README.md',
      'LICENSE',
      'package.json',
      'docs/rules.md',
      'docs/iam-policy.json',
      'rules/cloudtrail/cloudtrail-log-file-validation.yaml',
      'schemas/rule.schema.json',
      'examples/demo-org.yaml',
      'dist/cli/main.js',
      'dist/builtin-rules.json',
    ]) {
      expect(files, file).toContain(file);
    }
    expect(files.filter((f) => f.endsWith('.map') || f.includes('.test.') || f.startsWith('src/') || f.startsWith('test/'))).toEqual([]);
    expect(readFileSync(join(PACKAGE_ROOT, 'LICENSE'), 'utf8')).toMatch(/Apache License\s+Version 2\.0, January 2004/);
  });

  it('installs into an empty folder and runs `trailguard demo`', async () => {
    const app = join(dir, 'app');
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), '{ "name": "app", "private": true }\n');
    npm(['install', ...NPM_FLAGS, tarball], app);
    const demo = await run(join(app, 'node_modules', '.bin', 'trailguard'), ['demo', '--output-dir', 'out'], app);
    expect(demo.code, demo.err).toBe(0);
    expect(demo.err).toMatch(/^demo: simulating \d+ accounts at http:\/\/127\.0\.0\.1:\d+/);
    expect(demo.err).toMatch(/demo: \d+ AWS API calls served, 0 mutating calls attempted/);
    expect(readdirSync(join(app, 'out'))).toEqual(
      expect.arrayContaining(['findings.asff.json', 'findings.ocsf.jsonl', 'junit.xml', 'report.html', 'results.csv', 'results.json', 'results.sarif', 'summary.md']),
    );
  });

  describe("the Dockerfile's production install", () => {
    let prod: string;
    let sim: Simulator;

    beforeAll(async () => {
      const dockerfile = readFileSync(join(PACKAGE_ROOT, 'Dockerfile'), 'utf8');
      const runtime = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
      expect(runtime).toMatch(/^\nFROM node:20-slim\n/);
      expect(runtime).toContain(`RUN ${DOCKER_INSTALL}`);
      expect(runtime).toMatch(/\nUSER node\n/);
      expect(runtime).toContain('ENTRYPOINT ["trailguard"]');
      // What the build stage copies into the image: the unpacked package and the lock file.
      prod = join(dir, 'prod');
      mkdirSync(prod);
      execFileSync('tar', ['-xzf', tarball, '-C', prod, '--strip-components=1']);
      cpSync(join(PACKAGE_ROOT, 'package-lock.json'), join(prod, 'package-lock.json'));
      npm([...DOCKER_INSTALL.split(' ').slice(1), '--prefer-offline', '--loglevel=error'], prod);
      sim = await startSimulator({ world: loadWorldFile(DEMO_WORLD) });
    });
    afterAll(() => sim?.close());

    it('has production dependencies only', () => {
      const installed = readdirSync(join(prod, 'node_modules'));
      expect(installed).toContain('commander');
      for (const dev of ['typescript', 'vitest', 'eslint', 'tsx', 'esbuild', 'playwright-core']) expect(installed, dev).not.toContain(dev);
      expect(existsSync(join(prod, 'node_modules', '@aws-sdk', 'client-cloudtrail'))).toBe(true);
    });

    it('prints its version and lists the same rules as the source', async () => {
      const main = join(prod, 'dist', 'cli', 'main.js');
      expect(await run('node', [main, '--version'], prod)).toEqual({ code: 0, out: `${TOOL.version}\n`, err: '' });
      // The installed package reads the built-in pack from its build-time cache; the source parses the YAML.
      const rules = (json: string) => (JSON.parse(json) as Array<{ file: string }>).map(({ file, ...rule }) => ({ ...rule, file: file.slice(file.lastIndexOf('rules/')) }));
      const installed = await run('node', [main, 'rules', 'list', '--json'], PACKAGE_ROOT);
      expect(rules(installed.out)).toEqual(rules((await cli(['rules', 'list', '--json'])).out));
    });

    it('scans the simulator', async () => {
      const creds = sim.credentialsFor('111111111111');
      const env = { PATH: process.env.PATH, HOME: dir, AWS_ACCESS_KEY_ID: creds.accessKeyId, AWS_SECRET_ACCESS_KEY: creds.secretAccessKey, AWS_REGION: 'us-east-1' };
      const scan = await run('node', [join(prod, 'dist', 'cli', 'main.js'), 'scan', '--endpoint-url', sim.endpoint, '--format', 'json', '--only', 'cloudtrail-*'], dir, env);
      expect(scan.code, scan.err).toBe(1);
      const doc = JSON.parse(scan.out) as ResultsDocument;
      expect(doc.run.accounts).toContain('111111111111');
      expect(doc.results.length).toBeGreaterThan(0);
      expect(doc.results.every((r) => r.ruleId.startsWith('cloudtrail-'))).toBe(true);
    });
  });
});
