/** `trailguard iac`: the rules on a Terraform plan or CloudFormation templates, before deploy (alone, or on top of the live account). */
import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import { addReportOptions, type ReportFlags } from '../../report/options.js';
import { runIac } from '../../scan/run-iac.js';
import type { CommandContext } from '../io.js';
import { addRuleSelectionOptions, loadRunRules, type RuleSelectionFlags } from '../rule-selection.js';
import { parseScanTime } from './evaluate.js';

interface IacFlags extends ReportFlags, RuleSelectionFlags {
  inventory?: string;
  baseline?: boolean;
  tfDir?: string;
  accountId?: string;
  region?: string;
  waivers?: string;
  scanTime?: Date;
}

export function register(command: Command, ctx: CommandContext): void {
  command
    .argument('<files...>', 'plan JSON files, templates, or folders of templates (cdk.out)')
    .option('--inventory <path>', 'evaluate the account as it will be after apply: a live inventory.json (trailguard collect) or a scan run folder')
    .option('--baseline', 'with --inventory: report only what the change breaks or fixes, against the live inventory')
    .option('--tf-dir <dir>', "folder of the Terraform root module's .tf files, for file:line locations (default: the plan's folder)")
    .option('--account-id <id>', "the account the configuration deploys to (default: the plan's caller identity, the inventory's only account, or 000000000000)")
    .option('--region <region>', "the region it deploys to (default: the Terraform AWS provider's region, or us-east-1)")
    .option('--waivers <file>', "waivers file (default: the config's `waivers`)")
    .option('--scan-time <iso>', "the time rules and waivers compare against (default: the inventory's collection time, or now)", parseScanTime);
  addRuleSelectionOptions(addReportOptions(command)).action(async (files: string[], flags: IacFlags) => {
    if (flags.baseline && !flags.inventory) throw new InputError('--baseline compares with the live account: give --inventory too');
    const rules = await loadRunRules(flags, flags.waivers, ctx.io);
    const exitCode = await runIac(
      {
        files,
        rules,
        report: flags,
        ...(flags.inventory ? { inventory: flags.inventory } : {}),
        baseline: Boolean(flags.baseline),
        ...(flags.tfDir ? { tfDir: flags.tfDir } : {}),
        ...(flags.accountId ? { accountId: flags.accountId } : {}),
        ...(flags.region ? { region: flags.region } : {}),
        ...(flags.scanTime ? { scanTime: flags.scanTime } : {}),
      },
      ctx.io,
    );
    ctx.setExitCode(exitCode);
  });
}
