/**
 * Every report format's name on the command line, default file name and description: what the
 * flags need, without loading a renderer (formats.ts pairs each with its renderer), so that a
 * command's --help does not load them.
 */
export const FORMAT_FILES = {
  json: { fileName: 'results.json', description: 'the results document (schemas/results.schema.json)' },
  junit: { fileName: 'junit.xml', description: 'JUnit XML for CI test reports' },
  sarif: { fileName: 'results.sarif', description: 'SARIF 2.1.0 for GitHub code scanning' },
  csv: { fileName: 'results.csv', description: 'one row per result (RFC 4180)' },
  markdown: { fileName: 'summary.md', description: 'summary for $GITHUB_STEP_SUMMARY and PR comments' },
  html: { fileName: 'report.html', description: 'self-contained, filterable report' },
  ocsf: { fileName: 'findings.ocsf.jsonl', description: 'OCSF 1.6 Compliance Findings, JSON lines' },
  asff: { fileName: 'findings.asff.json', description: 'AWS Security Finding Format for Security Hub' },
} satisfies Record<string, { fileName: string; description: string }>;

export type FormatName = keyof typeof FORMAT_FILES;

export const FORMAT_NAMES = Object.keys(FORMAT_FILES) as FormatName[];

export function isFormatName(name: string): name is FormatName {
  return Object.hasOwn(FORMAT_FILES, name);
}
