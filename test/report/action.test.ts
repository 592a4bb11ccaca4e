/**
 * The GitHub Action's shell steps, run with bash and a stand-in `npx`: the scan step builds
 * the right trailguard command from the inputs, appends the summary, and passes the exit
 * code to the gate step, which fails the job with it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { TEST_OUTPUT } from './fixture.js';

interface Step {
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
}
const action = parse(readFileSync(join(import.meta.dirname, '..', '..', 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default: string }>;
  runs: { using: string; steps: Step[] };
};
const [scan, upload, gate] = action.runs.steps as [Step, Step, Step];

/** Runs one step's script as GitHub's composite `shell: bash` does (bash -e -o pipefail). */
function runStep(step: Step, env: Record<string, string>) {
  return spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run ?? ''], { env: { PATH: process.env.PATH, ...env }, encoding: 'utf8' });
}

function workspace(exitCode: number) {
  mkdirSync(TEST_OUTPUT, { recursive: true });
  const dir = mkdtempSync(join(TEST_OUTPUT, 'action-'));
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  // Stand-in npx: records its arguments, writes the two reports the action reads, exits as told.
  writeFileSync(
    join(bin, 'npx'),
    `#!/usr/bin/env bash
printf '%s\\n' "$@" > "${dir}/npx-args"
out=""; prev=""
for a in "$@"; do [ "$prev" = "--output-dir" ] && out="$a"; prev="$a"; done
echo '## trailguard: summary' > "$out/summary.md"
echo '{}' > "$out/results.sarif"
exit ${exitCode}
`,
  );
  chmodSync(join(bin, 'npx'), 0o755);
  writeFileSync(join(dir, 'summary'), '# earlier step\n');
  writeFileSync(join(dir, 'output'), '');
  return { dir, bin };
}

describe('action.yml', () => {
  it('is a composite action whose steps are scan, SARIF upload, gate', () => {
    expect(action.runs.using).toBe('composite');
    expect(scan.id).toBe('scan');
    expect(upload.uses).toMatch(/^github\/codeql-action\/upload-sarif@v\d+$/);
    expect(upload.if).toContain("inputs.upload-sarif == 'true'");
    expect(gate.env?.TG_EXIT).toBe('${{ steps.scan.outputs.exit-code }}');
    // Inputs reach the scripts only through the environment, never interpolated into code.
    for (const step of [scan, gate]) expect(step.run).not.toContain('${{');
  });

  it('runs trailguard scan with the inputs, appends the step summary, and records the exit code', () => {
    const { dir, bin } = workspace(1);
    const out = join(dir, 'reports');
    const run = runStep(scan, {
      PATH: `${bin}:${process.env.PATH}`,
      TG_ARGS: '--organization --member-role-name TrailguardAudit',
      TG_FAIL_ON: 'high',
      TG_ALLOW_INCOMPLETE: 'true',
      TG_SOFT_FAIL: 'false',
      TG_OUTPUT_DIR: out,
      TG_VERSION: '0.1.0',
      GITHUB_OUTPUT: join(dir, 'output'),
      GITHUB_STEP_SUMMARY: join(dir, 'summary'),
    });
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(join(dir, 'npx-args'), 'utf8').trim().split('\n')).toEqual([
      '--yes', 'trailguard@0.1.0', 'scan', '--organization', '--member-role-name', 'TrailguardAudit',
      '--output-dir', out, '--format', `sarif=${out}/results.sarif`, '--format', `markdown=${out}/summary.md`,
      '--format', `json=${out}/results.json`, '--format', 'junit', '--format', 'html', '--format', 'csv',
      '--fail-on', 'high', '--allow-incomplete',
    ]);
    expect(readFileSync(join(dir, 'output'), 'utf8')).toBe(`exit-code=1\nsarif=${out}/results.sarif\n`);
    expect(readFileSync(join(dir, 'summary'), 'utf8')).toBe('# earlier step\n## trailguard: summary\n');
  });

  it('fails the job with trailguard\'s exit code in the gate step', () => {
    for (const code of ['0', '1', '2', '3']) {
      const run = runStep(gate, { TG_EXIT: code });
      expect(run.status).toBe(Number(code));
      if (code !== '0') expect(run.stdout).toMatch(/^::error::trailguard: /);
    }
  });

  it('has a default for every optional input', () => {
    for (const [name, input] of Object.entries(action.inputs)) expect(typeof input.default, name).toBe('string');
    expect(execFileSync('bash', ['-n', '-c', scan.run ?? ''])).toBeDefined();
  });
});
