/**
 * derived.bucketPolicy on the bucket view: what the bucket policy of a trail log bucket says about
 * transport security, CloudTrail's write grant and deleting the logs. Statements are read with the
 * helpers of policy.ts (string-or-list values, action globs, NotAction, condition operators); this
 * is a reading of the policy, not a full authorization engine: identity policies, ACLs and
 * organization policies are other facts.
 */
import type { PolicyDocument, PolicyStatement } from '../../../inventory/types.js';
import { CLOUDTRAIL_PRINCIPAL } from './ownership.js';
import { asList, conditionEntries, coversAction, coversResource, isAnyonePrincipal, namesAccount, namesService, principalExemptions, statementLabel, type ConditionEntry } from './policy.js';

export interface DeleteProtection {
  /** Of PROTECTED_ACTIONS, those a Deny forbids to every principal apart from `exemptPrincipals`. */
  deniedActions: string[];
  /** The others. */
  undeniedActions: string[];
  /** Principals the denying statements leave out (NotPrincipal, or aws:PrincipalArn under a negated operator). */
  exemptPrincipals: string[];
  /** The denying statements (Sid or Statement[i]). */
  statements: string[];
}

export interface BucketPolicyFacts {
  /** A Deny for every principal on every S3 action, bucket and objects, when aws:SecureTransport is false. */
  tlsOnly: boolean;
  /** Allow statements letting CloudTrail (or anyone) put objects. */
  cloudTrailGrants: string[];
  /** Those not pinned to named trails, accounts or the organization by aws:SourceArn, aws:SourceAccount or aws:SourceOrgID. */
  unscopedCloudTrailGrants: string[];
  /** Allow statements letting anyone, a wildcard principal or a service delete log objects, the bucket, or rewrite its lifecycle. */
  broadDeleteGrants: string[];
  deleteProtection: DeleteProtection;
}

/** What destroys logs: deleting objects or versions, the bucket, or a lifecycle rule that expires them. */
export const PROTECTED_ACTIONS = ['s3:DeleteBucket', 's3:DeleteObject', 's3:DeleteObjectVersion', 's3:PutLifecycleConfiguration'] as const;
/** Object-level actions apply to `bucket/*`, the others to the bucket itself. */
const OBJECT_ACTIONS = new Set(['s3:DeleteObject', 's3:DeleteObjectVersion']);
/** Actions a TLS-only Deny must cover: reading, writing, listing and deleting. */
const TLS_ACTIONS = ['s3:GetObject', 's3:PutObject', 's3:ListBucket', 's3:DeleteObject'];
const PINNING_OPERATORS = new Set(['stringequals', 'stringlike', 'arnequals', 'arnlike']);

export function bucketPolicyFacts(policy: PolicyDocument | undefined, bucketName: string, partition: string): BucketPolicyFacts {
  const bucketArn = `arn:${partition}:s3:::${bucketName}`;
  // A resource pattern covers every object when it matches the literal `bucket/*` (a `*` in the pattern is needed for that).
  const objectsArn = `${bucketArn}/*`;
  const facts: BucketPolicyFacts = {
    tlsOnly: false,
    cloudTrailGrants: [],
    unscopedCloudTrailGrants: [],
    broadDeleteGrants: [],
    deleteProtection: { deniedActions: [], undeniedActions: [], exemptPrincipals: [], statements: [] },
  };
  const denied = new Set<string>();
  const exempt = new Set<string>();
  const denying: string[] = [];
  (policy?.Statement ?? []).forEach((statement, i) => {
    const label = statementLabel(statement, i);
    if (statement.Effect === 'Deny') {
      if (isTlsDeny(statement, bucketArn, objectsArn)) facts.tlsOnly = true;
      const deny = deleteDeny(statement, bucketArn, objectsArn);
      if (deny && deny.actions.length > 0) {
        deny.actions.forEach((a) => denied.add(a));
        deny.exempt.forEach((p) => exempt.add(p));
        denying.push(label);
      }
      return;
    }
    if (namesService(statement, CLOUDTRAIL_PRINCIPAL) && coversAction(statement, 's3:PutObject')) {
      facts.cloudTrailGrants.push(label);
      if (!pinsSource(statement)) facts.unscopedCloudTrailGrants.push(label);
    }
    if (isBroadPrincipal(statement) && PROTECTED_ACTIONS.some((a) => coversAction(statement, a))) facts.broadDeleteGrants.push(label);
  });
  facts.deleteProtection = {
    deniedActions: PROTECTED_ACTIONS.filter((a) => denied.has(a)),
    undeniedActions: PROTECTED_ACTIONS.filter((a) => !denied.has(a)),
    exemptPrincipals: [...exempt].sort(),
    statements: denying,
  };
  return facts;
}

function lower(entry: ConditionEntry): { operator: string; key: string } {
  return { operator: entry.operator.toLowerCase(), key: entry.key.toLowerCase() };
}

/** Deny, anyone, every S3 action on the bucket and its objects, with aws:SecureTransport = false as its only condition. */
function isTlsDeny(statement: PolicyStatement, bucketArn: string, objectsArn: string): boolean {
  if (!isAnyonePrincipal(statement)) return false;
  if (!TLS_ACTIONS.every((a) => coversAction(statement, a))) return false;
  if (!coversResource(statement, bucketArn) || !coversResource(statement, objectsArn)) return false;
  const entries = conditionEntries(statement);
  return (
    entries.length > 0 &&
    entries.every((e) => {
      const { operator, key } = lower(e);
      return operator === 'bool' && key === 'aws:securetransport' && e.values.some((v) => v.toLowerCase() === 'false');
    })
  );
}

/**
 * The protected actions this Deny forbids to everyone apart from its exempt principals, or
 * undefined when a condition other than a principal exemption makes it apply only sometimes.
 */
function deleteDeny(statement: PolicyStatement, bucketArn: string, objectsArn: string): { actions: string[]; exempt: string[] } | undefined {
  if (statement.NotPrincipal === undefined && !isAnyonePrincipal(statement)) return undefined;
  const exempt = principalExemptions(statement);
  if (!exempt) return undefined;
  for (const values of Object.values(statement.NotPrincipal ?? {})) exempt.push(...asList(values));
  const actions = PROTECTED_ACTIONS.filter((a) => coversAction(statement, a) && coversResource(statement, OBJECT_ACTIONS.has(a) ? objectsArn : bucketArn));
  return { actions, exempt };
}

/** A grant pinned (without IfExists) to trails of named accounts, to accounts, or to an organization. */
function pinsSource(statement: PolicyStatement): boolean {
  return conditionEntries(statement).some((e) => {
    const { operator, key } = lower(e);
    if (e.ifExists || !PINNING_OPERATORS.has(operator) || e.values.length === 0) return false;
    if (key === 'aws:sourcearn') return e.values.every(namesAccount);
    if (key === 'aws:sourceaccount') return e.values.every((v) => /^\d{12}$/.test(v));
    if (key === 'aws:sourceorgid') return e.values.every((v) => /^o-[a-z0-9]{10,32}$/.test(v));
    return false;
  });
}

/** Anyone, an AWS principal with a wildcard, or a service principal (which acts for any account that configures it). */
function isBroadPrincipal(statement: PolicyStatement): boolean {
  if (isAnyonePrincipal(statement)) return true;
  const principal = statement.Principal;
  if (typeof principal !== 'object') return false;
  return asList(principal.AWS).some((p) => p.includes('*')) || asList(principal.Service).length > 0;
}
