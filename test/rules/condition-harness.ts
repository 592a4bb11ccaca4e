/** Compiles conditions the way the rule loader does (from YAML text, with locations) and evaluates them. */
import { stringify } from 'yaml';
import type { Problem } from '../../src/errors.js';
import { compileCondition } from '../../src/rules/conditions/compile.js';
import { formatProblem } from '../../src/errors.js';
import type { ConditionOutcome, ParameterSpec } from '../../src/rules/types.js';
import { parseYamlFile } from '../../src/documents/yaml-file.js';

export const SCAN_TIME = new Date('2026-01-01T00:00:00Z');

export interface Options {
  params?: Record<string, unknown>;
  /** Declared parameters (name → default); schemas are permissive here. */
  parameters?: Record<string, unknown>;
  scanTime?: Date;
}

function specs(parameters: Record<string, unknown> = {}): Record<string, ParameterSpec> {
  return Object.fromEntries(Object.entries(parameters).map(([name, d]) => [name, { description: name, schema: {}, default: d }]));
}

/** The load-time problems of a condition, as `line:col: message` (the file is condition.yaml). */
export function problemsOf(condition: unknown, options: Options = {}): string[] {
  const { yaml } = parseYamlFile('condition.yaml', typeof condition === 'string' ? condition : stringify(condition));
  const problems: Problem[] = [];
  compileCondition(yaml.value, [], { yaml, parameters: specs(options.parameters), problems });
  return problems.map((p) => formatProblem(p).replace(/^condition\.yaml:/, ''));
}

export function evaluateCondition(condition: unknown, view: unknown, options: Options = {}): ConditionOutcome {
  const { yaml } = parseYamlFile('condition.yaml', stringify(condition));
  const problems: Problem[] = [];
  const compiled = compileCondition(yaml.value, [], { yaml, parameters: specs(options.parameters), problems });
  if (!compiled) throw new Error(`condition does not compile: ${problems.map(formatProblem).join('; ')}`);
  const params = { ...options.parameters, ...options.params };
  return compiled({ view: view as Record<string, unknown>, params, scanTime: options.scanTime ?? SCAN_TIME });
}

/** true / false / 'error' for `{path: v, op, value}` against `{v: actual}`. */
export function leaf(op: string, actual: unknown, value?: unknown, options: Options = {}): boolean | 'error' {
  const condition: Record<string, unknown> = { path: 'v', op };
  if (value !== undefined) condition.value = value;
  return evaluateCondition(condition, actual === undefined ? {} : { v: actual }, options).value;
}
