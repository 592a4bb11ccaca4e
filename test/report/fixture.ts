/** The results fixtures the report tests render: an Organization scan with every status, and the next day's scan. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ResultsDocument } from '../../src/evaluate/types.js';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'results');
export const ORG_SCAN = join(FIXTURES, 'org-scan.json');
export const ORG_SCAN_NEXT = join(FIXTURES, 'org-scan-next.json');

/** A fresh copy each call, so a test may change it freely. */
export function orgScan(path = ORG_SCAN): ResultsDocument {
  return JSON.parse(readFileSync(path, 'utf8')) as ResultsDocument;
}

/** Where tests may write files (git-ignored). */
export const TEST_OUTPUT = join(import.meta.dirname, '..', '..', 'test-output', 'report');
