/** `trailguard permissions`: the least-privilege, read-only IAM policy for a rule selection. */
import type { Command } from 'commander';
import { iamPolicyFor } from '../../collect/iam-policy.js';
import { planForRules } from '../../plan/rule-plan.js';
import { note, type CommandContext } from '../io.js';
import { addRuleSelectionOptions, loadSelectedRules, type RuleSelectionFlags } from '../rule-selection.js';

export function register(command: Command, ctx: CommandContext): void {
  addRuleSelectionOptions(
    command,
  ).action((flags: RuleSelectionFlags) => {
    const { rules } = loadSelectedRules(flags, ctx.io.cwd);
    const plan = planForRules(rules);
    ctx.io.out(`${JSON.stringify(iamPolicyFor(plan), null, 2)}\n`);
    note(ctx.io, `${rules.length} rules need ${[...plan].length} collector sections; an organization sweep also needs sts:AssumeRole on the member role.\n`);
  });
}
