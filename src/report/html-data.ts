/**
 * The findings of the HTML report as data for its script, small enough for 100,000
 * results: every string once in a table (a rule's message, an account, a region repeat
 * across thousands of results), each result a row of numbers pointing into it. The page's
 * script renders one page of rows at a time from it, with textContent only.
 *
 * A result row: [status, severity, rule, account, region, type, arn, name, message, error,
 * skip reason, waiver, failure count, (condition, expected, found, why) per failure, then
 * the values of the rule's remediation placeholders]. Statuses and severities are indexes
 * into STATUS_ORDER and SEVERITIES_DESC; -1 is "none".
 */
import type { Result, ResultsDocument, RuleSummary } from '../evaluate/types.js';
import { describeApiError, describeWaiver, formatValue, frameworkControls, visibleLines } from './explain.js';
import { remediationForms, remediationValues, rulePlaceholders } from './remediation.js';
import { SEVERITIES_DESC, STATUS_ORDER } from './order.js';

export interface HtmlRule {
  id: string;
  title: string;
  severity: string;
  /** The remediation forms, placeholders left in: the script fills them from each row's values. */
  remediation: Array<[string, string]>;
  placeholders: string[];
  frameworks: string[];
  controls: string[];
}

export interface HtmlData {
  strings: string[];
  rules: HtmlRule[];
  accounts: Record<string, string>;
  rows: number[][];
}

class Strings {
  readonly list: string[] = [];
  private readonly index = new Map<string, number>();
  of(text: string | undefined): number {
    if (text === undefined || text === '') return -1;
    const safe = visibleLines(text);
    let i = this.index.get(safe);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(safe);
      this.index.set(safe, i);
    }
    return i;
  }
}

/** `results` in the order the page first shows them. */
export function htmlData(doc: ResultsDocument, results: readonly Result[], ruleOf: (r: Result) => RuleSummary): HtmlData {
  const strings = new Strings();
  const ruleIndex = new Map<string, number>();
  const rules: HtmlRule[] = [];
  const rows = results.map((r) => {
    const rule = ruleOf(r);
    let index = ruleIndex.get(rule.id);
    if (index === undefined) {
      index = rules.length;
      ruleIndex.set(rule.id, index);
      rules.push({
        id: rule.id,
        title: visibleLines(rule.title),
        severity: rule.severity,
        remediation: remediationForms(rule).map(([label, text]) => [label, visibleLines(text)]),
        placeholders: rulePlaceholders(rule),
        frameworks: Object.keys(rule.frameworks).sort(),
        controls: frameworkControls(rule),
      });
    }
    const failures = (r.failures ?? []).flatMap((f) => [
      strings.of([f.path, f.op].filter(Boolean).join(' ')),
      f.expected === undefined ? -1 : strings.of(formatValue(f.expected)),
      strings.of(formatValue(f.actual)),
      strings.of(f.because),
    ]);
    return [
      STATUS_ORDER.indexOf(r.status),
      SEVERITIES_DESC.indexOf(r.severity),
      index,
      strings.of(r.accountId),
      strings.of(r.region),
      strings.of(r.resourceType),
      strings.of(r.resourceArn),
      strings.of(r.resourceName),
      strings.of(r.message),
      r.error ? strings.of(`${r.error.accountId ?? r.accountId} ${r.error.region ?? r.region} ${describeApiError(r.error)}`) : -1,
      strings.of(r.skipReason),
      strings.of(describeWaiver(r)),
      (r.failures ?? []).length,
      ...failures,
      ...remediationValues(rule, r).map((v) => strings.of(v)),
    ];
  });
  const accounts: Record<string, string> = {};
  for (const [id, name] of Object.entries(doc.run.accountNames ?? {})) accounts[visibleLines(id)] = visibleLines(name);
  return { strings: strings.list, rules, accounts, rows };
}

/** The data as JSON text for a `<script type="application/json">`, in chunks; `<` is escaped so no string can close the element. */
export function* htmlDataChunks(data: HtmlData): Generator<string> {
  const json = (value: unknown) => JSON.stringify(value).replaceAll('<', '\\u003c');
  yield `{"accounts":${json(data.accounts)},"rules":${json(data.rules)},"strings":[`;
  yield* chunked(data.strings, json);
  yield '],"rows":[';
  yield* chunked(data.rows, json);
  yield ']}';
}

function* chunked<T>(items: readonly T[], json: (value: unknown) => string, size = 2000): Generator<string> {
  for (let i = 0; i < items.length; i += size) {
    const part = items
      .slice(i, i + size)
      .map(json)
      .join(',');
    yield i === 0 ? part : `,${part}`;
  }
}
