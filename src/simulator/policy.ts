/**
 * A deliberately small resource-policy evaluator: enough for the cross-account reads the
 * simulator models (bucket policies, key policies, role trust policies). It answers whether
 * some Allow statement names the calling account (or "*") for the action, and no Deny does.
 * Conditions are ignored except sts:ExternalId, which trust policies use.
 */
import type { PolicyDocument, PolicyStatement } from '../inventory/types.js';
import { compileGlob } from '../rules/glob.js';

export interface PolicyCaller {
  accountId: string;
  /** The caller's principal ARN (user or assumed-role session). */
  arn: string;
  /** The role ARN behind an assumed-role session. */
  roleArn?: string | undefined;
  externalId?: string | undefined;
}

export function policyAllows(policy: PolicyDocument | undefined, caller: PolicyCaller, action: string): boolean {
  if (!policy) return false;
  const matching = (s: PolicyStatement) => principalMatches(s, caller) && actionMatches(s, action) && conditionMatches(s, caller);
  if (policy.Statement.some((s) => s.Effect === 'Deny' && matching(s))) return false;
  return policy.Statement.some((s) => s.Effect === 'Allow' && matching(s));
}

function principalMatches(s: PolicyStatement, caller: PolicyCaller): boolean {
  if (s.Principal === '*') return true;
  const aws = s.Principal?.AWS;
  if (aws === undefined) return false;
  return (Array.isArray(aws) ? aws : [aws]).some((p) => p === '*' || p === caller.accountId || p === `arn:aws:iam::${caller.accountId}:root` || p === caller.arn || p === caller.roleArn);
}

function actionMatches(s: PolicyStatement, action: string): boolean {
  if (s.Action === undefined) return false;
  return (Array.isArray(s.Action) ? s.Action : [s.Action]).some((a) => compileGlob(a, { question: true, caseInsensitive: true }).test(action));
}

function conditionMatches(s: PolicyStatement, caller: PolicyCaller): boolean {
  const wanted = s.Condition?.StringEquals?.['sts:ExternalId'];
  if (wanted === undefined) return true;
  return (Array.isArray(wanted) ? wanted : [String(wanted)]).includes(caller.externalId ?? '');
}
