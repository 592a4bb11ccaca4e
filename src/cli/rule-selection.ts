/** The rule-selection flags, one definition for every command that runs, plans or re-reports rules. */
import type { Command } from 'commander';
import { loadConfiguredRules } from '../config/configured-rules.js';
import { ruleSettingsFor } from '../config/rule-settings.js';
import type { Config } from '../config/types.js';
import type { BenchmarkSelection } from '../rules/benchmarks.js';
import { renamedPatterns, type RuleRenames } from '../rules/renames.js';
import { selectRules, type RuleFilter } from '../rules/select.js';
import type { Rule, Severity } from '../rules/types.js';
import { addBenchmarkOption } from './benchmark-option.js';
import type { Io } from './io.js';
import { collectList, collectRepeated, collectSeverities } from './option-parsers.js';

/** Where the rules come from: --rules, --no-builtin, --config. */
export interface RuleSourceFlags {
  rules?: string[];
  builtin: boolean;
  config?: string;
}

/** Which of the loaded rules run: --only, --skip, --severity, --service. */
export interface RuleFilterFlags {
  only?: string[];
  skip?: string[];
  severity?: Severity[];
  service?: string[];
}

export interface RuleSelectionFlags extends RuleSourceFlags, RuleFilterFlags {
  benchmark?: string;
}

export function addRuleSourceOptions(command: Command): Command {
  return command
    .option('--rules <dir>', 'a folder (or file) of user rules, added to the built-in pack (repeatable)', collectRepeated)
    .option('--no-builtin', 'leave out the built-in rule pack')
    .option('--config <file>', 'config file (default: trailguard.config.yaml or .trailguard.yaml, searched up to the repository root)');
}

export function addRuleFilterOptions(command: Command): Command {
  return command
    .option('--only <ids>', 'only these rules: ids or * globs, comma-separated or repeated (--only "cloudtrail-*")', collectList)
    .option('--skip <ids>', 'leave out these rules: ids or * globs, comma-separated or repeated', collectList)
    .option('--severity <list>', 'only rules of these severities, after config (--severity high,critical; any case)', collectSeverities)
    .option('--service <list>', 'only rules of these services, the folder of the rule file (--service s3,kms)', collectList);
}

export function addRuleSelectionOptions(command: Command): Command {
  return addRuleFilterOptions(addBenchmarkOption(addRuleSourceOptions(command)));
}

export function ruleFilterOf(flags: RuleFilterFlags): RuleFilter {
  return {
    ...(flags.only ? { only: flags.only } : {}),
    ...(flags.skip ? { skip: flags.skip } : {}),
    ...(flags.severity ? { severities: flags.severity } : {}),
    ...(flags.service ? { services: flags.service } : {}),
  };
}

export interface SelectedRules {
  config: Config;
  rules: Rule[];
  benchmark?: BenchmarkSelection;
  /** Old → current ids of the loaded rules (the waivers may name old ones). */
  renames: RuleRenames;
}

/** A rule named by its old id (config, --only, --skip) is selected, with a warning on stderr. */
export function loadSelectedRules(flags: RuleSelectionFlags, io: Pick<Io, 'cwd' | 'err'>): SelectedRules {
  const warn = (text: string) => io.err(text);
  const { config, ruleSet, benchmark, renames } = loadConfiguredRules({
    ...(flags.config ? { configPath: flags.config } : {}),
    ...(flags.rules ? { ruleDirs: flags.rules } : {}),
    builtin: flags.builtin,
    ...(flags.benchmark ? { benchmark: flags.benchmark } : {}),
    cwd: io.cwd,
    warn,
  });
  const filter = ruleFilterOf(flags);
  for (const flag of ['only', 'skip'] as const) {
    if (!filter[flag]) continue;
    const { patterns, warnings } = renamedPatterns(filter[flag], renames, `--${flag}`);
    filter[flag] = patterns;
    warnings.forEach(warn);
  }
  const rules = selectRules(ruleSet.rules, filter, (rule) => ({ id: rule.id, severity: ruleSettingsFor(config, rule).severity, file: rule.location.file }));
  return { config, rules, ...(benchmark ? { benchmark } : {}), renames };
}
