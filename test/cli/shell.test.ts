/**
 * The built CLI in a real shell, as a user runs it: pipes that close early, exit codes seen
 * through `${PIPESTATUS[0]}`, colour on a terminal only (a pseudo-terminal from `script`),
 * -v, --quiet, and severities in any case.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { TOOL } from '../../src/package-info.js';
import { ORG_SCAN } from '../report/fixture.js';
import { builtPackage } from '../helpers/built-package.js';

let main: string;

beforeAll(async () => {
  main = join(await builtPackage(), 'dist', 'cli', 'main.js');
}, 120_000);

/** Runs a bash command line; `tg` is the built CLI. The first command's exit code is printed last on stdout as `status=N`. */
function shell(line: string, env: Record<string, string> = {}): Promise<{ stdout: string; stderr: string; status: number }> {
  return new Promise((resolve, reject) => {
    const script = `tg() { node "${main}" "$@"; }\n${line}\necho "status=\${PIPESTATUS[0]}"`;
    const child = spawn('bash', ['--noprofile', '--norc', '-c', script], { env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', () => {
      const match = /status=(\d+)\n$/.exec(stdout);
      resolve({ stdout: stdout.slice(0, match?.index ?? stdout.length), stderr, status: Number(match?.[1] ?? -1) });
    });
  });
}

describe('trailguard in a shell', () => {
  it('ends quietly with its own exit code when the reader closes the pipe early', async () => {
    // `true` exits without reading: every write after it meets EPIPE.
    const closed = await shell('tg rules list | true');
    expect(closed).toEqual({ stdout: '', stderr: '', status: 0 });
    const head = await shell('tg rules list | head -1');
    expect(head.status).toBe(0);
    expect(head.stdout).toMatch(/^[a-z0-9-]+ +(critical|high|medium|low|informational) /);
    expect(head.stdout.trim().split('\n')).toHaveLength(1);
  });

  it("keeps the gate's exit code through `| head -1`: 0 with --soft-fail, 1 for failures", async () => {
    const soft = await shell(`tg report --results "${ORG_SCAN}" --format csv=- --soft-fail | head -1`);
    expect(soft.status, soft.stderr).toBe(0);
    expect(soft.stdout).toMatch(/^result_id,scan_time,status,severity,rule_id,/);
    expect(soft.stderr).not.toMatch(/EPIPE|Error:|at /);
    const gated = await shell(`tg report --results "${ORG_SCAN}" --format csv=- --fail-on HIGH | head -1`);
    expect(gated.status).toBe(1);
    expect(gated.stderr.trimEnd().split('\n').at(-1)).toMatch(/^exit 1: \d+ unwaived failures? at or above high$/);
  });

  it('prints the version for -v and --version', async () => {
    for (const flag of ['-v', '--version']) expect(await shell(`tg ${flag}`)).toEqual({ stdout: `${TOOL.version}\n`, stderr: '', status: 0 });
  });

  it('colours the summary on a terminal only, and not with NO_COLOR or --no-color', async () => {
    const onTerminal = (args: string, env: Record<string, string> = {}) => shell(`script -qec 'node "${main}" report --results "${ORG_SCAN}" --format csv=/dev/null ${args}' /dev/null`, env);
    const ESC = '\u001b[';
    expect((await onTerminal('')).stdout).toContain(`${ESC}31mexit 1: 5 unwaived failures`);
    expect((await onTerminal('', { NO_COLOR: '1' })).stdout).not.toContain(ESC);
    expect((await onTerminal('--no-color')).stdout).not.toContain(ESC);
    const piped = await shell(`tg report --results "${ORG_SCAN}" --format csv=/dev/null`);
    expect(piped.stderr).not.toContain(ESC);
  });

  it('--quiet prints only the failing rules and the final line', async () => {
    const quiet = await shell(`tg report --results "${ORG_SCAN}" --format csv=/dev/null --quiet`);
    const lines = quiet.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe('failing rules:');
    expect(lines.slice(1, -1).every((l) => /^ {2}(critical|high|medium|low|informational) +\S+ +\d+ resources?$/.test(l))).toBe(true);
    expect(lines.at(-1)).toBe('exit 1: 5 unwaived failures');
    expect(quiet.status).toBe(1);
  });
});
