/**
 * `csv`: one row per result, RFC 4180 (comma, CRLF, double quotes doubled), UTF-8 with a
 * header row. The columns cover what security teams import from Prowler's CSV (status,
 * severity, check, account, region, resource, compliance, risk, remediation) under
 * trailguard's own names. Multi-valued cells join with " | ". Written by csv-stringify,
 * 1,000 rows at a time; control characters from outside show as escapes (`\x1b`).
 */
import type { Result, ResultsDocument, RuleSummary } from '../evaluate/types.js';
import { parseArn } from '../inventory/arn.js';
import { stringify } from 'csv-stringify/sync';
import { visible } from '../util/visible-text.js';
import { describeFailure, formatValue, frameworkControls } from './explain.js';
import { ruleLookup, sortedResults } from './order.js';
import { remediationFor } from './remediation.js';

const COLUMNS: [string, (r: Result, rule: RuleSummary, doc: ResultsDocument) => string][] = [
  ['result_id', (r) => r.id],
  ['scan_time', (_r, _rule, doc) => doc.run.scanTime],
  ['status', (r) => r.status],
  ['severity', (r) => r.severity],
  ['rule_id', (r) => r.ruleId],
  ['rule_title', (r) => r.title],
  ['frameworks', (_r, rule) => joined(frameworkControls(rule))],
  ['account_id', (r) => r.accountId],
  ['partition', (r, _rule, doc) => parseArn(r.resourceArn)?.partition ?? doc.run.partition ?? ''],
  ['region', (r) => r.region],
  ['resource_type', (r) => r.resourceType],
  ['resource_arn', (r) => r.resourceArn],
  ['resource_name', (r) => r.resourceName],
  ['message', (r) => r.message],
  ['failed_conditions', (r) => joined((r.failures ?? []).map(describeFailure))],
  ['expected', (r) => joined((r.failures ?? []).map((f) => (f.expected === undefined ? '' : formatValue(f.expected))))],
  ['actual', (r) => joined((r.failures ?? []).map((f) => formatValue(f.actual)))],
  ['skip_reason', (r) => r.skipReason ?? ''],
  ['waiver_id', (r) => r.waiver?.id ?? ''],
  ['waiver_reason', (r) => r.waiver?.reason ?? ''],
  ['waiver_expires', (r) => r.waiver?.expires ?? ''],
  ['waiver_covers', (r) => String(r.waiver?.covers ?? '')],
  ['error_operation', (r) => (r.error ? [r.error.service, r.error.operation].filter(Boolean).join(':') : '')],
  ['error_name', (r) => r.error?.errorName ?? ''],
  ['error_message', (r) => r.error?.message ?? ''],
  ['description', (_r, rule) => rule.description],
  ['risk', (_r, rule) => rule.rationale],
  ['remediation', (r, rule) => remediationFor(rule, r).summary],
  ['remediation_cli', (r, rule) => remediationFor(rule, r).cli ?? ''],
  ['reference', (_r, rule) => joined(rule.references)],
];

export const CSV_COLUMNS = COLUMNS.map(([name]) => name);

// The rule's own texts keep their line breaks (a remediation script); a value read from AWS
// shows its line breaks as escapes, so that a name cannot start a forged line in the file.
const MULTILINE = new Set(['description', 'risk', 'remediation', 'remediation_cli']);

// Rows go to the stringifier in batches: one call per row costs more than the rows themselves.
const BATCH = 1000;

const OPTIONS = {
  record_delimiter: 'windows',
  // A cell starting with = + - @ (or a tab/CR that some spreadsheets strip first) gets a leading apostrophe.
  escape_formulas: true,
  // RFC 4180 quotes a bare LF too, not only the CRLF record delimiter.
  quoted_match: /[\r\n]/,
} as const;

export function* renderCsv(doc: ResultsDocument): Generator<string> {
  const ruleOf = ruleLookup(doc);
  yield stringify([CSV_COLUMNS], OPTIONS);
  let batch: string[][] = [];
  for (const r of sortedResults(doc.results)) {
    const rule = ruleOf(r);
    batch.push(COLUMNS.map(([name, cell]) => visible(cell(r, rule, doc), { multiline: MULTILINE.has(name) })));
    if (batch.length === BATCH) {
      yield stringify(batch, OPTIONS);
      batch = [];
    }
  }
  if (batch.length) yield stringify(batch, OPTIONS);
}

function joined(values: string[]): string {
  return values.join(' | ');
}
