/**
 * The GitHub Action (action.yml) as a runner executes it: its install step builds this
 * repository's own code (never a package fetched by name), its scan step's bash script runs
 * the built CLI against the simulator with the inputs in the environment, and the gate step
 * fails the job with trailguard's exit code.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_WORLD, loadWorldFile, startSimulator, type Simulator } from '../../src/simulator/index.js';
import { builtPackage } from '../helpers/built-package.js';
import { TEST_OUTPUT } from './fixture.js';

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
  'working-directory'?: string;
}
const text = readFileSync(join(import.meta.dirname, '..', '..', 'action.yml'), 'utf8');
const action = parse(text) as { inputs: Record<string, { default: string }>; runs: { using: string; steps: Step[] } };
const steps = action.runs.steps;
const step = (name: string) => steps.find((s) => s.id === name || s.name === name) ?? expect.unreachable(`no step ${name}`);
const scan = step('scan');
const gate = step("Gate on trailguard's exit code");
const install = step("Install trailguard from the action's own code");

/** Runs one step's script as GitHub's composite `shell: bash` does (bash -e -o pipefail), without blocking the simulator. */
function runStep(s: Step, env: Record<string, string>): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', s.run ?? ''], { env: { PATH: process.env.PATH, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** `key=value` lines of a GITHUB_OUTPUT file. */
function outputs(file: string): Record<string, string> {
  return Object.fromEntries(
    readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((line) => line.split(/=(.*)/s).slice(0, 2) as [string, string]),
  );
}

describe('action.yml', () => {
  it("installs the action's own code: setup-node, an npm cache keyed on its package-lock.json, a build, then production dependencies only", () => {
    expect(action.runs.using).toBe('composite');
    expect(text).not.toMatch(/\bnpx\b|trailguard@(latest|\d|\$)/);
    expect(step('Set up Node.js').uses).toMatch(/^actions\/setup-node@v\d+$/);
    expect(step('Set up Node.js').with?.['node-version']).toBe(20);
    expect(step('lock').run).toContain('"$GITHUB_ACTION_PATH/package-lock.json"');
    expect(step('Cache npm downloads').with?.key).toContain('${{ steps.lock.outputs.sha256 }}');
    expect(install['working-directory']).toBe('${{ github.action_path }}');
    const commands = (install.run ?? '').trim().split('\n');
    expect(commands.at(-1)).toMatch(/^npm ci --omit=dev --ignore-scripts /);
    expect(commands).toContain('npm run -s build');
    expect(scan.run).toContain('node "$GITHUB_ACTION_PATH/dist/cli/main.js" scan');
    // Inputs reach the scripts only through the environment, never interpolated into code.
    for (const s of steps) if (s.run) expect(s.run, s.name).not.toContain('${{');
    for (const [name, input] of Object.entries(action.inputs)) expect(typeof input.default, name).toBe('string');
    for (const s of steps) if (s.run) execFileSync('bash', ['-n', '-c', s.run]);
  });

  it('uploads the SARIF with the category the SARIF itself carries', () => {
    const upload = step('Upload SARIF to code scanning');
    expect(upload.uses).toMatch(/^github\/codeql-action\/upload-sarif@v\d+$/);
    expect(upload.if).toContain("inputs.upload-sarif == 'true'");
    expect(upload.with?.category).toBe('${{ inputs.sarif-category }}');
    expect(scan.env?.TG_SARIF_CATEGORY).toBe('${{ inputs.sarif-category }}');
    expect(gate.env?.TG_EXIT).toBe('${{ steps.scan.outputs.exit-code }}');
  });

  it("fails the job with trailguard's exit code in the gate step", async () => {
    for (const code of ['0', '1', '2', '3']) {
      const run = await runStep(gate, { TG_EXIT: code });
      expect(run.status).toBe(Number(code));
      if (code !== '0') expect(run.stdout).toMatch(/^::error::trailguard: /);
    }
  });

  describe('scan step against the demo organization in the simulator', () => {
    let sim: Simulator;
    let root: string;
    let dir: string;

    beforeAll(async () => {
      [root, sim] = await Promise.all([builtPackage(), startSimulator({ world: loadWorldFile(DEMO_WORLD) })]);
      mkdirSync(TEST_OUTPUT, { recursive: true });
      dir = mkdtempSync(join(TEST_OUTPUT, 'action-'));
    }, 120_000);
    afterAll(() => sim?.close());

    async function runScan(name: string, inputs: Record<string, string>) {
      const work = join(dir, name);
      mkdirSync(work);
      writeFileSync(join(work, 'summary'), '# earlier step\n');
      writeFileSync(join(work, 'output'), '');
      const creds = sim.credentialsFor('111111111111');
      const out = join(work, 'reports');
      const run = await runStep(scan, {
        GITHUB_ACTION_PATH: root,
        GITHUB_OUTPUT: join(work, 'output'),
        GITHUB_STEP_SUMMARY: join(work, 'summary'),
        AWS_ACCESS_KEY_ID: creds.accessKeyId,
        AWS_SECRET_ACCESS_KEY: creds.secretAccessKey,
        AWS_REGION: 'us-east-1',
        AWS_ENDPOINT_URL: sim.endpoint,
        TG_ALLOW_INCOMPLETE: 'false',
        TG_SOFT_FAIL: 'false',
        TG_FAIL_ON: '',
        TG_SARIF_CATEGORY: '',
        TG_OUTPUT_DIR: out,
        ...inputs,
      });
      return { run, out, work, outputs: outputs(join(work, 'output')) };
    }

    it('scans with the inputs, writes the reports and the step summary, records the exit code and the SARIF category', async () => {
      const {
        run,
        out,
        work,
        outputs: o,
      } = await runScan('org', {
        TG_ARGS: '--organization --accounts 111111111111,222222222222 --member-role-name OrganizationAccountAccessRole',
        TG_FAIL_ON: 'HIGH',
        TG_SARIF_CATEGORY: 'org-o-demo',
      });
      expect(run.status, run.stderr).toBe(0);
      expect(run.stderr).toMatch(/exit 1: \d+ unwaived failures at or above high/);
      expect(o).toEqual({ 'exit-code': '1', sarif: `${out}/results.sarif` });
      const sarif = JSON.parse(readFileSync(join(out, 'results.sarif'), 'utf8')) as { runs: Array<{ automationDetails: { id: string } }> };
      expect(sarif.runs[0]!.automationDetails.id).toBe('org-o-demo/');
      const summary = readFileSync(join(work, 'summary'), 'utf8');
      expect(summary.startsWith('# earlier step\n')).toBe(true);
      expect(summary).toContain(readFileSync(join(out, 'summary.md'), 'utf8'));
      for (const file of ['results.json', 'junit.xml', 'report.html', 'results.csv']) expect(readFileSync(join(out, file), 'utf8').length, file).toBeGreaterThan(0);

      const gated = await runStep(gate, { TG_EXIT: o['exit-code']! });
      expect(gated.status).toBe(1);
    });

    it("keeps trailguard's own SARIF category without the input, and passes soft-fail through", async () => {
      const { run, out, outputs: o } = await runScan('account', { TG_ARGS: '', TG_SOFT_FAIL: 'true', TG_ALLOW_INCOMPLETE: 'true' });
      expect(run.status, run.stderr).toBe(0);
      expect(o['exit-code']).toBe('0');
      const sarif = JSON.parse(readFileSync(join(out, 'results.sarif'), 'utf8')) as { runs: Array<{ automationDetails: { id: string } }> };
      expect(sarif.runs[0]!.automationDetails.id).toMatch(/^trailguard\/(\d{12}\/)?$/);
    });
  });
});
