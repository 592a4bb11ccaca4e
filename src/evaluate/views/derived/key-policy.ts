/**
 * derived.keyPolicy on the trail view: does the key policy of the trail's KMS key let CloudTrail
 * encrypt THIS trail's logs, and only trails it names? CloudTrail asks for kms:GenerateDataKey*
 * with the encryption context `aws:cloudtrail:arn` = the trail ARN, and the request carries
 * `aws:SourceArn` = the trail ARN. A grant is scoped when one of those keys is pinned (StringEquals,
 * StringLike, ArnEquals, ArnLike, without IfExists) to trail ARNs of named accounts.
 * Deny statements and grants are not modelled: a fact about what the policy allows, not a full
 * authorization engine.
 */
import { parseArn } from '../../../inventory/arn.js';
import type { KeyRecord, PolicyDocument, PolicyStatement } from '../../../inventory/types.js';
import type { Joined } from '../join.js';
import { notCollected, type SectionErrors } from './errors.js';
import { CLOUDTRAIL_PRINCIPAL } from './ownership.js';
import { conditionEntries, coversAction, type ConditionEntry, iamPattern, isAnyonePrincipal, namesAccount, namesService, statementLabel } from './policy.js';

export interface TrailKeyPolicy {
  /** Some Allow statement lets CloudTrail generate data keys for this trail (else delivery fails). */
  allowsTrail: boolean;
  /** Allow statements letting CloudTrail generate data keys for any trail of any account (no aws:SourceArn or encryption-context pin). */
  unscopedCloudTrailGrants: string[];
  /** Allow statements for any principal (`*`) with no condition at all. */
  publicGrants: string[];
}

const ENCRYPT = 'kms:GenerateDataKey';
const TRAIL_KEYS = new Set(['aws:sourcearn', 'kms:encryptioncontext:aws:cloudtrail:arn']);
const PINNING_OPERATORS = new Set(['stringequals', 'stringlike', 'arnequals', 'arnlike']);

export function trailKeyPolicy(policy: PolicyDocument, trailArn: string): TrailKeyPolicy {
  const unscoped: string[] = [];
  const publicGrants: string[] = [];
  let allowsTrail = false;
  policy.Statement.forEach((statement, i) => {
    if (statement.Effect !== 'Allow') return;
    const label = statementLabel(statement, i);
    if (isAnyonePrincipal(statement) && conditionEntries(statement).length === 0) publicGrants.push(label);
    if (!namesService(statement, CLOUDTRAIL_PRINCIPAL) || !coversAction(statement, ENCRYPT)) return;
    const pins = trailPins(statement);
    if (pins.length === 0) unscoped.push(label);
    // Every pinned key must admit the trail (conditions of one statement are ANDed).
    if (pins.every((pin) => pin.values.some((v) => pinMatches(pin.operator, v, trailArn)))) allowsTrail = true;
  });
  return { allowsTrail, unscopedCloudTrailGrants: unscoped, publicGrants };
}

/** The statement's conditions that pin the trail ARN to trails of named accounts. */
function trailPins(statement: PolicyStatement): ConditionEntry[] {
  return conditionEntries(statement).filter(
    (c) => !c.ifExists && PINNING_OPERATORS.has(c.operator.toLowerCase()) && TRAIL_KEYS.has(c.key.toLowerCase()) && c.values.length > 0 && c.values.every(namesAccount),
  );
}

/** StringEquals compares exactly; StringLike, ArnEquals and ArnLike take `*` and `?` wildcards. */
function pinMatches(operator: string, value: string, trailArn: string): boolean {
  return operator.toLowerCase() === 'stringequals' ? value === trailArn : iamPattern(value).test(trailArn);
}

/**
 * The fact for the key a trail names, joined by the trail view; when the key or its policy could
 * not be read, the error that leaves `derived.keyPolicy` unknown. Undefined when the trail names no key.
 */
export function trailKeyPolicyFact(trailArn: string, key: Joined<KeyRecord> | undefined): { value?: TrailKeyPolicy; errors: SectionErrors } | undefined {
  if (key === undefined) return undefined;
  const unreadable = key.errors.KmsKey ?? key.errors['KmsKey.KeyPolicy'];
  if (unreadable) return { errors: { 'derived.keyPolicy': unreadable } };
  const meta = key.value?.KeyMetadata;
  const policy = key.value?.KeyPolicy;
  if (policy === undefined) {
    const arn = parseArn(meta?.Arn);
    return { errors: { 'derived.keyPolicy': notCollected('GetKeyPolicy', 'kms', `the policy of KMS key ${meta?.Arn ?? ''} was not read`, arn?.accountId, arn?.region, meta?.Arn) } };
  }
  return { value: trailKeyPolicy(policy, trailArn), errors: {} };
}
