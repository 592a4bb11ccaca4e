import { describe, expect, it } from 'vitest';
import type { ResultsDocument } from '../../src/evaluate/types.js';
import { FORMAT_NAMES, renderText } from '../../src/report/formats.js';
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
  it('renders the same bytes twice, and whatever order results and rules come in', () => {
    const doc = orgScan();
    const first = renderText(name, doc);
    expect(renderText(name, orgScan())).toBe(first);
    expect(renderText(name, { ...doc, results: [...doc.results].reverse(), rules: [...doc.rules].reverse() })).toBe(first);
  });

  it('renders a run with no results', () => {
    expect(() => renderText(name, empty())).not.toThrow();
  });
});
