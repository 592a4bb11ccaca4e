/**
 * A fresh machine without Chromium: the browser tests are skipped with one line saying how
 * to run them, and the run stays green, except under CI=true, where a missing browser fails
 * the run. Proven by running vitest on every browser test file in an environment whose PATH
 * holds every program of this machine's PATH but the browsers (a test may also need tar,
 * sha256sum or openssl) and with an empty Playwright browser cache.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/package-info.js';
import { SKIP_NOTICE } from '../helpers/browser.js';

let bare: string;
const browserTests = readdirSync(join(PACKAGE_ROOT, 'test'), { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.test.ts') && !f.startsWith('dist') && readFileSync(join(PACKAGE_ROOT, 'test', f), 'utf8').includes('describeInBrowser('))
  .map((f) => join('test', f));

beforeAll(() => {
  mkdirSync(join(PACKAGE_ROOT, 'test-output'), { recursive: true });
  bare = mkdtempSync(join(PACKAGE_ROOT, 'test-output', 'no-browser-'));
  mkdirSync(join(bare, 'bin'));
  symlinkSync(process.execPath, join(bare, 'bin', 'node'));
  // Every other program on PATH (the first of each name), except anything that is a browser.
  for (const dir of (process.env.PATH ?? '').split(delimiter).filter((d) => d && existsSync(d))) {
    for (const name of readdirSync(dir)) {
      if (/chrom|google-chrome/i.test(name) || existsSync(join(bare, 'bin', name))) continue;
      symlinkSync(join(dir, name), join(bare, 'bin', name));
    }
  }
});

function vitestWithoutBrowser(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(PACKAGE_ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'run', ...browserTests], {
      cwd: PACKAGE_ROOT,
      env: { PATH: join(bare, 'bin'), HOME: bare, PLAYWRIGHT_BROWSERS_PATH: join(bare, 'no-browsers'), NO_COLOR: '1', ...env },
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('the browser tests on a machine without Chromium', () => {
  it('exist', () => {
    expect(browserTests).toContain(join('test', 'report', 'html-browser.test.ts'));
  });

  it('are skipped with one line saying how to run them, and the run passes', async () => {
    const run = await vitestWithoutBrowser({});
    expect(run.code, run.output).toBe(0);
    expect(run.output.split('\n').filter((line) => line === SKIP_NOTICE)).toHaveLength(browserTests.length);
    expect(run.output).toMatch(/Tests +(\d+ passed \| )?\d+ skipped/);
  });

  it('fail the run under CI=true', async () => {
    const run = await vitestWithoutBrowser({ CI: 'true' });
    expect(run.code).not.toBe(0);
    expect(run.output).toContain('CI=true and no Chromium found');
  });
});
