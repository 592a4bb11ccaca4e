/** `trailguard report --results FILE`: re-render saved results in any format and apply the gate, without AWS (unless --security-hub sends the findings). */
import type { Command } from 'commander';
import { dirname, resolve } from 'node:path';
import { addAwsOptions, connect, type AwsFlags } from '../aws-options.js';
import { addReportOptions, type ReportFlags } from '../../report/options.js';
import type { CommandContext } from '../io.js';
import { addRuleFilterOptions, ruleFilterOf, type RuleFilterFlags } from '../rule-selection.js';

interface ReportCommandFlags extends ReportFlags, RuleFilterFlags, AwsFlags {
  /** addAwsOptions gives it a default. */
  roleSessionName: string;
  results: string;
  securityHub?: boolean;
  securityHubRole?: string;
}

export function register(command: Command, ctx: CommandContext): void {
  addRuleFilterOptions(
    addReportOptions(
      addAwsOptions(
        command
          .requiredOption('--results <file>', 'results.json written by scan or evaluate')
          .option('--security-hub', 'also import the findings into AWS Security Hub (BatchImportFindings: the one write, opt-in; see trailguard permissions --security-hub)')
          .option('--security-hub-role <name>', "with --security-hub: role assumed in each other account to import that account's findings"),
      ),
    ),
  ).action(async (flags: ReportCommandFlags) => {
    // The loaders and renderers load when a report is made, not for --help.
    const [{ isRunFolder, requireCompleteRun }, { loadResults }, { publishReports }, { selectResults }] = await Promise.all([
      import('../../evidence/run-folder.js'),
      import('../../report/load-results.js'),
      import('../../report/publish.js'),
      import('../../report/select-results.js'),
    ]);
    // results.json inside a run folder counts only once that run finished writing.
    const folder = dirname(resolve(ctx.io.cwd, flags.results));
    if (isRunFolder(folder)) await requireCompleteRun(folder);
    const saved = await loadResults(flags.results, ctx.io.cwd);
    const filter = ruleFilterOf(flags);
    const doc = Object.keys(filter).length > 0 ? selectResults(saved, filter) : saved;
    // --security-hub: the caller is identified before anything is written.
    const target = flags.securityHub ? (await connect(flags, ctx.io.env)).target : undefined;
    ctx.setExitCode(await publishReports(doc, flags, ctx.io));
    if (target) {
      // The Security Hub client loads only when findings are sent.
      const { sendToSecurityHub } = await import('../../scan/security-hub.js');
      const memberRole = flags.securityHubRole
        ? { roleName: flags.securityHubRole, sessionName: flags.roleSessionName, durationSeconds: 3600, ...(flags.externalId ? { externalId: flags.externalId } : {}) }
        : undefined;
      await sendToSecurityHub(doc, target, memberRole, ctx.io);
    }
  });
}
