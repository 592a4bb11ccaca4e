/**
 * The demo organization's results, byte for byte: the evaluator may get faster, never different.
 * The inventory is one the demo scan collected (`trailguard demo --format json` wrote it), kept
 * in test/fixtures/inventory/demo-org.json and evaluated through the CLI with the demo's config
 * at its collection time, so the results do not depend on the clock. After an intended change to
 * the rules or the views, regenerate the golden with
 * `npx vitest run test/evaluate/demo-golden.test.ts -u` and review its diff.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ResultsDocument } from '../../src/evaluate/types.js';
import { cli } from '../helpers/cli.js';

const INVENTORY = 'test/fixtures/inventory/demo-org.json';
const CONFIG = 'examples/demo-config.yaml';
const OUTPUT = 'test-output/demo-golden/results.json';

describe('the demo organization evaluated with every built-in rule', () => {
  it('gives the golden results (run identity left out: the tool version changes with each release)', async () => {
    const { code, err } = await cli(['evaluate', '--inventory', INVENTORY, '--config', CONFIG, '--output', OUTPUT]);
    expect(err).toContain('results from');
    expect(code).toBe(1); // the demo organization has failures
    const doc = JSON.parse(readFileSync(OUTPUT, 'utf8')) as ResultsDocument;
    // One result per line: a change shows as the lines of the results it changed.
    const golden = ['{', `"summary": ${JSON.stringify(doc.summary)},`, `"warnings": ${JSON.stringify(doc.warnings)},`, '"results": [']
      .concat(doc.results.map((r, i) => JSON.stringify(r) + (i < doc.results.length - 1 ? ',' : '')))
      .concat([']', '}', ''])
      .join('\n');
    await expect(golden).toMatchFileSnapshot('../fixtures/results/demo-org-results.json');
  });
});
