/**
 * A results document at organization scale, generated: the report fixture's Organization
 * scan (every status, waivers, errors, framework mappings) repeated for as many groups of
 * three accounts as it takes, each with its own account ids, names, ARNs and messages.
 * Used by bench/reports.ts and by the HTML report's 100,000-result browser test.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Result, ResultsDocument } from '../../src/evaluate/types.js';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'results', 'org-scan.json');

export function bigResults(count: number): ResultsDocument {
  const base = JSON.parse(readFileSync(FIXTURE, 'utf8')) as ResultsDocument;
  const originals = base.run.accounts ?? [];
  const results: Result[] = [];
  const accounts: string[] = [];
  const accountNames: Record<string, string> = {};
  for (let group = 0; results.length < count; group++) {
    const ids = originals.map((_, i) => String(100000000000 + group * originals.length + i));
    ids.forEach((id, i) => {
      accounts.push(id);
      accountNames[id] = `workload-${group}-${['management', 'security', 'production'][i] ?? i}`;
    });
    const swap = (text: string) => originals.reduce((t, original, i) => t.replaceAll(original, ids[i]!), text).replaceAll('legacy', `legacy-${group}`);
    for (const r of base.results) {
      if (results.length === count) break;
      const resourceArn = swap(r.resourceArn);
      results.push({
        ...r,
        id: createHash('sha256').update(`${r.ruleId}\0${resourceArn}`).digest('hex').slice(0, 20),
        accountId: swap(r.accountId),
        resourceArn,
        resourceName: swap(r.resourceName),
        message: swap(r.message),
        ...(r.resourceType === 'bucket' ? { placeholders: { 'Bucket.Name': swap(r.resourceName) } } : {}),
      });
    }
  }
  return { ...base, run: { ...base.run, accounts, accountNames }, results, summary: { ...base.summary, total: results.length } };
}
