/** The JSON Schemas in schemas/, compiled once with ajv (draft 2020-12, strict, all errors). */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../package-info.js';

export type SchemaName = 'rule' | 'config' | 'waivers' | 'results' | 'world' | 'benchmark';

// ajv-formats is CommonJS; its default export arrives wrapped under NodeNext resolution.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

function newAjv(): Ajv2020 {
  // verbose: errors carry their parent schema, which lists the allowed keys for "did you mean".
  // strictRequired is off because a oneOf branch may require a key its parent declares.
  const ajv = new Ajv2020({ strict: true, strictRequired: false, allowUnionTypes: true, allErrors: true, verbose: true });
  addFormats(ajv);
  return ajv;
}

const documents = newAjv();
const compiled = new Map<SchemaName, ValidateFunction>();

export function schemaPath(name: SchemaName): string {
  return join(PACKAGE_ROOT, 'schemas', `${name}.schema.json`);
}

/** The validator for one of trailguard's own file formats. */
export function validatorFor(name: SchemaName): ValidateFunction {
  let validate = compiled.get(name);
  if (!validate) {
    validate = documents.compile(JSON.parse(readFileSync(schemaPath(name), 'utf8')) as object);
    compiled.set(name, validate);
  }
  return validate;
}

// Rule parameter schemas are user-written fragments: a separate instance keeps them apart
// from trailguard's own schemas and lets the same fragment compile once per rule.
const fragments = newAjv();

/** Compiles a rule parameter's JSON Schema; an invalid schema throws with ajv's message. */
export function compileFragment(schema: object): ValidateFunction {
  return fragments.compile(schema);
}
