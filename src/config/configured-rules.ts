/** The config and the rule set it selects, checked against each other: what every rule-using command starts from. */
import { selectBenchmark, type BenchmarkSelection } from '../rules/benchmarks.js';
import { builtinRuleIds, loadRuleSet, type RuleSet } from '../rules/load.js';
import { ruleRenames, type RuleRenames } from '../rules/renames.js';
import { loadConfig } from './load.js';
import { checkConfigAgainstRules, withRenamedRuleIds } from './rule-settings.js';
import type { Config } from './types.js';

export interface ConfiguredRulesOptions {
  /** --config; undefined: discover trailguard.config.yaml from cwd up to the repository root. */
  configPath?: string | undefined;
  /** --rules folders, added (with the config's rule_dirs) to the built-in pack. */
  ruleDirs?: string[] | undefined;
  /** Load the built-in pack (default true). */
  builtin?: boolean | undefined;
  /** --benchmark <id>[:<profile>]: keep only the rules mapped to the selected controls. */
  benchmark?: string;
  cwd: string;
  /** Where the warnings go (a rule named by its old id). */
  warn?: (text: string) => void;
}

export interface ConfiguredRules {
  config: Config;
  ruleSet: RuleSet;
  benchmark?: BenchmarkSelection;
  /** Old → current ids of the loaded rules, for the waivers and --only/--skip. */
  renames: RuleRenames;
}

/** Throws InputError (file:line:col problems) for a bad config, a bad rule, or a config naming unknown rules or bad parameters. */
export function loadConfiguredRules(options: ConfiguredRulesOptions): ConfiguredRules {
  const loaded = loadConfig(options.configPath, options.cwd);
  const ruleSet = loadRuleSet({ dirs: [...(options.ruleDirs ?? []), ...loaded.ruleDirs], builtin: options.builtin, cwd: options.cwd });
  const renames = ruleRenames(ruleSet.rules);
  checkConfigAgainstRules(loaded, ruleSet.rules, options.builtin === false && loaded.yaml ? unloadedBuiltinIds() : [], renames);
  const { config, warnings } = withRenamedRuleIds(loaded, renames);
  for (const warning of warnings) options.warn?.(warning);
  // The config is checked against every loaded rule: it may configure rules the benchmark leaves out.
  if (options.benchmark === undefined) return { config, ruleSet, renames };
  const benchmark = selectBenchmark(ruleSet.rules, options.benchmark);
  return { config: withBenchmarkParameters(config, benchmark), ruleSet: { rules: benchmark.rules }, benchmark, renames };
}

/** Under --no-builtin, the built-in ids, old ones included, that a config may name without being wrong. */
function unloadedBuiltinIds(): string[] {
  return [...builtinRuleIds(), ...ruleRenames(loadRuleSet({ builtin: true }).rules).keys()];
}

/**
 * The benchmark's parameters (cis_version: which CIS patterns the monitoring rules want) set
 * for each selected rule that declares them, under the config's own values, which still win.
 */
function withBenchmarkParameters(config: Config, benchmark: BenchmarkSelection): Config {
  const names = Object.keys(benchmark.parameters);
  if (names.length === 0) return config;
  const rules = { ...config.settings.rules };
  for (const rule of benchmark.rules) {
    const own = rules[rule.id];
    const declared = names.filter((name) => name in rule.parameters);
    if (own === 'off' || declared.length === 0) continue;
    rules[rule.id] = { ...own, parameters: { ...Object.fromEntries(declared.map((name) => [name, benchmark.parameters[name]])), ...own?.parameters } };
  }
  return { ...config, settings: { ...config.settings, rules } };
}
