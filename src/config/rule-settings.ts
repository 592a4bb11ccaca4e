/** Applying the config to the rules: checking it against them, and each rule's effective settings per account. */
import { InputError, type Problem } from '../errors.js';
import { didYouMean } from '../util/did-you-mean.js';
import { sortProblems } from '../rules/load.js';
import { defaultParameters, parameterValueProblem } from '../rules/parameters.js';
import { renamedWarning, type RuleRenames } from '../rules/renames.js';
import type { Rule } from '../rules/types.js';
import { locateKey, problemAt, type YamlPath } from '../documents/yaml-file.js';
import type { Config, EffectiveRuleSettings, RuleSetting } from './types.js';

/**
 * Every rule id and parameter the config names must exist, and every value satisfy its
 * schema. `unloadedIds` are real rules left out of this run (the built-in pack under
 * --no-builtin): their settings are not errors, only not checked. An old id of a renamed
 * rule (`renames`) names that rule; naming it twice, by old and new id, is an error.
 */
export function checkConfigAgainstRules(config: Config, rules: Rule[], unloadedIds: Iterable<string> = [], renames: RuleRenames = new Map()): void {
  const { yaml } = config;
  if (!yaml) return;
  const byId = new Map(rules.map((r) => [r.id, r]));
  const unloaded = new Set(unloadedIds);
  const problems: Problem[] = [];
  const keyProblem = (at: YamlPath, key: string, message: string) => {
    const { line, column } = locateKey(yaml, at, key);
    problems.push({ file: yaml.file, line, column, message });
  };
  const checkSettings = (settings: Record<string, RuleSetting> | undefined, at: YamlPath) => {
    for (const [id, setting] of Object.entries(settings ?? {})) {
      const current = renames.get(id);
      if (current !== undefined && settings && current in settings) {
        keyProblem(at, id, `rule \`${id}\` was renamed to \`${current}\`, which is configured too: keep only \`${current}\``);
        continue;
      }
      const rule = byId.get(current ?? id);
      if (!rule && unloaded.has(id)) continue;
      if (!rule) {
        keyProblem(at, id, `unknown rule \`${id}\`${didYouMean(id, byId.keys())}`);
        continue;
      }
      if (setting === 'off') continue;
      for (const [name, value] of Object.entries(setting.parameters ?? {})) {
        const spec = rule.parameters[name];
        const where: YamlPath = [...at, id, 'parameters'];
        if (!spec) {
          const declared = Object.keys(rule.parameters);
          keyProblem(where, name, `rule \`${id}\` has no parameter \`${name}\`${didYouMean(name, declared) || (declared.length ? ` (parameters: ${declared.join(', ')})` : '')}`);
          continue;
        }
        const problem = parameterValueProblem(spec, value);
        if (problem) problems.push(problemAt(yaml, [...where, name], `parameter \`${name}\` of \`${id}\`: ${problem}`));
      }
    }
  };
  checkSettings(config.settings.rules, ['rules']);
  (config.settings.overrides ?? []).forEach((override, i) => checkSettings(override.rules, ['overrides', i, 'rules']));
  if (problems.length > 0) throw new InputError(sortProblems(problems));
}

/**
 * The config with each old id of a renamed rule replaced by the current one (run after
 * checkConfigAgainstRules, which refuses a rule named by both), and a warning per old id.
 */
export function withRenamedRuleIds(config: Config, renames: RuleRenames): { config: Config; warnings: string[] } {
  const { yaml } = config;
  const warnings: string[] = [];
  const rename = (settings: Record<string, RuleSetting>, at: YamlPath) =>
    Object.fromEntries(
      Object.entries(settings).map(([id, setting]) => {
        const current = renames.get(id);
        if (current === undefined) return [id, setting];
        const where = yaml ? `${yaml.file}:${locateKey(yaml, at, id).line}` : 'config';
        warnings.push(renamedWarning(where, id, current));
        return [current, setting];
      }),
    );
  if (renames.size === 0) return { config, warnings };
  const { rules, overrides } = config.settings;
  const settings = {
    ...config.settings,
    ...(rules ? { rules: rename(rules, ['rules']) } : {}),
    ...(overrides ? { overrides: overrides.map((o, i) => ({ ...o, rules: rename(o.rules, ['overrides', i, 'rules']) })) } : {}),
  };
  return { config: { ...config, settings }, warnings };
}

/**
 * The rule's settings for one account: its own defaults, then `rules`, then each matching
 * override in order. "off" disables; a later object setting turns the rule back on.
 * Without an account (a rule summary), overrides are not applied.
 */
export function ruleSettingsFor(config: Config, rule: Rule, accountId?: string): EffectiveRuleSettings {
  const effective: EffectiveRuleSettings = { enabled: true, severity: rule.severity, parameters: defaultParameters(rule) };
  const layers = [
    config.settings.rules?.[rule.id],
    ...(config.settings.overrides ?? []).filter((o) => accountId !== undefined && o.accounts.includes(accountId)).map((o) => o.rules[rule.id]),
  ];
  for (const setting of layers) {
    if (setting === undefined) continue;
    if (setting === 'off') {
      effective.enabled = false;
      continue;
    }
    effective.enabled = true;
    if (setting.severity) effective.severity = setting.severity;
    Object.assign(effective.parameters, setting.parameters);
  }
  return effective;
}
