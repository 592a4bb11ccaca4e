/**
 * A YAML alias bomb (a dozen lines whose aliases expand to 10^12 nodes) in any file a user hands
 * trailguard is refused at once with exit 2 naming file:line, never a hang, an out-of-memory
 * crash or an internal error. A hang would run into the test timeout; how fast the refusal is
 * belongs to bench/, not to a timed assertion on a shared machine.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { loadBenchmarks } from '../../src/rules/benchmark-load.js';
import { cli } from '../helpers/cli.js';

/** `key:` holding the bomb, which starts on line `first`; the first nested alias is on the line after. */
function bomb(key: string): string {
  const lines = [`${key}:`, '  a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i <= 12; i++)
    lines.push(
      `  a${i}: &a${i} [${Array(10)
        .fill(`*a${i - 1}`)
        .join(', ')}]`,
    );
  return `${lines.join('\n')}\n`;
}

function fileWith(name: string, text: string): { dir: string; path: string } {
  const dir = mkdtempSync(join(tmpdir(), 'tg-bomb-'));
  const path = join(dir, name);
  writeFileSync(path, text);
  return { dir, path };
}

/** The line of `*a1`, the first alias to a node holding aliases, in a file where the bomb starts on `keyLine`. */
const aliasLine = (keyLine: number) => keyLine + 3;

async function expectRefused(args: string[], path: string, line: number): Promise<void> {
  const { code, out, err } = await cli(args);
  expect(code).toBe(2);
  expect(out).toBe('');
  expect(err).toContain(`${basename(path)}:${line}:`);
  expect(err).toMatch(/YAML aliases expand too far .* alias bomb/);
  expect(err).not.toMatch(/\n\s+at /);
}

describe('a YAML alias bomb is refused with exit 2 at file:line', () => {
  it('in a rule file', async () => {
    const { dir, path } = fileWith('bomb-rule.yaml', `schemaVersion: 1\nid: bomb-rule\n${bomb('x-bomb')}`);
    await expectRefused(['rules', 'validate', '--no-builtin', '--rules', dir], path, aliasLine(3));
  });

  it('in a config file', async () => {
    const { path } = fileWith('trailguard.config.yaml', bomb('rules'));
    await expectRefused(['rules', 'validate', '--config', path], path, aliasLine(1));
  });

  it('in a waivers file', async () => {
    const { path } = fileWith('waivers.yaml', `schemaVersion: 1\n${bomb('waivers')}`);
    // Rules, config and waivers load before any AWS call, so no credentials are needed to be refused.
    await expectRefused(['scan', '--waivers', path, '--endpoint-url', 'http://127.0.0.1:9'], path, aliasLine(2));
  });

  it('in a simulator world file', async () => {
    const { path } = fileWith('world.yaml', bomb('accounts'));
    await expectRefused(['demo', '--world', path], path, aliasLine(1));
  });

  it('in a benchmark file', () => {
    const { dir } = fileWith('bomb@1.yaml', bomb('sections'));
    let error: unknown;
    try {
      loadBenchmarks(dir, dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).problems).toEqual([expect.objectContaining({ file: 'bomb@1.yaml', line: aliasLine(1) })]);
  });
});
