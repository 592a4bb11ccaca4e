/**
 * One rule file → a compiled Rule, or every problem in it. The schema checks the shape;
 * the condition compiler checks conditions (it reports them more precisely than the
 * schema's alternatives, so schema errors inside a condition only count when the compiler
 * found nothing); then the checks a schema cannot express: id = file name, parameter
 * schemas and defaults, test parameters, message placeholders.
 */
import { basename, extname } from 'node:path';
import type { Problem } from '../errors.js';
import { compileCondition, type CompileContext } from './conditions/compile.js';
import { didYouMean } from '../util/did-you-mean.js';
import { invalidPlaceholders } from './messages.js';
import { withOneByteMessages } from './one-byte.js';
import { remediationProblems } from './remediation.js';
import { parameterValidator, parameterValueProblem } from './parameters.js';
import { schemaProblems } from '../documents/schema-problems.js';
import { validatorFor } from '../documents/schemas.js';
import { RESOURCE_TYPES, type ParameterSpec, type Rule, type RuleTestCase } from './types.js';
import { locate, locateKey, problemAt, type YamlFile, type YamlPath } from '../documents/yaml-file.js';

export const DEFAULT_TEST_SCAN_TIME = '2026-01-01T00:00:00Z';

type RawRule = Record<string, unknown> &
  Omit<Rule, 'appliesWhen' | 'assert' | 'tests' | 'location' | 'source' | 'pack'> & {
    applies_when?: Record<string, unknown> & { reason: string };
    assert: unknown;
    tests: Array<Omit<RuleTestCase, 'location'>>;
  };

export function compileRule(yaml: YamlFile, pack: string): { rule?: Rule; problems: Problem[] } {
  if (yaml.value === null || typeof yaml.value !== 'object' || Array.isArray(yaml.value)) {
    return { problems: [problemAt(yaml, [], 'a rule file must be a YAML mapping (schemaVersion, id, title, ...)')] };
  }
  const raw = withOneByteMessages(yaml.value) as RawRule;
  const problems: Problem[] = [];
  // A file checked at build time (the built-in pack, unchanged) skips the schema and parameter checks.
  const schema = yaml.checked ? [] : schemaProblems(validatorFor('rule'), yaml);
  const inCondition = (path: YamlPath) => path[0] === 'assert' || path[0] === 'applies_when';
  problems.push(...schema.filter((s) => !inCondition(s.path)).map((s) => s.problem));

  problems.push(...checkId(yaml, raw));
  const parameters = checkParameters(yaml, raw, problems);

  const declared = isMapping(raw.parameters) ? Object.keys(raw.parameters) : [];
  const reads: string[] = [];
  const resource = RESOURCE_TYPES.includes(raw.resource) ? raw.resource : undefined;
  const cc: CompileContext = { yaml, parameters, declared, problems: [], reads, ...(resource ? { resource } : {}) };
  let appliesWhen: Rule['appliesWhen'];
  if ('applies_when' in raw) {
    const condition = compileCondition(raw.applies_when, ['applies_when'], cc, ['reason']);
    if (condition && isMapping(raw.applies_when)) appliesWhen = { condition, reason: String(raw.applies_when.reason) };
  }
  const assert = 'assert' in raw ? compileCondition(raw.assert, ['assert'], cc) : undefined;
  // The schema backs the compiler up: anything it flags in a condition the compiler accepted still counts.
  problems.push(...(cc.problems.length > 0 ? cc.problems : schema.filter((s) => inCondition(s.path)).map((s) => s.problem)));

  problems.push(...checkMessages(yaml, raw));
  if (isMapping(raw.remediation)) problems.push(...remediationProblems(yaml, raw));
  const tests = checkTests(yaml, raw, parameters, problems);
  if (problems.length > 0 || !assert) return { problems };
  const { line, column } = locate(yaml, ['id']);
  const rule: Rule = {
    id: raw.id,
    title: raw.title,
    severity: raw.severity,
    resource: raw.resource,
    description: raw.description,
    rationale: raw.rationale,
    impact: raw.impact,
    remediation: raw.remediation,
    references: raw.references,
    frameworks: raw.frameworks ?? {},
    tags: raw.tags ?? [],
    parameters,
    appliesWhen,
    assert,
    reads: [...new Set(reads)].sort(),
    messages: raw.messages,
    tests,
    deprecated: raw.deprecated,
    previousIds: raw.previousIds ?? [],
    location: { file: yaml.file, line, column },
    source: yaml.text,
    pack,
  };
  return { rule, problems: [] };
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function checkId(yaml: YamlFile, raw: RawRule): Problem[] {
  const stem = basename(yaml.file, extname(yaml.file));
  if (typeof raw.id !== 'string' || raw.id === stem) return [];
  return [problemAt(yaml, ['id'], `rule id \`${raw.id}\` must equal the file name stem \`${stem}\``)];
}

/** The declared parameters whose schema compiles and whose default satisfies it. */
function checkParameters(yaml: YamlFile, raw: RawRule, problems: Problem[]): Record<string, ParameterSpec> {
  const valid: Record<string, ParameterSpec> = {};
  if (!isMapping(raw.parameters)) return valid;
  for (const [name, spec] of Object.entries(raw.parameters)) {
    if (!isMapping(spec) || !isMapping(spec.schema) || !('default' in spec)) continue;
    const parameter = spec as unknown as ParameterSpec;
    if (yaml.checked) {
      valid[name] = parameter;
      continue;
    }
    try {
      parameterValidator(parameter);
    } catch (error) {
      problems.push(problemAt(yaml, ['parameters', name, 'schema'], `invalid schema for parameter \`${name}\`: ${(error as Error).message}`));
      continue;
    }
    const problem = parameterValueProblem(parameter, parameter.default);
    if (problem) {
      problems.push(problemAt(yaml, ['parameters', name, 'default'], `default of parameter \`${name}\` does not satisfy its schema: ${problem}`));
      continue;
    }
    valid[name] = parameter;
  }
  return valid;
}

function checkMessages(yaml: YamlFile, raw: RawRule): Problem[] {
  if (!isMapping(raw.messages)) return [];
  return (['pass', 'fail'] as const).flatMap((key) => {
    const template = raw.messages[key];
    if (typeof template !== 'string') return [];
    return invalidPlaceholders(template).map((p) => problemAt(yaml, ['messages', key], `placeholder \`{{${p}}}\` is not a view path, params.<name>, actual, expected or failures`));
  });
}

function checkTests(yaml: YamlFile, raw: RawRule, parameters: Record<string, ParameterSpec>, problems: Problem[]): RuleTestCase[] {
  if (!Array.isArray(raw.tests)) return [];
  const declared = Object.keys(isMapping(raw.parameters) ? raw.parameters : {});
  return raw.tests.map((test, i) => {
    for (const [name, value] of Object.entries(isMapping(test.params) && !yaml.checked ? test.params : {})) {
      const spec = parameters[name];
      if (!declared.includes(name)) {
        const { line, column } = locateKey(yaml, ['tests', i, 'params'], name);
        problems.push({ file: yaml.file, line, column, message: `unknown parameter \`${name}\`${didYouMean(name, declared)}` });
      } else if (spec) {
        const problem = parameterValueProblem(spec, value);
        if (problem) problems.push(problemAt(yaml, ['tests', i, 'params', name], `parameter \`${name}\`: ${problem}`));
      }
    }
    const { line, column } = locate(yaml, ['tests', i]);
    return { ...test, scanTime: test.scanTime ?? DEFAULT_TEST_SCAN_TIME, location: { file: yaml.file, line, column } };
  });
}
