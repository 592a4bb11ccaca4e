/** Every report format with its renderer (format-names.ts declares the names and file names). */
import type { ResultsDocument } from '../evaluate/types.js';
import { renderAsff } from './asff.js';
import { FORMAT_FILES, type FormatName } from './format-names.js';
import { renderCsv } from './csv.js';
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderJunit } from './junit.js';
import { renderMarkdown } from './markdown.js';
import { renderOcsf } from './ocsf.js';
import { renderSarif, type SarifOptions } from './sarif.js';

export { FORMAT_NAMES, isFormatName, type FormatName } from './format-names.js';

/** What a renderer may know besides the results: where the scan ran (only SARIF uses it). */
export type RenderContext = SarifOptions;

export interface ReportFormat {
  /** The report as a sequence of chunks, pulled one at a time by the writer: no format is ever held whole in memory. */
  render(doc: ResultsDocument, context: RenderContext): Iterable<string>;
  /** The file written under the output directory when no path is given. */
  fileName: string;
  description: string;
}

export const FORMATS: Record<FormatName, ReportFormat> = {
  json: { ...FORMAT_FILES.json, render: renderJson },
  junit: { ...FORMAT_FILES.junit, render: renderJunit },
  sarif: { ...FORMAT_FILES.sarif, render: renderSarif },
  csv: { ...FORMAT_FILES.csv, render: renderCsv },
  markdown: { ...FORMAT_FILES.markdown, render: (doc) => [renderMarkdown(doc)] },
  html: { ...FORMAT_FILES.html, render: renderHtml },
  ocsf: { ...FORMAT_FILES.ocsf, render: renderOcsf },
  asff: { ...FORMAT_FILES.asff, render: renderAsff },
};

/** A whole report as one string: for small documents and tests. */
export function renderText(name: FormatName, doc: ResultsDocument, context: RenderContext = {}): string {
  let text = '';
  for (const chunk of FORMATS[name].render(doc, context)) text += chunk;
  return text;
}
