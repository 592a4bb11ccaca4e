/**
 * Loading the rule set: the built-in pack (rules/**, without rules/benchmarks/, which holds
 * framework catalogues) plus user folders. Every problem of every file is collected before
 * one InputError is thrown, so a user fixes them all in one pass.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, isAbsolute, join, relative, resolve } from 'node:path';
import { PACKAGE_ROOT } from '../package-info.js';
import { InputError, type Problem } from '../errors.js';
import { cachedRuleFile, removeBuiltinCache, writeBuiltinCache } from './builtin-cache.js';
import { compileRule } from './compile-rule.js';
import { renameClashes } from './renames.js';
import { problemAt, parseYamlFile } from '../documents/yaml-file.js';
import type { Rule } from './types.js';

export const BUILTIN_RULES_DIR = join(PACKAGE_ROOT, 'rules');
export const BUILTIN_PACK = 'builtin';

export interface RuleSet {
  /** Sorted by id. */
  rules: Rule[];
}

export interface LoadRuleSetOptions {
  /** User rule folders (from --rules and the config's rule_dirs), added to the built-in pack. */
  dirs?: string[];
  /** Load the built-in pack (default true). */
  builtin?: boolean | undefined;
  /** Paths in messages and rule locations are relative to this (default: process.cwd()). */
  cwd?: string;
}

/** Throws InputError listing every problem (`file:line:col: message`) when any rule is invalid. */
export function loadRuleSet(options: LoadRuleSetOptions = {}): RuleSet {
  const cwd = options.cwd ?? process.cwd();
  const problems: Problem[] = [];
  const sources: Array<{ pack: string; files: string[] }> = [];
  if (options.builtin ?? true) sources.push({ pack: BUILTIN_PACK, files: ruleFiles(BUILTIN_RULES_DIR, true) });
  for (const dir of options.dirs ?? []) {
    const absolute = resolve(cwd, dir);
    if (!existsSync(absolute)) {
      problems.push({ file: dir, message: 'rule folder not found' });
      continue;
    }
    // A single rule file is accepted too (an editor validating the file it has open).
    sources.push({ pack: dir, files: statSync(absolute).isDirectory() ? ruleFiles(absolute, false) : [absolute] });
  }

  const rules: Rule[] = [];
  const seen = new Map<string, Rule>();
  const loaded = new Set<string>();
  for (const { pack, files } of sources) {
    for (const path of files) {
      if (loaded.has(path)) continue; // the same folder given twice
      loaded.add(path);
      const file = displayPath(path, cwd);
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch (error) {
        problems.push({ file, message: `cannot read the rule file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` });
        continue;
      }
      const cached = pack === BUILTIN_PACK ? cachedRuleFile(BUILTIN_RULES_DIR, path, file, text) : undefined;
      const { yaml, problems: syntax } = cached ? { yaml: cached, problems: [] } : parseYamlFile(file, text);
      if (syntax.length > 0) {
        problems.push(...syntax);
        continue;
      }
      const { rule, problems: invalid } = compileRule(yaml, pack);
      problems.push(...invalid);
      if (!rule) continue;
      const first = seen.get(rule.id);
      if (first) {
        const at = `${first.location.file}:${first.location.line}:${first.location.column}`;
        problems.push(problemAt(yaml, ['id'], `duplicate rule id \`${rule.id}\`: also defined at ${at}`));
        continue;
      }
      seen.set(rule.id, rule);
      rules.push(rule);
    }
  }
  problems.push(...renameClashes(rules));
  if (problems.length > 0) throw new InputError(sortProblems(problems));
  return { rules: rules.sort((a, b) => a.id.localeCompare(b.id)) };
}

/** Ids of the built-in rules, from their file names (id = stem), without loading them. */
export function builtinRuleIds(): string[] {
  return ruleFiles(BUILTIN_RULES_DIR, true).map((path) => basename(path, extname(path)));
}

/** The build step (see builtin-cache.ts): check the whole built-in pack afresh (an invalid rule fails the build), then cache it. */
export function writeBuiltinRuleCache(): void {
  removeBuiltinCache();
  loadRuleSet({ builtin: true });
  writeBuiltinCache(BUILTIN_RULES_DIR, ruleFiles(BUILTIN_RULES_DIR, true));
}

/** Every *.yaml / *.yml under `dir`, sorted, so that load order (and which duplicate is "first") is stable. */
function ruleFiles(dir: string, builtin: boolean): string[] {
  if (!existsSync(dir)) return [];
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!(builtin && dir === BUILTIN_RULES_DIR && entry.name === 'benchmarks')) found.push(...ruleFiles(path, builtin));
    } else if (/\.ya?ml$/.test(entry.name)) {
      found.push(path);
    }
  }
  return found;
}

/** Relative to the working directory when inside it, else absolute: short in messages, unambiguous always. */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || a.message.localeCompare(b.message));
}
