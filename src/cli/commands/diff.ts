/** `trailguard diff OLD NEW`: what changed between two saved scans; exit 1 on new failures so a pipeline can gate on drift. */
import { Option, type Command } from 'commander';
import { EXIT } from '../../errors.js';
import { diffResults } from '../../report/diff.js';
import { DIFF_FORMATS, renderDiff, type DiffFormat } from '../../report/diff-format.js';
import { loadResults } from '../../report/load-results.js';
import type { CommandContext } from '../io.js';

export function register(command: Command, ctx: CommandContext): void {
  command
    .argument('<old>', 'the earlier results.json')
    .argument('<new>', 'the later results.json')
    .addOption(new Option('--format <format>', 'output format').choices(DIFF_FORMATS).default('text'))
    .option('--summary', 'only the counts (new, fixed, still failing, changed to error) and the new failures: a pull-request comment')
    .action(async (oldPath: string, newPath: string, flags: { format: DiffFormat; summary?: boolean }) => {
      const [oldDoc, newDoc] = await Promise.all([loadResults(oldPath, ctx.io.cwd), loadResults(newPath, ctx.io.cwd)]);
      const diff = diffResults(oldDoc, newDoc);
      ctx.io.out(renderDiff(diff, flags.format, Boolean(flags.summary)));
      ctx.setExitCode(diff.newFailures.length > 0 ? EXIT.failures : EXIT.ok);
    });
}
