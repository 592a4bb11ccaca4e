/** The rule schema (what editors complete) and the compiler (what runs) must agree. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OPERATORS } from '../../src/rules/conditions/operators/index.js';
import { schemaPath } from '../../src/documents/schemas.js';
import { RESOURCE_TYPES, SEVERITIES } from '../../src/rules/types.js';

const schema = JSON.parse(readFileSync(schemaPath('rule'), 'utf8')) as {
  properties: Record<string, { enum?: string[] }>;
  $defs: { operator: { enum: string[] } };
};

describe('schemas/rule.schema.json', () => {
  it('lists exactly the operators the compiler knows', () => {
    expect([...schema.$defs.operator.enum].sort()).toEqual([...OPERATORS.keys()].sort());
  });
  it('lists the shared severities and resource types', () => {
    expect(schema.properties.severity!.enum).toEqual([...SEVERITIES]);
    expect(schema.properties.resource!.enum).toEqual([...RESOURCE_TYPES]);
  });
});
