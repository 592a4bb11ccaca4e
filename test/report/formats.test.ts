import { describe, expect, it } from 'vitest';
import type { ResultsDocument } from '../../src/evaluate/types.js';
import { FORMAT_NAMES, FORMATS } from '../../src/report/formats.js';
import { orgScan } from './fixture.js';

function empty(): ResultsDocument {
  const doc = orgScan();
  return {
    ...doc,
    rules: [],
    results: [],
    summary: { total: 0, byStatus: { pass: 0, fail: 0, error: 0, skip: 0, waived: 0 }, bySeverity: { informational: 0, low: 0, medium: 0, high: 0, critical: 0 } },
    warnings: [],
  };
}

describe.each(FORMAT_NAMES)('%s', (name) => {
  const { render } = FORMATS[name];

  it('renders the same bytes twice, and whatever order results and rules come in', () => {
    const doc = orgScan();
    const first = render(doc);
    expect(render(orgScan())).toBe(first);
    expect(render({ ...doc, results: [...doc.results].reverse(), rules: [...doc.rules].reverse() })).toBe(first);
  });

  it('renders a run with no results', () => {
    expect(() => render(empty())).not.toThrow();
  });
});
