/** `trailguard report --results FILE`: re-render saved results in any format and apply the gate, without AWS. */
import type { Command } from 'commander';
import { loadResults } from '../../report/load-results.js';
import { addReportOptions, type ReportFlags } from '../../report/options.js';
import { publishReports } from '../../report/publish.js';
import { selectResults } from '../../report/select-results.js';
import type { CommandContext } from '../io.js';
import { addRuleFilterOptions, ruleFilterOf, type RuleFilterFlags } from '../rule-selection.js';

interface ReportCommandFlags extends ReportFlags, RuleFilterFlags {
  results: string;
}

export function register(command: Command, ctx: CommandContext): void {
  addRuleFilterOptions(addReportOptions(command.requiredOption('--results <file>', 'results.json written by scan or evaluate'))).action(async (flags: ReportCommandFlags) => {
    const saved = await loadResults(flags.results, ctx.io.cwd);
    const filter = ruleFilterOf(flags);
    const doc = Object.keys(filter).length > 0 ? selectResults(saved, filter) : saved;
    ctx.setExitCode(await publishReports(doc, flags, ctx));
  });
}
