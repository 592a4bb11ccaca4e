/**
 * derived.publicAccess on the bucket view: is the bucket open to the public, all things considered?
 * S3 Block Public Access (bucket and account level, each flag effective when either sets it),
 * ACL grants to AllUsers or AuthenticatedUsers (ignored under IgnorePublicAcls or when ACLs are
 * disabled by BucketOwnerEnforced), and the policy: GetBucketPolicyStatus.IsPublic, or an Allow
 * for anyone (or any account) without a condition that restricts it to known accounts,
 * organizations, networks or sources (ineffective under RestrictPublicBuckets).
 *
 * Three-valued: an unreadable section that could change the answer leaves it unknown (the error
 * is returned instead), so AccessDenied on a log-archive bucket is never read as "public" nor as
 * "private"; a definite exposure found in what was read is public whatever else failed.
 */
import { parseArn } from '../../../inventory/arn.js';
import type { BucketRecord, PolicyStatement, PublicAccessBlockConfiguration } from '../../../inventory/types.js';
import type { SectionError } from '../../../rules/types.js';
import type { SectionErrors } from './errors.js';
import { asList, conditionEntries, isAnyonePrincipal, statementLabel } from './policy.js';

export interface PublicAccess {
  public: boolean;
  /** What makes it public: `Acl: READ to AllUsers`, `Policy: <statement>`, `PolicyStatus.IsPublic`. Empty when not public. */
  via: string[];
}

type Tri = boolean | undefined;

const PUBLIC_GROUPS: Record<string, string> = {
  'http://acs.amazonaws.com/groups/global/AllUsers': 'AllUsers',
  'http://acs.amazonaws.com/groups/global/AuthenticatedUsers': 'AuthenticatedUsers',
};

/** Condition keys that, pinned to concrete values, limit a grant to known callers (AWS's own notion of "not public"). */
const RESTRICTING_KEYS = new Set([
  'aws:sourcearn',
  'aws:sourceaccount',
  'aws:sourceowner',
  'aws:sourceorgid',
  'aws:sourceorgpaths',
  'aws:principalarn',
  'aws:principalaccount',
  'aws:principalorgid',
  'aws:principalorgpaths',
  'aws:userid',
  'aws:sourcevpc',
  'aws:sourcevpce',
  'aws:sourceip',
]);

export function bucketPublicAccess(bucket: BucketRecord, accountBlock: PublicAccessBlockConfiguration | undefined, errors: SectionErrors): { value?: PublicAccess; error?: SectionError } {
  const blockFlag = (flag: keyof PublicAccessBlockConfiguration): Tri => {
    const bucketFlag = errors['Bucket.PublicAccessBlock'] ? undefined : bucket.PublicAccessBlock?.[flag] === true;
    const accountFlag = errors.AccountPublicAccessBlock ? undefined : accountBlock?.[flag] === true;
    return or(bucketFlag, accountFlag);
  };
  const via: string[] = [];

  // ACLs: public grants count unless ACLs are ignored or disabled.
  const aclGrants = errors['Bucket.Acl'] ? undefined : publicAclGrants(bucket);
  const aclsDisabled = errors['Bucket.OwnershipControls'] ? undefined : (bucket.OwnershipControls?.Rules ?? []).some((r) => r.ObjectOwnership === 'BucketOwnerEnforced');
  const aclsIgnored = or(blockFlag('IgnorePublicAcls'), aclsDisabled);
  let aclPublic: Tri;
  if (aclsIgnored === true) aclPublic = false;
  else if (aclGrants === undefined) aclPublic = undefined;
  else if (aclGrants.length === 0) aclPublic = false;
  else aclPublic = aclsIgnored === false ? true : undefined;
  if (aclPublic) via.push(...aclGrants!);

  // Policy: AWS's own verdict or our reading of the statements; either suffices when readable.
  const statusPublic = errors['Bucket.PolicyStatus'] ? undefined : bucket.PolicyStatus?.IsPublic === true;
  const statements = errors['Bucket.Policy'] ? undefined : publicStatements(bucket.Policy?.Statement ?? []);
  const signals = [...(statusPublic ? ['PolicyStatus.IsPublic'] : []), ...(statements ?? [])];
  let policySays: Tri;
  if (signals.length > 0) policySays = true;
  else if (statusPublic === undefined && statements === undefined) policySays = undefined;
  else policySays = false;
  const restricted = blockFlag('RestrictPublicBuckets');
  const policyPublic: Tri = policySays === false || restricted === true ? false : policySays === true && restricted === false ? true : undefined;
  if (policyPublic) via.push(...signals);

  const isPublic = or(aclPublic, policyPublic);
  if (isPublic === undefined) return { error: firstError(errors) };
  return { value: { public: isPublic, via } };
}

function or(a: Tri, b: Tri): Tri {
  if (a === true || b === true) return true;
  if (a === false && b === false) return false;
  return undefined;
}

function publicAclGrants(bucket: BucketRecord): string[] {
  return (bucket.Acl?.Grants ?? []).flatMap((g) => {
    const group = PUBLIC_GROUPS[g.Grantee?.URI ?? ''];
    return group ? [`Acl: ${g.Permission ?? 'grant'} to ${group}`] : [];
  });
}

/** Allow statements for anyone (or any account: `arn:aws:iam::*:root`) that no condition restricts to known callers. */
function publicStatements(statements: readonly PolicyStatement[]): string[] {
  return statements.flatMap((s, i) => (s.Effect === 'Allow' && (isAnyonePrincipal(s) || anyAccount(s)) && !restricts(s) ? [`Policy: ${statementLabel(s, i)}`] : []));
}

function anyAccount(statement: PolicyStatement): boolean {
  const principal = statement.Principal;
  return typeof principal === 'object' && asList(principal.AWS).some((p) => parseArn(p)?.accountId.includes('*'));
}

function restricts(statement: PolicyStatement): boolean {
  return conditionEntries(statement).some((e) => {
    const operator = e.operator.toLowerCase();
    if (e.ifExists || operator.includes('not') || !RESTRICTING_KEYS.has(e.key.toLowerCase()) || e.values.length === 0) return false;
    // A wildcard value or an address range open to the whole internet restricts nothing.
    return e.values.every((v) => !v.includes('*') && v !== '0.0.0.0/0' && v !== '::/0');
  });
}

const PUBLIC_SECTIONS = ['Bucket.Acl', 'Bucket.OwnershipControls', 'Bucket.PublicAccessBlock', 'AccountPublicAccessBlock', 'Bucket.PolicyStatus', 'Bucket.Policy'];

function firstError(errors: SectionErrors): SectionError {
  const section = PUBLIC_SECTIONS.find((s) => errors[s]);
  return errors[section!]!;
}
