/**
 * A rule's remediation as each report prints it: filled with one result's values (a finding
 * names its own bucket, trail, key, account and region), or, where a text stands for every
 * resource of a rule (SARIF's rule help, the HTML rule list), with each value left as a
 * visible blank such as `<Bucket.Name>`. Never a literal `{{...}}`.
 */
import type { Result, RuleSummary } from '../evaluate/types.js';
import { visible } from '../util/visible-text.js';
import { fillPlaceholders, REMEDIATION_FORMS, remediationPlaceholders } from '../rules/remediation.js';

type Remediation = RuleSummary['remediation'];

const LABELS: Record<(typeof REMEDIATION_FORMS)[number], string> = {
  summary: 'Summary',
  console: 'Console',
  cli: 'CLI',
  cloudformation: 'CloudFormation',
  terraform: 'Terraform',
};

/**
 * The value of one placeholder for one result; undefined when the result does not have it.
 * Values come from AWS: a name holding a line break or an escape sequence shows it escaped, so
 * it cannot start a forged line in a script that keeps the rule's own line breaks.
 */
export function placeholderValue(result: Result, name: string): string | undefined {
  const value = rawValue(result, name);
  return value === undefined ? undefined : visible(value);
}

function rawValue(result: Result, name: string): string | undefined {
  switch (name) {
    case 'resource.account':
      return result.accountId;
    case 'resource.region':
      return result.region;
    case 'resource.arn':
      return result.resourceArn;
    case 'resource.name':
      return result.resourceName;
    default:
      return result.placeholders?.[name];
  }
}

/** The remediation filled for `result`; without a result, every value is a `<name>` blank. */
export function remediationFor(rule: RuleSummary, result?: Result): Remediation {
  const value = (name: string) => (result ? placeholderValue(result, name) : undefined);
  const filled: Remediation = { summary: fillPlaceholders(rule.remediation.summary, value) };
  for (const form of REMEDIATION_FORMS) {
    const text = rule.remediation[form];
    if (form !== 'summary' && text) filled[form] = fillPlaceholders(text, value);
  }
  return filled;
}

/** [label, text] for each form the rule has, placeholders left in (the HTML report fills them in the browser). */
export function remediationForms(rule: RuleSummary): Array<[string, string]> {
  return REMEDIATION_FORMS.flatMap((form) => {
    const text = rule.remediation[form];
    return text ? [[LABELS[form], text] as [string, string]] : [];
  });
}

export function rulePlaceholders(rule: RuleSummary): string[] {
  return remediationPlaceholders(rule.remediation);
}

/** The result's value of each of rulePlaceholders(rule), in that order; undefined where it has none. */
export function remediationValues(rule: RuleSummary, result: Result): Array<string | undefined> {
  return rulePlaceholders(rule).map((name) => placeholderValue(result, name));
}
