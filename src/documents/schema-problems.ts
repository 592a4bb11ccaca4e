/**
 * Turns ajv's errors into located, human problems: one line per mistake, at the key or
 * value the user wrote, with "did you mean" for a misspelt key or enum value.
 */
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import type { Problem } from '../errors.js';
import { didYouMean, nearest } from '../util/did-you-mean.js';
import { locateKey, problemAt, type YamlFile, type YamlPath } from './yaml-file.js';

/** A schema problem with the document path it is about (callers may defer to a better checker there). */
export interface SchemaProblem {
  path: YamlPath;
  problem: Problem;
}

/** Validates the parsed file against one of trailguard's schemas. */
export function schemaProblems(validate: ValidateFunction, yaml: YamlFile): SchemaProblem[] {
  if (validate(yaml.value)) return [];
  const errors = dropMisspeltRequired(collapseAlternatives(validate.errors ?? []));
  return errors.map((e) => ({ path: toPath(e.instancePath), problem: toProblem(e, yaml) }));
}

/** "missing `severity`" says nothing new beside "unknown key `serverity`; did you mean `severity`?". */
function dropMisspeltRequired(errors: ErrorObject[]): ErrorObject[] {
  const suggested = new Set(
    errors
      .filter((e) => e.keyword === 'additionalProperties')
      .map((e) => {
        const key = String((e.params as { additionalProperty: string }).additionalProperty);
        const allowed = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {});
        return `${e.instancePath} ${nearest(key, allowed) ?? ''}`;
      }),
  );
  return errors.filter((e) => !(e.keyword === 'required' && suggested.has(`${e.instancePath} ${(e.params as { missingProperty: string }).missingProperty}`)));
}

function toPath(instancePath: string): YamlPath {
  if (instancePath === '') return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/**
 * anyOf/oneOf failures explode into one error per branch. When a branch got past the
 * type check and failed deeper, that branch's errors are the useful ones; otherwise one
 * "must be A or B" message replaces them all.
 */
function collapseAlternatives(errors: ErrorObject[]): ErrorObject[] {
  const alternatives = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
  if (alternatives.length === 0) return dedupe(errors);
  const dropped = new Set<ErrorObject>();
  const added: ErrorObject[] = [];
  // Innermost first, so an outer alternative sees its inner ones already collapsed.
  for (const alt of [...alternatives].sort((a, b) => b.schemaPath.length - a.schemaPath.length)) {
    const prefix = `${alt.schemaPath}/`;
    const branch = errors.filter((e) => e.schemaPath.startsWith(prefix) && !dropped.has(e));
    const deeper = branch.filter((e) => e.instancePath.length > alt.instancePath.length);
    dropped.add(alt);
    if (deeper.length > 0) {
      for (const e of branch) if (!deeper.includes(e)) dropped.add(e);
    } else if (branch.length > 0) {
      for (const e of branch) dropped.add(e);
      const options = [...new Set(branch.map((e) => e.message ?? 'be valid'))];
      added.push({ ...alt, keyword: 'alternatives', message: options.join(' or ') });
    }
  }
  return dedupe([...errors.filter((e) => !dropped.has(e)), ...added]);
}

function dedupe(errors: ErrorObject[]): ErrorObject[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.instancePath} ${e.keyword} ${e.message} ${JSON.stringify(e.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function toProblem(e: ErrorObject, yaml: YamlFile): Problem {
  const path = toPath(e.instancePath);
  const name = path.length > 0 ? `\`${displayPath(path)}\`` : 'the document';
  const schema = (e.parentSchema ?? {}) as { properties?: Record<string, unknown> };
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String((e.params as { additionalProperty: string }).additionalProperty);
      const allowed = Object.keys(schema.properties ?? {});
      const { line, column } = locateKey(yaml, path, key);
      return { file: yaml.file, line, column, message: `unknown key \`${key}\`${didYouMean(key, allowed)}` };
    }
    case 'required':
      return problemAt(yaml, path, `${path.length > 0 ? `${name} is ` : ''}missing required key \`${(e.params as { missingProperty: string }).missingProperty}\``);
    case 'enum': {
      const allowed = (e.params as { allowedValues: unknown[] }).allowedValues.map(String);
      const value = e.data;
      const hint = typeof value === 'string' ? didYouMean(value, allowed) : '';
      return problemAt(yaml, path, `${name} must be one of ${allowed.join(', ')}${hint}`);
    }
    default:
      return problemAt(yaml, path, `${name} ${e.message ?? 'is invalid'}`);
  }
}

/** waivers[0].reason: how a reader would write the path. */
function displayPath(path: YamlPath): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}
