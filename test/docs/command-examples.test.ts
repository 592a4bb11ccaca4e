/**
 * Every `trailguard ...` command shown in README.md and docs/*.md (fenced code blocks and inline
 * code) is parsed by the real CLI definition, with each command's action replaced by a no-op:
 * an unknown subcommand or flag, a missing required option or argument, or an extra argument
 * fails here, so an example in the docs cannot drift from the CLI.
 */
import { Command, CommanderError } from 'commander';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/main.js';

interface Example {
  where: string;
  command: string;
  /** Inline code naming commands without flags (`trailguard evaluate`, `rules list|test`): only the names are checked. */
  reference: boolean;
}

const ROOT = join(import.meta.dirname, '..', '..');
const FILES = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

/** `trailguard ...` lines of fenced blocks (continuations joined) and inline code spans. */
function examples(file: string): Example[] {
  const found: Example[] = [];
  const lines = readFileSync(join(ROOT, file), 'utf8').split('\n');
  let fenced = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^\s*(```|~~~)/.test(line)) {
      fenced = !fenced;
      continue;
    }
    if (fenced) {
      let text = line;
      const start = i + 1;
      while (text.endsWith('\\') && i + 1 < lines.length) text = `${text.slice(0, -1)} ${lines[++i]!.trim()}`;
      const m = /^\s*(?:\$\s+|-?\s*run:\s*)?(?:npx\s+)?trailguard\s+(.*)$/.exec(text);
      if (m) found.push({ where: `${file}:${start}`, command: m[1]!, reference: false });
    } else {
      for (const m of line.matchAll(/`(?:npx\s+)?trailguard\s+([^`]+)`/g)) {
        found.push({ where: `${file}:${i + 1}`, command: m[1]!, reference: !/(^|\s)-/.test(m[1]!) });
      }
    }
  }
  return found;
}

/**
 * Shell words up to the first pipe, redirect, `&&`, `;` or comment. Synopsis notation is read
 * as a user would fill it in: `[optional]` brackets dropped, `a|b` alternatives take the first,
 * a GitHub Actions `${{ expression }}` stands for one value.
 */
function words(command: string): string[] {
  const out: string[] = [];
  for (const m of command.replace(/\$\{\{[^}]*\}\}/g, 'X').matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)) {
    const word = m[1] ?? m[2] ?? m[3]!;
    if (m[3] !== undefined && (/^(\\?\||>|>>|&&|;|#)/.test(word) || word === '2>&1')) break;
    const bare = m[3] !== undefined ? word.replace(/^\[+|\]+$/g, '').split(/\\?\|/)[0]! : word;
    if (bare !== '') out.push(bare);
  }
  return out;
}

/** Unknown names in a reference like `rules list|validate|test`, followed down the command tree. */
function unknownNames(program: Command, command: string): string[] {
  let level = [program];
  const unknown: string[] = [];
  for (const word of command.trim().split(/\s+/)) {
    const names = word.replace(/^\[+|\]+$/g, '').split(/\\?\|/);
    if (level.every((c) => c.commands.length === 0)) break;
    const next = names.map((n) => level.flatMap((c) => c.commands).find((c) => c.name() === n || c.aliases().includes(n)));
    names.forEach((n, i) => next[i] || unknown.push(n));
    level = next.filter((c): c is Command => c !== undefined);
  }
  return unknown;
}

/** The real CLI, every command loaded and every action a no-op: only commander's own checks run. */
async function parser(errors: string[]): Promise<Command> {
  const io = { out: () => undefined, err: (s: string) => void errors.push(s), isTTY: false, env: {}, cwd: ROOT };
  const program = await buildProgram({ io, argv: [], setExitCode: () => undefined }, () => true);
  program.configureOutput({ writeOut: () => undefined, writeErr: (s) => void errors.push(s) });
  const neuter = (command: Command): void => {
    if (command.commands.length === 0) command.action(() => undefined);
    command.commands.forEach(neuter);
  };
  program.commands.forEach(neuter);
  return program;
}

const all = FILES.flatMap(examples);

describe('command examples in the docs', () => {
  it('reads a synopsis and a reference as a user would', async () => {
    expect(words('diff a b [--format text|json|markdown] | jq .')).toEqual(['diff', 'a', 'b', '--format', 'text']);
    expect(words('scan --shard ${{ matrix.shard }}/4 # comment')).toEqual(['scan', '--shard', 'X/4']);
    expect(unknownNames(await parser([]), 'rules list\\|validate|nosuch')).toEqual(['nosuch']);
    expect(unknownNames(await parser([]), 'nosuch')).toEqual(['nosuch']);
  });

  it('finds the examples (README and docs/*.md)', () => {
    expect(all.filter((e) => !e.reference).length).toBeGreaterThan(25);
    expect(new Set(all.map((e) => e.where.split(':')[0])).size).toBeGreaterThan(5);
  });

  it.each(all.map((e) => [e.where, e.command, e.reference] as const))('%s: trailguard %s', async (_where, command, reference) => {
    if (reference) {
      expect(unknownNames(await parser([]), command)).toEqual([]);
      return;
    }
    const errors: string[] = [];
    try {
      await (await parser(errors)).parseAsync(words(command), { from: 'user' });
    } catch (error) {
      if (!(error instanceof CommanderError) || error.exitCode !== 0) return void expect(error).toBeUndefined();
    }
    expect(errors).toEqual([]);
  });
});
