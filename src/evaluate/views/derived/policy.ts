/**
 * Reading IAM-style policy statements (key policies, bucket policies): the one place that knows
 * that Action, Principal and condition values may be a string or a list, that action names are
 * case-insensitive globs with `*` and `?`, and how a statement is named in a finding.
 */
import { parseArn } from '../../../inventory/arn.js';
import type { PolicyStatement } from '../../../inventory/types.js';
import { compileGlob, type Glob } from '../../../rules/glob.js';

export function asList<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** An IAM pattern (`*` any run, `?` one character), matched in linear steps whatever a policy's author wrote. */
export function iamPattern(pattern: string, caseInsensitive = false): Glob {
  return compileGlob(pattern, { question: true, caseInsensitive });
}

/** Does an Allow/Deny statement cover this action (`kms:GenerateDataKey`), through Action or NotAction? */
export function coversAction(statement: PolicyStatement, action: string): boolean {
  const matches = (patterns: string[]) => patterns.some((p) => iamPattern(p, true).test(action));
  if (statement.NotAction !== undefined) return !matches(asList(statement.NotAction));
  return matches(asList(statement.Action));
}

/** Does the statement's Resource (or NotResource) cover this ARN? A statement naming neither covers everything. */
export function coversResource(statement: PolicyStatement, arn: string): boolean {
  const matches = (patterns: string[]) => patterns.some((p) => iamPattern(p).test(arn));
  if (statement.NotResource !== undefined) return !matches(asList(statement.NotResource));
  return statement.Resource === undefined || matches(asList(statement.Resource));
}

/** Is the principal anyone: `"*"` or `{"AWS": "*"}`? */
export function isAnyonePrincipal(statement: PolicyStatement): boolean {
  const principal = statement.Principal;
  if (principal === '*') return true;
  return principal !== undefined && asList(principal.AWS).includes('*');
}

/** Does the statement name this service principal (`cloudtrail.amazonaws.com`), or anyone? */
export function namesService(statement: PolicyStatement, service: string): boolean {
  if (isAnyonePrincipal(statement)) return true;
  const principal = statement.Principal;
  return typeof principal === 'object' && asList(principal.Service).includes(service);
}

/** `arn:aws:cloudtrail:*:111122223333:trail/*` names an account; `arn:aws:cloudtrail:*:*:trail/*` or `*` does not. */
export function namesAccount(arn: string): boolean {
  const account = parseArn(arn)?.accountId;
  return account !== undefined && /^\d{12}$/.test(account);
}

/** How a finding names a statement: its Sid, or its position. */
export function statementLabel(statement: PolicyStatement, index: number): string {
  return statement.Sid ? statement.Sid : `Statement[${index}]`;
}

/** One condition entry with its operator split into parts (`ForAnyValue:StringLikeIfExists` → StringLike, ifExists). */
export interface ConditionEntry {
  operator: string;
  ifExists: boolean;
  key: string;
  values: string[];
}

export function conditionEntries(statement: PolicyStatement): ConditionEntry[] {
  const entries: ConditionEntry[] = [];
  for (const [rawOperator, block] of Object.entries(statement.Condition ?? {})) {
    const unqualified = rawOperator.replace(/^(ForAnyValue|ForAllValues):/i, '');
    const ifExists = /IfExists$/i.test(unqualified);
    const operator = ifExists ? unqualified.slice(0, -'IfExists'.length) : unqualified;
    for (const [key, value] of Object.entries(block)) {
      entries.push({ operator, ifExists, key, values: asList(value).map(String) });
    }
  }
  return entries;
}

const EXEMPTING_OPERATORS = new Set(['stringnotequals', 'stringnotlike', 'arnnotequals', 'arnnotlike']);

/**
 * The principals a Deny leaves out through `aws:PrincipalArn` under a negated operator (the
 * break-glass pattern), or undefined when any other condition makes the Deny apply only sometimes.
 */
export function principalExemptions(statement: PolicyStatement): string[] | undefined {
  const exempt: string[] = [];
  for (const entry of conditionEntries(statement)) {
    if (entry.key.toLowerCase() !== 'aws:principalarn' || !EXEMPTING_OPERATORS.has(entry.operator.toLowerCase())) return undefined;
    exempt.push(...entry.values);
  }
  return exempt;
}
