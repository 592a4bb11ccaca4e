/** `trailguard collect`: read one account's audit configuration into inventory.json. */
import type { Command } from 'commander';
import { writeFile } from 'node:fs/promises';
import { stableStringify } from '../../util/stable-json.js';
import { printable } from '../../util/visible-text.js';
import { addAwsOptions, connect, type AwsFlags } from '../aws-options.js';
import type { CommandContext } from '../io.js';
import { addRuleSelectionOptions, loadSelectedRules, type RuleSelectionFlags } from '../rule-selection.js';
import { TOOL } from '../../package-info.js';

interface CollectFlags extends AwsFlags, RuleSelectionFlags {
  regions?: string;
  output: string;
}

export function register(command: Command, ctx: CommandContext): void {
  addRuleSelectionOptions(
    addAwsOptions(
      command
        .option('--regions <list>', 'comma-separated regions to scan (default: every enabled region)')
        .option('-o, --output <file>', 'where to write the inventory ("-" for stdout)', 'inventory.json'),
    ),
  ).action(async (flags: CollectFlags) => {
    // The planner and the AWS SDK: only when collecting.
    const [{ collectInventory }, { planForRules }, { startProgress }, { plural }] = await Promise.all([
      import('../../collect/inventory.js'),
      import('../../plan/rule-plan.js'),
      import('../progress.js'),
      import('../../report/explain.js'),
    ]);
    // Only what the selected rules (by default all of them) read.
    const plan = planForRules((await loadSelectedRules(flags, ctx.io)).rules);
    const { target, caller, regions } = await connect(flags, ctx.io.env);
    const progress = startProgress(ctx.io, 'collect', 1);
    const { inventory } = await collectInventory({
      target,
      caller,
      plan,
      ...(regions ? { regions } : {}),
      tool: TOOL,
      onCall: (e) => progress.call(e.ok, e.retries),
    });
    progress.tick(1);
    progress.stop();
    const text = `${stableStringify(inventory)}\n`;
    if (flags.output === '-') ctx.io.out(text);
    else await writeFile(flags.output, text);
    const account = inventory.accounts[0];
    ctx.io.err(
      printable`collected account ${account?.AccountId ?? 'unknown'}: ${plural(account?.trails.length ?? 0, 'trail')}, ` +
        printable`${plural(progress.calls, 'call')}, ${plural(account?.errors.length ?? 0, 'error')}${flags.output === '-' ? '' : ` → ${flags.output}`}\n`,
    );
  });
}
