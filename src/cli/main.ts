#!/usr/bin/env node
/** trailguard's entry point: parse flags, load and run the one command chosen, map what went wrong to an exit code. */
import { Command, CommanderError } from 'commander';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { EXIT, formatProblem, InputError } from '../errors.js';
import { TOOL } from '../package-info.js';
import { printable, visible } from '../util/visible-text.js';
import { chosenCommand, COMMANDS, type CommandEntry } from './commands/index.js';
import type { Io } from '../util/io.js';
import { processIo, type CommandContext } from './io.js';

/** Runs the CLI in-process and resolves to the exit code (tests call this directly). */
export async function run(argv: string[], io: Io = processIo()): Promise<number> {
  let exitCode: number = EXIT.ok;
  const ctx = { io, argv, setExitCode: (code: number) => (exitCode = code) };
  try {
    const chosen = chosenCommand(argv);
    const program = await buildProgram(ctx, (entry) => entry === chosen);
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    return exitCodeFor(error, io);
  }
}

/**
 * The CLI's global flags and every command's name; only the commands `load` picks get their
 * flags and action (the one chosen, so start-up loads nothing else; all of them for the docs test).
 */
export async function buildProgram(ctx: CommandContext, load: (entry: CommandEntry) => boolean): Promise<Command> {
  const { io } = ctx;
  const program = new Command()
    .name('trailguard')
    .description('Policy-as-code compliance scanner for AWS API auditing (CloudTrail and everything it depends on).')
    .version(TOOL.version, '-v, --version', 'print the version')
    .option('-q, --quiet', 'print only failures and the final line (no progress, no notes)')
    .option('--no-color', 'no colour (also NO_COLOR=1; colour is only ever used on a terminal)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .showHelpAfterError('(run with --help for usage)')
    .hook('preAction', () => {
      const global = program.opts<{ quiet?: boolean; color: boolean }>();
      io.quiet = Boolean(global.quiet);
      io.color = Boolean(io.color) && global.color;
    });
  for (const entry of COMMANDS) {
    const command = program.command(entry.name).description(entry.description);
    if (load(entry)) (await entry.load()).register(command, ctx);
  }
  return program;
}

function exitCodeFor(error: unknown, io: Io): number {
  if (error instanceof CommanderError) {
    // --help and --version end through here with exit code 0.
    return error.exitCode === 0 ? EXIT.ok : EXIT.badInput;
  }
  if (error instanceof InputError) {
    // A problem may quote the file it is about (a name, a value): each line is printed visibly.
    for (const problem of error.problems) io.err(`${visible(problem.file ? formatProblem(problem) : problem.message)}\n`);
    return EXIT.badInput;
  }
  const detail = error instanceof Error ? error.message : String(error);
  io.err(printable`trailguard: internal error: ${detail}\n`);
  if (io.env.TRAILGUARD_DEBUG && error instanceof Error && error.stack) io.err(`${error.stack}\n`);
  else io.err('This is a bug in trailguard; rerun with TRAILGUARD_DEBUG=1 for a stack trace and report it.\n');
  return EXIT.internal;
}

function isMain(): boolean {
  if (!process.argv[1]) return false;
  try {
    return realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  // trailguard pins its SDK versions and supports Node 20 on purpose: the SDK's notice that
  // future SDK releases will need Node 22 is not something a user of this build can act on.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  void run(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
