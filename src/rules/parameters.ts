/** Rule parameters: each a JSON Schema and a default, validated with ajv wherever a value is set. */
import type { ValidateFunction } from 'ajv/dist/2020.js';
import { compileFragment } from '../documents/schemas.js';
import type { ParameterSpec, Rule } from './types.js';

const validators = new WeakMap<ParameterSpec, ValidateFunction>();

/** Compiles (once per spec) the parameter's schema; throws with ajv's message when the schema is invalid. */
export function parameterValidator(spec: ParameterSpec): ValidateFunction {
  let validate = validators.get(spec);
  if (!validate) {
    validate = compileFragment(spec.schema);
    validators.set(spec, validate);
  }
  return validate;
}

/** Why `value` is not acceptable for the parameter, or undefined when it is. */
export function parameterValueProblem(spec: ParameterSpec, value: unknown): string | undefined {
  const validate = parameterValidator(spec);
  if (validate(value)) return undefined;
  return (validate.errors ?? []).map((e) => `${e.instancePath ? `${e.instancePath.slice(1).replace(/\//g, '.')} ` : ''}${e.message ?? 'is invalid'}`).join('; ');
}

export function defaultParameters(rule: Rule): Record<string, unknown> {
  return Object.fromEntries(Object.entries(rule.parameters).map(([name, spec]) => [name, spec.default]));
}
