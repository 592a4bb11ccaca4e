/**
 * The JSON Schemas in schemas/, compiled once with ajv (draft 2020-12, strict, all errors).
 * ajv is loaded and each schema compiled on first use: commands that validate nothing (and
 * the built-in rules, checked at build time) do not pay for it at start-up.
 */
import type { Ajv2020, ValidateFunction } from 'ajv/dist/2020.js';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../package-info.js';

export type SchemaName = 'rule' | 'config' | 'waivers' | 'results' | 'world' | 'benchmark' | 'inventory';

const require = createRequire(import.meta.url);

function newAjv(): Ajv2020 {
  // Both are CommonJS: require() loads them synchronously, here and only here.
  const { Ajv2020 } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  const addFormats = require('ajv-formats') as (ajv: Ajv2020) => Ajv2020;
  // verbose: errors carry their parent schema, which lists the allowed keys for "did you mean".
  // strictRequired is off because a oneOf branch may require a key its parent declares.
  const ajv = new Ajv2020({ strict: true, strictRequired: false, allowUnionTypes: true, allErrors: true, verbose: true });
  addFormats(ajv);
  return ajv;
}

let documents: Ajv2020 | undefined;
const compiled = new Map<SchemaName, ValidateFunction>();

export function schemaPath(name: SchemaName): string {
  return join(PACKAGE_ROOT, 'schemas', `${name}.schema.json`);
}

/** The validator for one of trailguard's own file formats. */
export function validatorFor(name: SchemaName): ValidateFunction {
  let validate = compiled.get(name);
  if (!validate) {
    documents ??= newAjv();
    validate = documents.compile(JSON.parse(readFileSync(schemaPath(name), 'utf8')) as object);
    compiled.set(name, validate);
  }
  return validate;
}

// Rule parameter schemas are user-written fragments: a separate instance keeps them apart
// from trailguard's own schemas and lets the same fragment compile once per rule.
let fragments: Ajv2020 | undefined;

/** Compiles a rule parameter's JSON Schema; an invalid schema throws with ajv's message. */
export function compileFragment(schema: object): ValidateFunction {
  fragments ??= newAjv();
  return fragments.compile(schema);
}
