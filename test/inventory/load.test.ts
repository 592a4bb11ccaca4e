import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { loadInventory, parseInventory } from '../../src/inventory/load.js';
import type { Inventory } from '../../src/inventory/types.js';
import { cli } from '../helpers/cli.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'inventory');
const OUT = join(import.meta.dirname, '..', '..', 'test-output', 'inventory-load');
const compliant = () => JSON.parse(readFileSync(join(FIXTURES, 'compliant.json'), 'utf8')) as Inventory;
/** A part of the inventory to write wrong values into. */
const raw = (x: object) => x as Record<string, unknown>;

function problems(text: string): string[] {
  try {
    parseInventory(text, 'inventory.json');
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message.split('\n');
  }
  throw new Error('expected an InputError');
}

describe('loadInventory', () => {
  it.each(readdirSync(FIXTURES).filter((f) => f.endsWith('.json')))('loads the fixture %s', (name) => {
    expect(loadInventory(join(FIXTURES, name)).schemaVersion).toBe(1);
  });

  it("accepts the collector's own output (the simulator collection fixture)", () => {
    const collected = loadInventory(join(import.meta.dirname, '..', 'fixtures', 'collect', 'expected-inventory.json'));
    expect(collected.accounts[0]?.AccountId).toBe('123456789012');
  });

  it('names the file when it cannot be read', () => {
    expect(() => loadInventory(join(OUT, 'missing.json'))).toThrow(/missing\.json: cannot read the inventory: ENOENT/);
  });

  it('gives line and column of a JSON syntax error', () => {
    mkdirSync(OUT, { recursive: true });
    const file = join(OUT, 'corrupt.json');
    writeFileSync(file, '{\n  "schemaVersion": 1,\n  "accounts": [,]\n}\n');
    expect(() => loadInventory(file)).toThrow(/corrupt\.json:3:16: not valid JSON/);
  });

  it('puts a truncated file at its end', () => {
    expect(problems('{\n  "schemaVersion": 1,')[0]).toMatch(/^inventory\.json:2:\d+: not valid JSON/);
  });

  it('names the JSON path of a missing required field', () => {
    const inv = compliant();
    delete raw(inv.accounts[0]!.trails[0]!.Trail).TrailARN;
    expect(problems(JSON.stringify(inv))).toContain("inventory.json: /accounts/0/trails/0/Trail: must have required property 'TrailARN'");
  });

  it('rejects unknown keys of its own sections, naming them', () => {
    const inv = compliant();
    raw(inv).acounts = [];
    raw(inv.accounts[0]!).bukets = {};
    expect(problems(JSON.stringify(inv))).toEqual(["inventory.json: /: unknown key 'acounts'", "inventory.json: /accounts/0: unknown key 'bukets'"]);
  });

  it('accepts AWS fields it does not list inside AWS objects', () => {
    const inv = compliant();
    raw(inv.accounts[0]!.trails[0]!.Trail).SomeFutureField = 'x';
    raw(Object.values(inv.accounts[0]!.keys)[0]!.KeyMetadata).KeyAgreementAlgorithms = ['ECDH'];
    expect(parseInventory(JSON.stringify(inv), 'inventory.json').accounts[0]?.trails[0]?.Trail).toHaveProperty('SomeFutureField', 'x');
  });

  it('checks types and enumerations', () => {
    const inv = compliant();
    raw(inv.accounts[0]!.trails[0]!.Trail).IsMultiRegionTrail = 'yes';
    raw(inv.accounts[0]!.trails[0]!.EventSelectors![0]!).ReadWriteType = 'Everything';
    inv.accounts[0]!.AccountId = '1234';
    expect(problems(JSON.stringify(inv))).toEqual(
      expect.arrayContaining([
        'inventory.json: /accounts/0/AccountId: must match pattern "^[0-9]{12}$"',
        'inventory.json: /accounts/0/trails/0/Trail/IsMultiRegionTrail: must be boolean',
        'inventory.json: /accounts/0/trails/0/EventSelectors/0/ReadWriteType: must be equal to one of the allowed values: "ReadOnly", "WriteOnly", "All"',
      ]),
    );
  });

  it('rejects an account listed twice', () => {
    const inv = compliant();
    inv.accounts.push(inv.accounts[0]!);
    expect(problems(JSON.stringify(inv))).toEqual(['inventory.json: /accounts/1/AccountId: account 111111111111 is already at /accounts/0']);
  });

  it('lists at most 20 problems and counts the rest', () => {
    const inv = compliant();
    inv.accounts = Array.from({ length: 30 }, () => ({ ...inv.accounts[0]!, AccountId: 'x' }));
    const lines = problems(JSON.stringify(inv));
    expect(lines).toHaveLength(21);
    expect(lines[20]).toBe('inventory.json: ... and 10 more schema problems');
  });
});

describe('trailguard evaluate on a bad inventory', () => {
  it('exits 2 naming the file and the JSON path, one line per problem, no stack trace', async () => {
    mkdirSync(OUT, { recursive: true });
    const inv = compliant();
    delete raw(inv.accounts[0]!.trails[0]!.Trail).TrailARN;
    const file = join(OUT, 'invalid.json');
    writeFileSync(file, JSON.stringify(inv));
    const { code, out, err } = await cli(['evaluate', '--inventory', file]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err.trim()).toBe(`${file}: /accounts/0/trails/0/Trail: must have required property 'TrailARN'`);
  });
});
