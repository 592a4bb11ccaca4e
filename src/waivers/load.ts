/** Reading the waivers file, with every problem located at file:line:col. */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { InputError, type Problem } from '../errors.js';
import { displayPath, sortProblems } from '../rules/load.js';
import { schemaProblems } from '../documents/schema-problems.js';
import { validatorFor } from '../documents/schemas.js';
import { locate, problemAt, parseYamlFile } from '../documents/yaml-file.js';
import { renamedWarning, type RuleRenames } from '../rules/renames.js';
import { expiryInstant } from './expiry.js';
import type { Waiver } from './types.js';

/** A waiver may not run longer than this unless the config raises `waiver_max_days`: a risk accepted for ever is not accepted, it is forgotten. */
export const DEFAULT_WAIVER_MAX_DAYS = 365;

export interface WaiverLimits {
  /** Latest allowed expiry, in days from `now`. */
  maxDays?: number | undefined;
  now?: Date;
  /** Old → current rule ids: a waiver naming an old id waives the renamed rule, with a warning. */
  renames?: RuleRenames;
  warn?: (text: string) => void;
}

/** Throws InputError listing every problem when the file is missing or invalid. */
export function loadWaivers(path: string, cwd: string = process.cwd(), limits: WaiverLimits = {}): Waiver[] {
  const maxDays = limits.maxDays ?? DEFAULT_WAIVER_MAX_DAYS;
  const latest = (limits.now ?? new Date()).getTime() + maxDays * 86_400_000;
  const absolute = resolve(cwd, path);
  const file = displayPath(absolute, cwd);
  if (!existsSync(absolute)) throw new InputError([{ file, message: 'waivers file not found' }]);
  const { yaml, problems } = parseYamlFile(file, readFileSync(absolute, 'utf8'));
  if (problems.length > 0) throw new InputError(problems);
  const invalid: Problem[] = schemaProblems(validatorFor('waivers'), yaml).map((s) => s.problem);
  if (invalid.length > 0) throw new InputError(sortProblems(invalid));

  const raw = (yaml.value as { waivers: Array<Omit<Waiver, 'location'>> }).waivers;
  const seen = new Set<string>();
  const waivers = raw.map((w, i): Waiver => {
    if (seen.has(w.id)) invalid.push(problemAt(yaml, ['waivers', i, 'id'], `duplicate waiver id \`${w.id}\``));
    seen.add(w.id);
    if (w.created !== undefined && expiryInstant(w.expires) <= Date.parse(w.created)) {
      invalid.push(problemAt(yaml, ['waivers', i, 'expires'], `waiver \`${w.id}\` expires (${w.expires}) before it was created (${w.created})`));
    }
    if (expiryInstant(w.expires) > latest) {
      invalid.push(
        problemAt(
          yaml,
          ['waivers', i, 'expires'],
          `waiver \`${w.id}\` expires (${w.expires}) more than ${maxDays} days from today: renew it when it runs out, or raise \`waiver_max_days\` in the config`,
        ),
      );
    }
    const { line, column } = locate(yaml, ['waivers', i]);
    const rules = w.rules.map((rule, r) => {
      const current = limits.renames?.get(rule);
      if (current === undefined) return rule;
      limits.warn?.(renamedWarning(`${file}:${locate(yaml, ['waivers', i, 'rules', r]).line}`, rule, current));
      return current;
    });
    return { ...w, rules, location: { file, line, column } };
  });
  if (invalid.length > 0) throw new InputError(sortProblems(invalid));
  return waivers;
}
