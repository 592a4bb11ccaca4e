/** The rule-selection flags shared by every command that runs or plans rules. */
import type { Command } from 'commander';
import { loadConfiguredRules } from '../config/configured-rules.js';
import type { Config } from '../config/types.js';
import type { BenchmarkSelection } from '../rules/benchmarks.js';
import { selectRules } from '../rules/select.js';
import type { Rule } from '../rules/types.js';
import { addBenchmarkOption } from './benchmark-option.js';
import { collectRepeated } from './commands/rules.js';

export interface RuleSelectionFlags {
  rules: string[];
  builtin: boolean;
  config?: string;
  benchmark?: string;
  only?: string;
  skip?: string;
}

export function addRuleSelectionOptions(command: Command): Command {
  return addBenchmarkOption(
    command
      .option('--rules <dir>', 'a folder of user rules, added to the built-in pack (repeatable)', collectRepeated, [])
      .option('--no-builtin', 'leave out the built-in rule pack')
      .option('--config <file>', 'config file (default: trailguard.config.yaml or .trailguard.yaml)'),
  )
    .option('--only <ids>', 'only these rules (comma-separated ids)')
    .option('--skip <ids>', 'leave out these rules (comma-separated ids)');
}

export interface SelectedRules {
  config: Config;
  rules: Rule[];
  benchmark?: BenchmarkSelection;
}

export function loadSelectedRules(flags: RuleSelectionFlags, cwd: string): SelectedRules {
  const { config, ruleSet, benchmark } = loadConfiguredRules({
    ...(flags.config ? { configPath: flags.config } : {}),
    ruleDirs: flags.rules,
    builtin: flags.builtin,
    ...(flags.benchmark ? { benchmark: flags.benchmark } : {}),
    cwd,
  });
  const list = (value: string | undefined) => value?.split(',').map((s) => s.trim()).filter(Boolean);
  const only = list(flags.only);
  const skip = list(flags.skip);
  const rules = selectRules(ruleSet.rules, { ...(only ? { only } : {}), ...(skip ? { skip } : {}) });
  return { config, rules, ...(benchmark ? { benchmark } : {}) };
}
