/** `trailguard plan`: the calls a scan with this rule selection would make, after discovery only. */
import type { Command } from 'commander';
import { plannedCalls, totalCalls } from '../../plan/call-count.js';
import { planForRules } from '../../plan/rule-plan.js';
import { addAwsOptions, parseRegionList, targetFromFlags, type AwsFlags } from '../aws-options.js';
import type { CommandContext } from '../io.js';
import { addRuleSelectionOptions, loadSelectedRules, type RuleSelectionFlags } from '../rule-selection.js';

interface PlanFlags extends AwsFlags, RuleSelectionFlags {
  regions?: string;
  json?: boolean;
}

export function register(command: Command, ctx: CommandContext): void {
  command
    .option('--regions <list>', 'comma-separated regions to scan (default: every enabled region)')
    .option('--json', 'print the plan as JSON');
  addRuleSelectionOptions(addAwsOptions(command)).action(async (flags: PlanFlags) => {
    const { rules } = loadSelectedRules(flags, ctx.io.cwd);
    const plan = planForRules(rules);
    const target = targetFromFlags(flags, ctx.io.env);
    const regions = parseRegionList(flags.regions);
    const { discover } = await import('../../plan/discover.js'); // the AWS SDK: only when planning
    const discovery = await discover(target, regions);
    const { shape } = discovery;
    const calls = plannedCalls(plan, shape).sort((a, b) => a.section.localeCompare(b.section) || a.operation.localeCompare(b.operation));
    const total = totalCalls(calls);
    if (flags.json) {
      ctx.io.out(`${JSON.stringify({ accountId: discovery.account.AccountId, rules: rules.map((r) => r.id), sections: [...plan].sort(), shape, calls, total }, null, 2)}\n`);
      return;
    }
    const rows = calls.map((c) => [c.section, c.operation, c.scope, c.calls === undefined ? '?' : String(c.calls)]);
    const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length), 8));
    const line = (r: string[]) => `  ${r.map((cell, i) => (i < 3 ? cell.padEnd(widths[i]!) : cell)).join('  ')}`;
    ctx.io.out(
      [
        `plan for account ${discovery.account.AccountId}: ${rules.length} rules, ${plan.size} sections, ${shape.enabledRegions} regions, ${shape.trails} trails`,
        line(['section', 'call', 'how often', 'calls']),
        ...rows.map(line),
        `expected: ${total.known} calls${total.unknown ? ` plus ${total.unknown} operations whose count is only known after collection (?)` : ''}`,
        `discovery made ${discovery.calls} of them`,
        '',
      ].join('\n'),
    );
  });
}
