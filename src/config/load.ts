/**
 * Reading the config file: `--config FILE`, else the first trailguard.config.yaml or
 * .trailguard.yaml walking up from the working directory to the repository root (no home
 * directory fallback, so CI runs are reproducible).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { InputError } from '../errors.js';
import { displayPath, sortProblems } from '../rules/load.js';
import { schemaProblems } from '../documents/schema-problems.js';
import { validatorFor } from '../documents/schemas.js';
import { parseYamlFile } from '../documents/yaml-file.js';
import type { Config, ConfigFile } from './types.js';

export const CONFIG_FILE_NAMES = ['trailguard.config.yaml', '.trailguard.yaml'];

export const EMPTY_CONFIG: Config = { settings: {}, ruleDirs: [] };

/** Loads `path` (or the discovered file); throws InputError with file:line:col problems. */
export function loadConfig(path: string | undefined, cwd: string = process.cwd()): Config {
  const absolute = path === undefined ? discoverConfig(cwd) : resolve(cwd, path);
  if (absolute === undefined) return EMPTY_CONFIG;
  const file = displayPath(absolute, cwd);
  if (!existsSync(absolute)) throw new InputError([{ file, message: 'config file not found' }]);
  const { yaml, problems } = parseYamlFile(file, readFileSync(absolute, 'utf8'));
  if (problems.length > 0) throw new InputError(problems);
  // An empty file is an empty config.
  if (yaml.value === null || yaml.value === undefined) yaml.value = {};
  const invalid = schemaProblems(validatorFor('config'), yaml).map((s) => s.problem);
  if (invalid.length > 0) throw new InputError(sortProblems(invalid));
  const settings = yaml.value as ConfigFile;
  const base = dirname(absolute);
  return {
    file,
    settings,
    ruleDirs: (settings.rule_dirs ?? []).map((dir) => displayPath(resolve(base, dir), cwd)),
    waiversFile: settings.waivers === undefined ? undefined : displayPath(resolve(base, settings.waivers), cwd),
    yaml,
  };
}

function discoverConfig(cwd: string): string | undefined {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    for (const name of CONFIG_FILE_NAMES) {
      if (existsSync(join(dir, name))) return join(dir, name);
    }
    if (existsSync(join(dir, '.git')) || dirname(dir) === dir) return undefined;
  }
}
