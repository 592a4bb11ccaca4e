/** `json`: the results document itself, keys sorted and results in report order (schemas/results.schema.json). */
import type { ResultsDocument } from '../evaluate/types.js';
import { stableStringify } from '../util/stable-json.js';
import { sortedResults } from './order.js';

export function renderJson(doc: ResultsDocument): string {
  return `${stableStringify({ ...doc, results: sortedResults(doc.results) })}\n`;
}
