/**
 * Chromium for the browser tests, found the way users have it: CHROMIUM_PATH or CHROME_PATH,
 * Playwright's browser cache, then `chromium`, `chromium-browser`, `google-chrome` on PATH.
 * Without one the browser tests are skipped with one line saying how to run them, except under
 * CI=true, where a missing browser is a failure (CI must not go green without them).
 */
import { accessSync, constants, existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { describe } from 'vitest';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const ON_PATH = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function fromPlaywrightCache(): string | undefined {
  const cache = process.env.PLAYWRIGHT_BROWSERS_PATH ?? join(homedir(), '.cache', 'ms-playwright');
  if (!existsSync(cache)) return undefined;
  const builds = readdirSync(cache)
    .filter((d) => d.startsWith('chromium'))
    .sort()
    .reverse();
  for (const build of builds) {
    for (const bin of ['chrome-linux/chrome', 'chrome-linux64/chrome', 'chrome-linux/headless_shell', 'chrome-headless-shell-linux64/chrome-headless-shell']) {
      const file = join(cache, build, bin);
      if (executable(file)) return file;
    }
  }
  return undefined;
}

export function findChromium(): string | undefined {
  for (const name of ['CHROMIUM_PATH', 'CHROME_PATH']) {
    const file = process.env[name];
    if (file && executable(file)) return file;
  }
  const cached = fromPlaywrightCache();
  if (cached) return cached;
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const name of ON_PATH) {
    for (const dir of dirs) {
      const file = join(dir, name);
      if (executable(file)) return file;
    }
  }
  return undefined;
}

export const SKIP_NOTICE = 'browser tests skipped: no Chromium found (install chromium, or set CHROMIUM_PATH to a Chromium or Chrome binary, to run them)';

/** `describe` for tests that need Chromium: the suite gets the executable's path. */
export function describeInBrowser(name: string, suite: (executablePath: string) => void): void {
  const executablePath = findChromium();
  if (executablePath) {
    describe(name, () => suite(executablePath));
    return;
  }
  if (process.env.CI === 'true') throw new Error(`CI=true and no Chromium found for "${name}": install chromium or set CHROMIUM_PATH`);
  process.stderr.write(`${SKIP_NOTICE}\n`);
  describe.skip(`${name} (${SKIP_NOTICE})`, () => suite(''));
}
