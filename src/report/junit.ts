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
 * Jenkins show them. Written with xmlbuilder2's streaming builder, one suite at a time;
 * control characters (which XML 1.0 cannot hold) show as escapes (`\x1b`).
 */
import { createCB } from 'xmlbuilder2';
import type { XMLBuilderCB } from 'xmlbuilder2/lib/interfaces.js';
import type { Result, ResultsDocument, RuleSummary, Status } from '../evaluate/types.js';
import { visible } from '../util/visible-text.js';
import { describeError, describeWaiver, evidenceLines, frameworkControls, remediationText, visibleLines } from './explain.js';
import { groupByRule, ruleLookup } from './order.js';

/** The XML written so far, handed out one suite at a time by renderJunit. */
class Chunks {
  private parts: string[] = [];
  push = (text: string): void => {
    this.parts.push(text);
  };
  take(): string {
    const text = this.parts.join('');
    this.parts = [];
    return text;
  }
}

export function* renderJunit(doc: ResultsDocument): Generator<string> {
  const ruleOf = ruleLookup(doc);
  const groups = [...groupByRule(doc.results).values()];
  const out = new Chunks();
  const xml = createCB({ data: out.push, prettyPrint: true });
  xml.dec({ version: '1.0', encoding: 'UTF-8' }).ele('testsuites', { name: `trailguard ${doc.run.runId}`, ...counts(doc.results) });
  for (const results of groups) {
    const rule = ruleOf(results[0]);
    xml.ele('testsuite', { name: visible(`${rule.id}: ${rule.title}`), timestamp: doc.run.scanTime, time: '0', ...counts(results) }).ele('properties');
    property(xml, 'rule.id', rule.id);
    property(xml, 'rule.severity', rule.severity);
    property(xml, 'rule.file', rule.file);
    for (const control of frameworkControls(rule)) property(xml, 'framework', control);
    xml.up();
    for (const result of results) addCase(xml, result, rule);
    xml.up();
    yield out.take();
  }
  xml.up().end();
  yield `${out.take()}\n`;
}

/** tests, failures, errors, skipped: what every CI UI totals (waived counts as skipped, as it is written). */
function counts(results: readonly Result[]): Record<string, string> {
  const n = (statuses: Status[]) => String(results.filter((r) => statuses.includes(r.status)).length);
  return { tests: String(results.length), failures: n(['fail']), errors: n(['error']), skipped: n(['skip', 'waived']) };
}

function property(xml: XMLBuilderCB, name: string, value: string): void {
  xml.ele('property', { name, value: visible(value) }).up();
}

function addCase(xml: XMLBuilderCB, result: Result, rule: RuleSummary): void {
  xml.ele('testcase', {
    classname: visible(`${result.accountId}.${result.ruleId}`),
    name: visible(`[${result.region}] ${result.resourceArn}`),
    file: visible(rule.file),
    time: '0',
  });
  xml.ele('properties');
  property(xml, 'result.id', result.id);
  xml.up();
  switch (result.status) {
    case 'fail':
      xml.ele('failure', { message: visible(result.message), type: result.severity }).txt(failureBody(result, rule)).up();
      break;
    case 'error':
      xml.ele('error', { message: visible(result.message), type: visible(result.error?.errorName ?? 'error') }).txt(errorBody(result)).up();
      break;
    case 'skip':
      xml.ele('skipped').up().ele('system-out').txt(visibleLines(`Not applicable: ${result.skipReason ?? result.message}`)).up();
      break;
    case 'waived':
      xml.ele('skipped').up().ele('system-out').txt(`${visibleLines(`Waived by ${describeWaiver(result) ?? 'a waiver'}`)}\n\n${failureBody(result, rule)}`).up();
      break;
    case 'pass':
      break;
  }
  xml.up();
}

function failureBody(result: Result, rule: RuleSummary): string {
  const lines = [`[${result.severity.toUpperCase()}] ${rule.title}`, result.message, ''];
  const evidence = evidenceLines(result).filter((l) => !l.startsWith('Waived by'));
  if (evidence.length) lines.push('Expected / found:', ...evidence.map((l) => `  - ${l}`), '');
  const controls = frameworkControls(rule);
  if (controls.length) lines.push(`Controls: ${controls.join(', ')}`);
  lines.push(`Rule: ${rule.id} (${rule.file}:${rule.line})`, '', 'Remediation:', remediationText(rule));
  if (rule.references[0]) lines.push('', `Reference: ${rule.references[0]}`);
  return visibleLines(lines.join('\n'));
}

function errorBody(result: Result): string {
  return visibleLines([result.message, '', `API error: ${describeError(result) ?? 'unknown'}`, `Resource: ${result.resourceArn}`].join('\n'));
}
