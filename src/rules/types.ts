/** The compiled rule model shared by the loader, the evaluator and the reports. */

export const SEVERITIES = ['informational', 'low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const RESOURCE_TYPES = ['organization', 'account', 'trail', 'bucket', 'key', 'event-data-store', 'log-group'] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];

/** Where a rule or a node of it was written: used in every load-time error and in SARIF. */
export interface SourceLocation {
  /** Path as given (absolute, or relative to the working directory). */
  file: string;
  line: number;
  column: number;
}

export interface Remediation {
  summary: string;
  console?: string;
  cli?: string;
  cloudformation?: string;
  terraform?: string;
}

export interface ParameterSpec {
  description: string;
  /** A JSON Schema fragment the value must satisfy. */
  schema: Record<string, unknown>;
  default: unknown;
}

/** A problem the condition found with the view: one failed sub-condition. */
export interface ConditionFailure {
  because?: string | undefined;
  /** The path (or query) the failed leaf read. */
  path?: string;
  op?: string;
  expected?: unknown;
  actual?: unknown;
  /** For set operators: the elements that made the comparison fail. */
  offending?: unknown[];
}

/** The view section that could not be collected, with the API call that failed. */
export interface SectionError {
  accountId?: string;
  region?: string;
  service?: string;
  operation: string;
  errorName: string;
  message?: string;
  resource?: string;
}

/** What a compiled condition says about one view. */
export type ConditionOutcome = { value: true; failures: ConditionFailure[] } | { value: false; failures: ConditionFailure[] } | { value: 'error'; error: SectionError; path: string };

export interface EvalContext {
  /** The view's data: AWS fields, `derived`, `$errors`. */
  view: Record<string, unknown>;
  /** Effective parameters for this rule and account. */
  params: Record<string, unknown>;
  /** The scan time, an input: conditions never read the clock. */
  scanTime: Date;
}

export type CompiledCondition = (ctx: EvalContext) => ConditionOutcome;

export interface RuleTestCase {
  name: string;
  view: Record<string, unknown>;
  params?: Record<string, unknown>;
  expect: 'pass' | 'fail' | 'error' | 'skip';
  /** ISO time to evaluate at (default: 2026-01-01T00:00:00Z). */
  scanTime?: string;
  location: SourceLocation;
}

export interface Rule {
  id: string;
  title: string;
  severity: Severity;
  resource: ResourceType;
  description: string;
  rationale: string;
  impact?: string | undefined;
  remediation: Remediation;
  references: string[];
  /** "<framework>@<version>" (or an unversioned catalogue id) → control ids. */
  frameworks: Record<string, string[]>;
  tags: string[];
  parameters: Record<string, ParameterSpec>;
  appliesWhen?: { condition: CompiledCondition; reason: string } | undefined;
  assert: CompiledCondition;
  /** View paths the conditions read (`<array>[].<field>` inside quantifiers): what collection must provide. */
  reads: string[];
  messages: { pass: string; fail: string };
  tests: RuleTestCase[];
  deprecated?: { since: string; reason: string; replacedBy?: string } | undefined;
  /** Ids the rule had before it was renamed (`previousIds:`): still accepted wherever users name rules. */
  previousIds: string[];
  /** Where the rule file is, for errors, SARIF locations and the evidence bundle. */
  location: SourceLocation;
  /** The rule file's text as loaded (the evidence bundle keeps the rules as evaluated). */
  source: string;
  /** The pack the rule came from: "builtin" or the user folder. */
  pack: string;
}
