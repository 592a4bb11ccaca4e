/**
 * The human text of a result's evidence (what was expected, what was found, which API call
 * failed, which waiver applies), written once so every report says the same thing.
 */
import type { ConditionFailure, SectionError } from '../rules/types.js';
import type { Result, ResultsDocument, RuleSummary } from '../evaluate/types.js';
import { visible } from '../util/visible-text.js';
import { remediationFor } from './remediation.js';

/** A value as a reader wants to see it: strings bare, everything else as compact JSON. */
export function formatValue(value: unknown): string {
  if (value === undefined) return '(absent)';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** "Trail.KmsKeyId exists: expected a key ARN, found null (Logs must be encrypted.)"; operators such as is_true have no expected value. */
export function describeFailure(f: ConditionFailure): string {
  const subject = [f.path, f.op].filter(Boolean).join(' ');
  const found = `found ${formatValue(f.actual)}`;
  const values = f.expected === undefined ? found : `expected ${formatValue(f.expected)}, ${found}`;
  const head = subject ? `${subject}: ${values}` : values;
  return f.because ? `${head} (${f.because})` : head;
}

/** "111122223333 us-east-1 kms:GetKeyRotationStatus AccessDeniedException: <message>" */
export function describeError(result: Result): string | undefined {
  const e = result.error;
  if (!e) return undefined;
  return `${e.accountId ?? result.accountId} ${e.region ?? result.region} ${describeApiError(e)}`;
}

/** "kms:GetKeyRotationStatus AccessDeniedException: <message>" */
export function describeApiError(e: SectionError): string {
  const call = e.service ? `${e.service}:${e.operation}` : e.operation;
  return `${call} ${e.errorName}${e.message ? `: ${e.message}` : ''}`;
}

/** "W-2026-001 (owner …, ticket …, expires 2026-12-31): reason" */
/** `iac`: where the resource is written, "main.tf:44:1 (aws_s3_bucket.logs)", or the address alone. */
export function describeLocation(result: Result): string | undefined {
  const at = result.location;
  if (!at) return undefined;
  if (!at.file) return at.address;
  return `${at.file}${at.line ? `:${at.line}${at.column ? `:${at.column}` : ''}` : ''} (${at.address})`;
}

export function describeWaiver(result: Result): string | undefined {
  const w = result.waiver;
  if (!w) return undefined;
  const facts = [w.owner && `owner ${w.owner}`, w.ticket && `ticket ${w.ticket}`, `expires ${w.expires}`, w.covers && `covers ${plural(w.covers, 'result')}`].filter(Boolean);
  return `${w.id} (${facts.join(', ')}): ${w.reason}`;
}

/** Every line of evidence a result carries, for the formats that have one text body. */
export function evidenceLines(result: Result): string[] {
  const lines = (result.failures ?? []).map(describeFailure);
  const error = describeError(result);
  if (error) lines.push(`API error: ${error}`);
  if (result.skipReason) lines.push(`Not applicable: ${result.skipReason}`);
  const waiver = describeWaiver(result);
  if (waiver) lines.push(`Waived by ${waiver}`);
  return lines;
}

/** "cis-aws-foundations@5.0.0 3.2" for each control the rule maps to. */
export function frameworkControls(rule: RuleSummary | undefined): string[] {
  if (!rule) return [];
  return Object.keys(rule.frameworks)
    .sort()
    .flatMap((framework) => (rule.frameworks[framework] ?? []).map((control) => `${framework} ${control}`));
}

/** The remediation filled for `result`, as plain text: the summary, then each way to apply it. */
export function remediationText(rule: RuleSummary, result: Result): string {
  const r = remediationFor(rule, result);
  const parts = [r.summary];
  if (r.console) parts.push(`Console: ${r.console}`);
  if (r.cli) parts.push(`CLI: ${r.cli}`);
  if (r.cloudformation) parts.push(`CloudFormation:\n${r.cloudformation}`);
  if (r.terraform) parts.push(`Terraform:\n${r.terraform}`);
  return parts.join('\n');
}

/** For a merge that lacks shards: "shard 2/3 missing: 4 accounts of the sweep not evaluated (…)". */
export function describePartial(run: ResultsDocument['run']): string | undefined {
  const p = run.partial;
  if (!p) return undefined;
  return `partial run: shard ${p.missingShards.join(', ')} missing, so ${p.missingAccounts.length} account(s) of the sweep were not evaluated (${p.missingAccounts.join(', ')})`;
}

/** "1 result", "3 results". */
export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** visible() keeping line breaks: multi-line texts (remediation scripts) keep them, nothing else. */
export function visibleLines(text: string): string {
  return visible(text, { multiline: true });
}
