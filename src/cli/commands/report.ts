/** `trailguard report --results FILE`: re-render saved results in any format and apply the gate, without AWS. */
import type { Command } from 'commander';
import { loadResults } from '../../report/load-results.js';
import { addReportOptions, type ReportFlags } from '../../report/options.js';
import { publishReports } from '../../report/publish.js';
import type { CommandContext } from '../io.js';

interface ReportCommandFlags extends ReportFlags {
  results: string;
}

export function register(command: Command, ctx: CommandContext): void {
  addReportOptions(
    command
      .requiredOption('--results <file>', 'results.json written by scan or evaluate'),
  ).action(async (flags: ReportCommandFlags) => {
    const doc = await loadResults(flags.results, ctx.io.cwd);
    ctx.setExitCode(await publishReports(doc, flags, ctx));
  });
}
