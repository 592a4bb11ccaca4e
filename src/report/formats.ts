/** Every report format: its name on the command line, how it renders, and its default file name. */
import type { ResultsDocument } from '../evaluate/types.js';
import { renderAsff } from './asff.js';
import { renderCsv } from './csv.js';
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderJunit } from './junit.js';
import { renderMarkdown } from './markdown.js';
import { renderOcsf } from './ocsf.js';
import { renderSarif, type SarifOptions } from './sarif.js';

/** What a renderer may know besides the results: where the scan ran (only SARIF uses it). */
export type RenderContext = SarifOptions;

export interface ReportFormat {
  /** The report as a sequence of chunks, pulled one at a time by the writer: no format is ever held whole in memory. */
  render(doc: ResultsDocument, context: RenderContext): Iterable<string>;
  /** The file written under the output directory when no path is given. */
  fileName: string;
  description: string;
}

export const FORMATS = {
  json: { render: renderJson, fileName: 'results.json', description: 'the results document (schemas/results.schema.json)' },
  junit: { render: renderJunit, fileName: 'junit.xml', description: 'JUnit XML for CI test reports' },
  sarif: { render: renderSarif, fileName: 'results.sarif', description: 'SARIF 2.1.0 for GitHub code scanning' },
  csv: { render: renderCsv, fileName: 'results.csv', description: 'one row per result (RFC 4180)' },
  markdown: { render: (doc) => [renderMarkdown(doc)], fileName: 'summary.md', description: 'summary for $GITHUB_STEP_SUMMARY and PR comments' },
  html: { render: renderHtml, fileName: 'report.html', description: 'self-contained, filterable report' },
  ocsf: { render: renderOcsf, fileName: 'findings.ocsf.jsonl', description: 'OCSF 1.6 Compliance Findings, JSON lines' },
  asff: { render: renderAsff, fileName: 'findings.asff.json', description: 'AWS Security Finding Format for Security Hub' },
} satisfies Record<string, ReportFormat>;

export type FormatName = keyof typeof FORMATS;

export const FORMAT_NAMES = Object.keys(FORMATS) as FormatName[];

export function isFormatName(name: string): name is FormatName {
  return Object.hasOwn(FORMATS, name);
}

/** A whole report as one string: for small documents and tests. */
export function renderText(name: FormatName, doc: ResultsDocument, context: RenderContext = {}): string {
  let text = '';
  for (const chunk of FORMATS[name].render(doc, context)) text += chunk;
  return text;
}
