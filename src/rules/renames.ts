/**
 * Renamed rules. A rule that changes its id lists the old one under `previousIds:`; the loaded
 * rules are the one source of the old → new table, so a rename is one edit of one file, and
 * configs, waivers and `--only/--skip` written for the old id keep selecting the rule (with a
 * warning telling the user to move to the new id). Only exact ids are aliases: a `*` glob
 * matches current ids, as documented.
 */
import type { Problem } from '../errors.js';
import type { Rule } from './types.js';

/** Old id → current id. */
export type RuleRenames = ReadonlyMap<string, string>;

/** The rename table of `rules`; loadRuleSet has already refused clashing previous ids. */
export function ruleRenames(rules: readonly Pick<Rule, 'id' | 'previousIds'>[]): RuleRenames {
  return new Map(rules.flatMap((rule) => rule.previousIds.map((old) => [old, rule.id] as const)));
}

/** A previous id that is also a rule's id, or another rule's previous id, would make a name mean two rules. */
export function renameClashes(rules: readonly Pick<Rule, 'id' | 'previousIds' | 'location'>[]): Problem[] {
  const ids = new Map(rules.map((rule) => [rule.id, rule]));
  const claimed = new Map<string, Rule['id']>();
  const problems: Problem[] = [];
  for (const rule of rules) {
    const { file, line, column } = rule.location;
    for (const old of rule.previousIds) {
      const current = ids.get(old);
      const other = claimed.get(old);
      if (current) problems.push({ file, line, column, message: `previous id \`${old}\` of \`${rule.id}\` is the id of a loaded rule (${current.location.file})` });
      else if (other !== undefined) problems.push({ file, line, column, message: `previous id \`${old}\` of \`${rule.id}\` is also a previous id of \`${other}\`` });
      claimed.set(old, rule.id);
    }
  }
  return problems;
}

/** The warning printed when a user names a rule by its old id. */
export function renamedWarning(where: string, old: string, current: string): string {
  return `warning: ${where}: rule \`${old}\` was renamed to \`${current}\`; the old id still works, but use the new one\n`;
}

/** --only/--skip patterns with each old id replaced by the current one, and a warning per old id. */
export function renamedPatterns(patterns: readonly string[], renames: RuleRenames, flag: string): { patterns: string[]; warnings: string[] } {
  const warnings: string[] = [];
  const renamed = patterns.map((pattern) => {
    const current = renames.get(pattern);
    if (current === undefined) return pattern;
    warnings.push(renamedWarning(flag, pattern, current));
    return current;
  });
  return { patterns: renamed, warnings };
}
