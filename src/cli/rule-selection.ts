/**
 * The rule-selection flags, one definition for every command that runs, plans or re-reports
 * rules. The loaders (rules, config, waivers) are imported when a command runs, not for --help.
 */
import type { Command } from 'commander';
import type { RuleRenames } from '../rules/renames.js';
import type { RuleFilter } from '../rules/select.js';
import type { Severity } from '../rules/types.js';
import type { RunRules } from '../scan/complete-run.js';
import type { Io } from '../util/io.js';
import { addBenchmarkOption } from './benchmark-option.js';
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

export type SelectedRules = Pick<RunRules, 'config' | 'rules' | 'benchmark'> & {
  /** Old → current ids of the loaded rules (the waivers may name old ones). */
  renames: RuleRenames;
};

/** A rule named by its old id (config, --only, --skip) is selected, with a warning on stderr. */
export async function loadSelectedRules(flags: RuleSelectionFlags, io: Pick<Io, 'cwd' | 'err'>): Promise<SelectedRules> {
  const [{ loadConfiguredRules }, { ruleSettingsFor }, { selectRules }, { renamedPatterns }] = await Promise.all([
    import('../config/configured-rules.js'),
    import('../config/rule-settings.js'),
    import('../rules/select.js'),
    import('../rules/renames.js'),
  ]);
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

/** The rules, config and waivers a run evaluates with, loaded before any AWS call so a bad file fails fast. */
export async function loadRunRules(selection: RuleSelectionFlags, waiversPath: string | undefined, io: Pick<Io, 'cwd' | 'err'>): Promise<RunRules> {
  const [selected, { loadWaivers }] = await Promise.all([loadSelectedRules(selection, io), import('../waivers/load.js')]);
  const waiversFile = waiversPath ?? selected.config.waiversFile;
  const waivers =
    waiversFile === undefined ? [] : loadWaivers(waiversFile, io.cwd, { maxDays: selected.config.settings.waiver_max_days, renames: selected.renames, warn: (text) => io.err(text) });
  return { ...selected, waivers, ...(waiversFile ? { waiversFile } : {}) };
}
