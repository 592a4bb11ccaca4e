/** `trailguard permissions`: the least-privilege IAM policy for a rule selection, and for how the scan will run. */
import type { Command } from 'commander';
import { iamActionsFor, iamPolicyFor, SECURITY_HUB_IMPORT_POLICY } from '../../collect/iam-policy.js';
import { planForRules } from '../../plan/rule-plan.js';
import { plural } from '../../report/explain.js';
import { memberPlan, organizationPlan } from '../../sweep/sweep.js';
import { VERIFY_LOGS_ACTIONS } from '../../verify-logs/iam-actions.js';
import { note } from '../../util/io.js';
import type { CommandContext } from '../io.js';
import { addRuleSelectionOptions, loadSelectedRules, type RuleSelectionFlags } from '../rule-selection.js';

interface PermissionsFlags extends RuleSelectionFlags {
  organization?: boolean;
  memberRoleName: string;
  verifyLogs?: boolean;
  securityHub?: boolean;
}

export function register(command: Command, ctx: CommandContext): void {
  addRuleSelectionOptions(
    command
      .option('--organization', 'for scan --organization: also listing the accounts and assuming the member role (the policy serves the scanning account and every member role)')
      .option('--member-role-name <name>', 'with --organization: the role assumed in each member account', 'OrganizationAccountAccessRole')
      .option('--verify-logs', "for scan --evidence --verify-logs: also reading each trail's digest and log files")
      .option('--security-hub', 'print instead the separate policy for --security-hub (securityhub:BatchImportFindings, the one write)'),
  ).action(async (flags: PermissionsFlags) => {
    if (flags.securityHub) {
      ctx.io.out(`${JSON.stringify(SECURITY_HUB_IMPORT_POLICY, null, 2)}\n`);
      note(ctx.io, 'scan --security-hub and report --security-hub need this in each account whose findings they import; keep it out of the read-only scanning role.\n');
      return;
    }
    const { rules } = await loadSelectedRules(flags, ctx.io);
    const plan = planForRules(rules);
    const policy = iamPolicyFor(plan);
    if (flags.organization) {
      policy.Statement[0]!.Action = [...new Set([...iamActionsFor(organizationPlan(plan)), ...iamActionsFor(memberPlan(plan))])].sort();
      policy.Statement.push({ Sid: 'TrailguardAssumeMemberRole', Effect: 'Allow', Action: ['sts:AssumeRole'], Resource: `arn:aws:iam::*:role/${flags.memberRoleName}` });
    }
    if (flags.verifyLogs) policy.Statement.push({ Sid: 'TrailguardVerifyLogs', Effect: 'Allow', Action: VERIFY_LOGS_ACTIONS, Resource: '*' });
    ctx.io.out(`${JSON.stringify(policy, null, 2)}\n`);
    note(ctx.io, `${plural(rules.length, 'rule')}, ${plural(plan.size, 'collector section')}${flags.organization ? '' : '; an organization sweep also needs --organization'}.\n`);
  });
}
