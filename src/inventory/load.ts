/** loadInventory: read an inventory file, check it against schemas/inventory.schema.json, or say exactly what is wrong. */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../cli/version.js';
import { InputError, type Problem } from '../errors.js';
import type { Inventory } from './types.js';

// ajv-formats is CommonJS; its default export arrives wrapped under NodeNext resolution.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
/** Past this many schema problems the rest are counted, not listed: one mistake repeated per account is enough to see. */
const MAX_PROBLEMS = 20;

let validator: ValidateFunction | undefined;

function validateInventory(): ValidateFunction {
  if (!validator) {
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    addFormats(ajv);
    validator = ajv.compile(JSON.parse(readFileSync(join(PACKAGE_ROOT, 'schemas', 'inventory.schema.json'), 'utf8')) as object);
  }
  return validator;
}

export function loadInventory(path: string): Inventory {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new InputError([{ file: path, message: `cannot read the inventory: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` }]);
  }
  return parseInventory(text, path);
}

/** Parses and validates inventory JSON text; `file` names it in errors. */
export function parseInventory(text: string, file: string): Inventory {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const { line, column } = jsonErrorPosition(text, (error as Error).message);
    throw new InputError([{ file, line, column, message: `not valid JSON: ${(error as Error).message}` }]);
  }
  const validate = validateInventory();
  if (!validate(data)) throw new InputError(schemaProblems(file, validate.errors ?? []));
  return data as Inventory;
}

function schemaProblems(file: string, errors: ErrorObject[]): Problem[] {
  const problems = errors.slice(0, MAX_PROBLEMS).map((e) => ({ file, message: `${e.instancePath || '/'}: ${describe(e)}` }));
  if (errors.length > MAX_PROBLEMS) problems.push({ file, message: `... and ${errors.length - MAX_PROBLEMS} more schema problems` });
  return problems;
}

function describe(e: ErrorObject): string {
  if (e.keyword === 'additionalProperties') return `unknown key '${String(e.params.additionalProperty)}'`;
  if (e.keyword === 'enum') return `${e.message ?? 'must be one of'}: ${(e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
  return e.message ?? e.keyword;
}

/** V8 reports "... at position N" (or "line L column C"); an unexpected end is at the end of the text. */
function jsonErrorPosition(text: string, message: string): { line: number; column: number } {
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  const position = /position (\d+)/.exec(message);
  const offset = position ? Number(position[1]) : text.length;
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}
