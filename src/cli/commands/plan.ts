/** `trailguard plan`: the calls a scan with this rule selection would make, after discovery only. */
import type { Command } from 'commander';
import table from 'text-table';
import { addAwsOptions, connect, type AwsFlags } from '../aws-options.js';
import type { CommandContext } from '../io.js';
import { addRuleSelectionOptions, loadSelectedRules, type RuleSelectionFlags } from '../rule-selection.js';

interface PlanFlags extends AwsFlags, RuleSelectionFlags {
  regions?: string;
  json?: boolean;
}

export function register(command: Command, ctx: CommandContext): void {
  command.option('--regions <list>', 'comma-separated regions to scan (default: every enabled region)').option('--json', 'print the plan as JSON');
  addRuleSelectionOptions(addAwsOptions(command)).action(async (flags: PlanFlags) => {
    const [{ plannedCalls, totalCalls }, { planForRules }, { plural }] = await Promise.all([
      import('../../plan/call-count.js'),
      import('../../plan/rule-plan.js'),
      import('../../report/explain.js'),
    ]);
    const { rules } = await loadSelectedRules(flags, ctx.io);
    const plan = planForRules(rules);
    const { target, caller, regions } = await connect(flags, ctx.io.env);
    const { discover } = await import('../../plan/discover.js'); // the AWS SDK: only when planning
    const discovery = await discover(target, caller, regions);
    const { shape } = discovery;
    const calls = plannedCalls(plan, shape).sort((a, b) => a.section.localeCompare(b.section) || a.operation.localeCompare(b.operation));
    const total = totalCalls(calls);
    if (flags.json) {
      ctx.io.out(`${JSON.stringify({ accountId: discovery.account.AccountId, rules: rules.map((r) => r.id), sections: [...plan].sort(), shape, calls, total }, null, 2)}\n`);
      return;
    }
    const rows = calls.map((c) => [c.section, c.operation, c.scope, c.calls === undefined ? '?' : String(c.calls)]);
    const callTable = table([['section', 'call', 'how often', 'calls'], ...rows]).replace(/^/gm, '  ');
    ctx.io.out(
      [
        `plan for account ${discovery.account.AccountId}: ${plural(rules.length, 'rule')}, ${plural(plan.size, 'section')}, ${plural(shape.enabledRegions, 'region')}, ${plural(shape.trails, 'trail')}`,
        callTable,
        `expected: ${plural(total.known, 'call')}${total.unknown ? ` plus ${plural(total.unknown, 'operation')} whose count is only known after collection (?)` : ''}`,
        `discovery made ${discovery.calls} of them`,
        '',
      ].join('\n'),
    );
  });
}
