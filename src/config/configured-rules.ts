/** The config and the rule set it selects, checked against each other: what every rule-using command starts from. */
import { builtinRuleIds, loadRuleSet, type RuleSet } from '../rules/load.js';
import { loadConfig } from './load.js';
import { checkConfigAgainstRules } from './rule-settings.js';
import type { Config } from './types.js';

export interface ConfiguredRulesOptions {
  /** --config; undefined: discover trailguard.config.yaml from cwd up to the repository root. */
  configPath?: string;
  /** --rules folders, added (with the config's rule_dirs) to the built-in pack. */
  ruleDirs?: string[];
  /** Load the built-in pack (default true). */
  builtin?: boolean;
  cwd: string;
}

/** Throws InputError (file:line:col problems) for a bad config, a bad rule, or a config naming unknown rules or bad parameters. */
export function loadConfiguredRules(options: ConfiguredRulesOptions): { config: Config; ruleSet: RuleSet } {
  const config = loadConfig(options.configPath, options.cwd);
  const ruleSet = loadRuleSet({ dirs: [...(options.ruleDirs ?? []), ...config.ruleDirs], builtin: options.builtin, cwd: options.cwd });
  checkConfigAgainstRules(config, ruleSet.rules, options.builtin === false ? builtinRuleIds() : []);
  return { config, ruleSet };
}
