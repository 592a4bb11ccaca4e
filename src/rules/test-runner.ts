/** Inline rule tests: each case's view judged by its rule, compared with the expected status. */
import { defaultParameters } from './parameters.js';
import type { Rule, RuleTestCase, SourceLocation } from './types.js';
import { judge, type VerdictStatus } from './verdict.js';
import { DEFAULT_TEST_SCAN_TIME } from './compile-rule.js';

export interface RuleTestResult {
  ruleId: string;
  name: string;
  expected: RuleTestCase['expect'];
  actual: VerdictStatus;
  passed: boolean;
  /** The verdict's message: what the rule said about the case's view. */
  message: string;
  location: SourceLocation;
}

export function runRuleTests(rules: Rule[]): RuleTestResult[] {
  return rules.flatMap((rule) => rule.tests.map((test) => runRuleTest(rule, test)));
}

export function runRuleTest(rule: Rule, test: RuleTestCase): RuleTestResult {
  const params = { ...defaultParameters(rule), ...test.params };
  const verdict = judge(rule, test.view, params, new Date(test.scanTime ?? DEFAULT_TEST_SCAN_TIME));
  return {
    ruleId: rule.id,
    name: test.name,
    expected: test.expect,
    actual: verdict.status,
    passed: verdict.status === test.expect,
    message: verdict.message,
    location: test.location,
  };
}
