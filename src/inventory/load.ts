/** loadInventory: read an inventory file, check it against schemas/inventory.schema.json, or say exactly what is wrong. */
import type { ErrorObject } from 'ajv/dist/2020.js';
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { validatorFor } from '../documents/schemas.js';
import { InputError, type Problem } from '../errors.js';
import type { Inventory } from './types.js';

/** Past this many schema problems the rest are counted, not listed: one mistake repeated per account is enough to see. */
const MAX_PROBLEMS = 20;

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
  const validate = validatorFor('inventory');
  if (!validate(data)) throw new InputError(schemaProblems(file, validate.errors ?? []));
  const inventory = data as Inventory;
  const duplicates = duplicateAccounts(file, inventory);
  if (duplicates.length > 0) throw new InputError(duplicates);
  return inventory;
}

/** Each account once: views and result ids are per account, so a repeated account would double its results. */
function duplicateAccounts(file: string, inventory: Inventory): Problem[] {
  const first = new Map<string, number>();
  const problems: Problem[] = [];
  inventory.accounts.forEach((account, i) => {
    const seen = first.get(account.AccountId);
    if (seen === undefined) first.set(account.AccountId, i);
    else problems.push({ file, message: `/accounts/${i}/AccountId: account ${account.AccountId} is already at /accounts/${seen}` });
  });
  return problems;
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

/**
 * Where JSON.parse stopped. V8 sometimes says "at position N"; otherwise the YAML parser (JSON is
 * YAML) locates most syntax errors; failing both, the end of the text (a truncated file).
 */
function jsonErrorPosition(text: string, message: string): { line: number; column: number } {
  const position = /position (\d+)/.exec(message);
  if (position) {
    const before = text.slice(0, Number(position[1])).split('\n');
    return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
  }
  const located = parseDocument(text).errors[0]?.linePos?.[0];
  if (located) return { line: located.line, column: located.col };
  const lines = text.split('\n');
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}
