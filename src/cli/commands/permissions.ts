/** `trailguard permissions`: the least-privilege, read-only IAM policy for a rule selection. */
import type { Command } from 'commander';
import { iamPolicyFor, SECURITY_HUB_IMPORT_POLICY } from '../../collect/iam-policy.js';
import { planForRules } from '../../plan/rule-plan.js';
import type { CommandContext } from '../io.js';
import { addRuleSelectionOptions, loadSelectedRules, type RuleSelectionFlags } from '../rule-selection.js';

export function registerPermissions(program: Command, ctx: CommandContext): void {
  addRuleSelectionOptions(
    program
      .command('permissions')
      .description('print the least-privilege read-only IAM policy the selected rules need (JSON)')
      .option('--security-hub', 'print instead the separate policy for --security-hub (securityhub:BatchImportFindings, the one write)'),
  ).action((flags: RuleSelectionFlags & { securityHub?: boolean }) => {
    if (flags.securityHub) {
      ctx.io.out(`${JSON.stringify(SECURITY_HUB_IMPORT_POLICY, null, 2)}\n`);
      ctx.io.err('scan --security-hub and report --security-hub need this in each account whose findings they import; keep it out of the read-only scanning role.\n');
      return;
    }
    const { rules } = loadSelectedRules(flags, ctx.io.cwd);
    const plan = planForRules(rules);
    ctx.io.out(`${JSON.stringify(iamPolicyFor(plan), null, 2)}\n`);
    ctx.io.err(`${rules.length} rules need ${[...plan].length} collector sections; an organization sweep also needs sts:AssumeRole on the member role.\n`);
  });
}
