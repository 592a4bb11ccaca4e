/**
 * Files generated from code (`npm run docs`): the documents, and the rule files of the CIS
 * monitoring family. What is written here is what runs. A test compares each with the
 * committed file and fails when one is stale.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { iamPolicyFor } from '../collect/iam-policy.js';
import { renderApiCallsDoc } from '../collect/plan-doc.js';
import { ALL_SECTIONS } from '../collect/sections.js';
import { PACKAGE_ROOT } from '../package-info.js';
import { renderCisMonitoringRules } from './cis-monitoring-rules.js';
import { renderRulesDoc } from './rules-doc.js';
import { renderViewDataTypes } from './view-types.js';
import { renderViewsDoc } from './views-doc.js';

/** Repository-relative path → content. */
export async function generatedDocs(): Promise<Record<string, string>> {
  return {
    ...renderCisMonitoringRules(),
    'docs/api-calls.md': renderApiCallsDoc(),
    'docs/iam-policy.json': `${JSON.stringify(iamPolicyFor(ALL_SECTIONS), null, 2)}\n`,
    'docs/rules.md': renderRulesDoc(),
    // The prose is hand-written; the field tables come from the view catalogue.
    'docs/views.md': renderViewsDoc(await readFile(join(PACKAGE_ROOT, 'docs/views.md'), 'utf8')),
    // The view data's TypeScript types, from the same catalogue.
    'src/evaluate/views/view-data.generated.ts': renderViewDataTypes(),
  };
}

async function main(): Promise<void> {
  // The generated rules first: docs/rules.md is rendered from the rule files on disk.
  const rules = renderCisMonitoringRules();
  await write(rules);
  const docs = await generatedDocs();
  await write(Object.fromEntries(Object.entries(docs).filter(([path]) => !(path in rules))));
}

async function write(files: Record<string, string>): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    await writeFile(join(PACKAGE_ROOT, path), content);
    process.stderr.write(`wrote ${path}\n`);
  }
}

if (process.argv[1]?.endsWith('generate.ts')) await main();
