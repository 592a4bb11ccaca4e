/** `json`: the results document itself, keys sorted, rules by id and results in report order (schemas/results.schema.json). */
import type { ResultsDocument } from '../evaluate/types.js';
import { stableStringify } from '../util/stable-json.js';
import { compare, sortedResults } from './order.js';

export function renderJson(doc: ResultsDocument): string {
  const rules = [...doc.rules].sort((a, b) => compare(a.id, b.id));
  return `${stableStringify({ ...doc, rules, results: sortedResults(doc.results) })}\n`;
}
