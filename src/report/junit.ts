/**
 * `junit`: one testsuite per rule, one testcase per (rule, resource).
 *
 * One suite per rule (not per account) because the suite is the unit CI UIs count and
 * list (dorny/test-reporter, Azure DevOps, Jenkins' per-suite totals): "3 of 40 resources
 * fail rule X" reads well, while suites per (account, rule) multiply into hundreds of
 * near-empty groups on an Organization sweep. The account stays visible where GitLab and
 * Jenkins actually group, the classname `<account>.<rule-id>` (GitLab's suite column;
 * Jenkins' package and class). Explanations go in element bodies because GitLab ignores
 * the `message` attribute; skip reasons and waivers go to system-out, where GitLab and
 * Jenkins show them. Written with fast-xml-parser's builder one suite at a time;
 * control characters (which XML 1.0 cannot hold) show as escapes (`\x1b`).
 */
import { XMLBuilder } from 'fast-xml-parser';
import type { Result, ResultsDocument, RuleSummary, Status } from '../evaluate/types.js';
import { visible } from '../util/visible-text.js';
import { describeError, describeLocation, describePartial, describeWaiver, evidenceLines, frameworkControls, remediationText, visibleLines } from './explain.js';
import { groupByRule, ruleLookup } from './order.js';

// Attributes are "@_" keys; text and attribute values are escaped by the builder.
const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, indentBy: '  ', suppressEmptyNode: true });

export function* renderJunit(doc: ResultsDocument): Generator<string> {
  const ruleOf = ruleLookup(doc);
  // The root element's open and close tags, from an empty one; the suites are built and written one by one between them.
  const partial = describePartial(doc.run);
  const totals = counts(doc.results);
  if (partial) Object.assign(totals, { '@_tests': String(Number(totals['@_tests']) + 1), '@_errors': String(Number(totals['@_errors']) + 1) });
  const root = builder.build({ testsuites: { '@_name': visible(`trailguard ${doc.run.runId}`), ...totals, '#text': ROOT_MARK } });
  const [open, close] = root.split(ROOT_MARK) as [string, string];
  yield `<?xml version="1.0" encoding="UTF-8"?>\n${open}\n`;
  for (const results of groupByRule(doc.results).values()) {
    const rule = ruleOf(results[0]);
    const suite = {
      '@_name': visible(`${rule.id}: ${rule.title}`),
      '@_timestamp': doc.run.scanTime,
      '@_time': '0',
      ...counts(results),
      properties: {
        property: [property('rule.id', rule.id), property('rule.severity', rule.severity), property('rule.file', rule.file), ...frameworkControls(rule).map((c) => property('framework', c))],
      },
      '#text': ROOT_MARK,
    };
    const [head, tail] = builder.build({ testsuite: suite }).split(ROOT_MARK) as [string, string];
    yield head;
    // A rule may have a result in each of a thousand accounts: its testcases are built a batch at a time.
    for (let i = 0; i < results.length; i += BATCH) yield builder.build({ testcase: results.slice(i, i + BATCH).map((result) => testCase(result, rule)) });
    yield tail;
  }
  // A partial merge fails the CI report visibly, as one errored case.
  if (partial) {
    yield builder.build({
      testsuite: {
        '@_name': 'trailguard: run completeness',
        '@_timestamp': doc.run.scanTime,
        '@_time': '0',
        '@_tests': '1',
        '@_failures': '0',
        '@_errors': '1',
        '@_skipped': '0',
        testcase: { '@_classname': 'trailguard.merge', '@_name': 'every shard merged', '@_time': '0', error: { '@_message': partial, '@_type': 'PartialRun', '#text': partial } },
      },
    });
  }
  yield `${close.trimStart()}\n`;
}

const ROOT_MARK = '\u0000children\u0000';
const BATCH = 500;

/** tests, failures, errors, skipped: what every CI UI totals (waived counts as skipped, as it is written). */
function counts(results: readonly Result[]): Record<string, string> {
  const n = (statuses: Status[]) => String(results.filter((r) => statuses.includes(r.status)).length);
  return { '@_tests': String(results.length), '@_failures': n(['fail']), '@_errors': n(['error']), '@_skipped': n(['skip', 'waived']) };
}

function property(name: string, value: string): Record<string, string> {
  return { '@_name': name, '@_value': visible(value) };
}

function testCase(result: Result, rule: RuleSummary): Record<string, unknown> {
  const tc: Record<string, unknown> = {
    '@_classname': visible(`${result.accountId}.${result.ruleId}`),
    '@_name': visible(`[${result.region}] ${result.resourceArn}`),
    '@_file': visible(result.location?.file ?? rule.file),
    '@_time': '0',
    properties: { property: [property('result.id', result.id)] },
  };
  switch (result.status) {
    case 'fail':
      tc.failure = { '@_message': visible(result.message), '@_type': result.severity, '#text': failureBody(result, rule) };
      break;
    case 'error':
      tc.error = { '@_message': visible(result.message), '@_type': visible(result.error?.errorName ?? 'error'), '#text': errorBody(result) };
      break;
    case 'skip':
      tc.skipped = '';
      tc['system-out'] = visibleLines(`Not applicable: ${result.skipReason ?? result.message}`);
      break;
    case 'waived':
      tc.skipped = '';
      tc['system-out'] = `${visibleLines(`Waived by ${describeWaiver(result) ?? 'a waiver'}`)}\n\n${failureBody(result, rule)}`;
      break;
    case 'pass':
      break;
  }
  return tc;
}

function failureBody(result: Result, rule: RuleSummary): string {
  const source = describeLocation(result);
  const lines = [`[${result.severity.toUpperCase()}] ${rule.title}`, result.message, ...(source ? [`Source: ${source}`] : []), ''];
  const evidence = evidenceLines(result).filter((l) => !l.startsWith('Waived by'));
  if (evidence.length) lines.push('Expected / found:', ...evidence.map((l) => `  - ${l}`), '');
  const controls = frameworkControls(rule);
  if (controls.length) lines.push(`Controls: ${controls.join(', ')}`);
  lines.push(`Rule: ${rule.id} (${rule.file}:${rule.line})`, '', 'Remediation:', remediationText(rule, result));
  if (rule.references[0]) lines.push('', `Reference: ${rule.references[0]}`);
  return visibleLines(lines.join('\n'));
}

function errorBody(result: Result): string {
  return visibleLines([result.message, '', `API error: ${describeError(result) ?? 'unknown'}`, `Resource: ${result.resourceArn}`].join('\n'));
}
