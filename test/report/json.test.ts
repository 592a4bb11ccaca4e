import { describe, expect, it } from 'vitest';
import { rendered } from './rendered.js';
import { validatorFor } from '../../src/documents/schemas.js';
import { renderJson } from '../../src/report/json.js';
import { orgScan } from './fixture.js';

describe('json report', () => {
  it('is valid against schemas/results.schema.json', () => {
    const validate = validatorFor('results');
    const parsed: unknown = JSON.parse(rendered(renderJson(orgScan())));
    expect(validate(parsed), JSON.stringify(validate.errors)).toBe(true);
  });

  it('keeps every result and orders them by rule, account, region and ARN whatever the input order', () => {
    const doc = orgScan();
    const shuffled = { ...doc, results: [...doc.results].reverse() };
    const out = JSON.parse(rendered(renderJson(shuffled))) as typeof doc;
    expect(out.results).toHaveLength(doc.results.length);
    const keys = out.results.map((r) => [r.ruleId, r.accountId, r.region, r.resourceArn].join(' '));
    expect(keys).toEqual([...keys].sort());
    expect(rendered(renderJson(shuffled))).toBe(rendered(renderJson(doc)));
  });

  it('writes keys sorted at every depth', () => {
    const text = rendered(renderJson(orgScan()));
    expect(text.indexOf('"results"')).toBeLessThan(text.indexOf('"rules"'));
    expect(text.indexOf('"rules"')).toBeLessThan(text.indexOf('"run"'));
  });
});
