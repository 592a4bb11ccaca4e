/** `json`: the results document itself, keys sorted, rules by id and results in report order (schemas/results.schema.json), streamed result by result. */
import type { ResultsDocument } from '../evaluate/types.js';
import { stableStringify } from '../util/stable-json.js';
import { jsonChunks, streamMarker } from './json-stream.js';
import { compare, sortedResults } from './order.js';

const RESULTS = streamMarker('results');

export function renderJson(doc: ResultsDocument): Iterable<string> {
  const rules = [...doc.rules].sort((a, b) => compare(a.id, b.id));
  return jsonChunks({ ...doc, rules, results: RESULTS }, [{ marker: RESULTS, items: sortedResults(doc.results) }], stableStringify);
}
