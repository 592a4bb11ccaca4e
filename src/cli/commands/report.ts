/** `trailguard report --results FILE`: re-render saved results in any format and apply the gate, without AWS. */
import type { Command } from 'commander';
import { dirname, resolve } from 'node:path';
import { isRunFolder, requireCompleteRun } from '../../evidence/run-folder.js';
import { loadResults } from '../../report/load-results.js';
import { addReportOptions, type ReportFlags } from '../../report/options.js';
import { publishReports } from '../../report/publish.js';
import type { CommandContext } from '../io.js';

interface ReportCommandFlags extends ReportFlags {
  results: string;
}

export function registerReport(program: Command, ctx: CommandContext): void {
  addReportOptions(
    program
      .command('report')
      .description('re-render a saved results.json in any report format, and gate on it like scan does')
      .requiredOption('--results <file>', 'results.json written by scan or evaluate'),
  ).action(async (flags: ReportCommandFlags) => {
    // results.json inside a run folder counts only once that run finished writing.
    const folder = dirname(resolve(ctx.io.cwd, flags.results));
    if (isRunFolder(folder)) await requireCompleteRun(folder);
    const doc = await loadResults(flags.results, ctx.io.cwd);
    ctx.setExitCode(await publishReports(doc, flags, ctx));
  });
}
