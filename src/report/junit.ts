/**
 * `junit`: one testsuite per rule, one testcase per (rule, resource).
 *
 * One suite per rule (not per account) because the suite is the unit CI UIs count and
 * list (dorny/test-reporter, Azure DevOps, Jenkins' per-suite totals): "3 of 40 resources
 * fail rule X" reads well, while suites per (account, rule) multiply into hundreds of
 * near-empty groups on an Organization sweep. The account stays visible where GitLab and
 * Jenkins actually group, the classname `<account>.<rule-id>` (GitLab's suite column;
 * Jenkins' package and class). Explanations go in element bodies because GitLab ignores
 * the `message` attribute; skip reasons and waivers go to system-out because `<skipped>`
 * takes no message in junit-report-builder.
 */
import junitModule, { type Builder, type TestCase } from 'junit-report-builder';
import type { Result, ResultsDocument, RuleSummary } from '../evaluate/types.js';
import { describeError, describeLocation, describeWaiver, evidenceLines, frameworkControls, remediationText } from './explain.js';
import { groupByRule, ruleLookup } from './order.js';

// The package is CommonJS whose module.exports is the builder; its typings declare it as `default`.
const junit = junitModule as unknown as Builder;

export function renderJunit(doc: ResultsDocument): string {
  const report = junit.newBuilder().name(`trailguard ${doc.run.runId}`);
  const ruleOf = ruleLookup(doc);
  for (const results of groupByRule(doc.results).values()) {
    const rule = ruleOf(results[0]);
    const suite = report
      .testSuite()
      .name(`${rule.id}: ${rule.title}`)
      // junit-report-builder formats Date objects in local time without a zone; the ISO string keeps UTC.
      .timestamp(doc.run.scanTime)
      .time(0)
      .property('rule.id', rule.id)
      .property('rule.severity', rule.severity)
      .property('rule.file', rule.file);
    for (const control of frameworkControls(rule)) suite.property('framework', control);
    for (const result of results) addCase(suite.testCase(), result, rule);
  }
  return `${report.build()}\n`;
}

function addCase(tc: TestCase, result: Result, rule: RuleSummary): void {
  tc.className(`${result.accountId}.${result.ruleId}`)
    .name(`[${result.region}] ${result.resourceArn}`)
    .file(result.location?.file ?? rule.file)
    .time(0)
    .property('result.id', result.id);
  switch (result.status) {
    case 'fail':
      tc.failure(result.message, result.severity).stacktrace(cdataSafe(failureBody(result, rule)));
      break;
    case 'error':
      tc.error(result.message, result.error?.errorName ?? 'error', cdataSafe(errorBody(result)));
      break;
    case 'skip':
      tc.skipped().standardOutput(cdataSafe(`Not applicable: ${result.skipReason ?? result.message}`));
      break;
    case 'waived':
      tc.skipped().standardOutput(cdataSafe(`Waived by ${describeWaiver(result) ?? 'a waiver'}\n\n${failureBody(result, rule)}`));
      break;
    case 'pass':
      break;
  }
}

function failureBody(result: Result, rule: RuleSummary): string {
  const source = describeLocation(result);
  const lines = [`[${result.severity.toUpperCase()}] ${rule.title}`, result.message, ...(source ? [`Source: ${source}`] : []), ''];
  const evidence = evidenceLines(result).filter((l) => !l.startsWith('Waived by'));
  if (evidence.length) lines.push('Expected / found:', ...evidence.map((l) => `  - ${l}`), '');
  const controls = frameworkControls(rule);
  if (controls.length) lines.push(`Controls: ${controls.join(', ')}`);
  lines.push(`Rule: ${rule.id} (${rule.file}:${rule.line})`, '', 'Remediation:', remediationText(rule));
  if (rule.references[0]) lines.push('', `Reference: ${rule.references[0]}`);
  return lines.join('\n');
}

function errorBody(result: Result): string {
  return [result.message, '', `API error: ${describeError(result) ?? 'unknown'}`, `Resource: ${result.resourceArn}`].join('\n');
}

/**
 * junit-report-builder (via xmlbuilder) splits only the FIRST "]]>" of a CDATA text; a second
 * one would end the section early and break the XML. Pre-split every later occurrence the
 * same way, so the library's own replacement handles the first.
 */
export function cdataSafe(text: string): string {
  const first = text.indexOf(']]>');
  if (first < 0) return text;
  const head = text.slice(0, first + 3);
  return head + text.slice(first + 3).replaceAll(']]>', ']]]]><![CDATA[>');
}
