/**
 * derived.cloudTrailScp on the organization view: do service control policies stop every member
 * account from turning CloudTrail off? An account is protected from an action when a Deny on it
 * sits in an SCP attached to the account, to an OU above it or to the root (SCPs are inherited
 * down the tree). A Deny counts when it covers the action (Action globs such as `cloudtrail:*` or
 * `cloudtrail:Stop*`, or NotAction), every trail (`*`, `arn:aws:cloudtrail:*:*:trail/*`), and has
 * no condition other than exempting principals by aws:PrincipalArn (the break-glass role), which
 * are reported. The management account is left out: SCPs never restrict it.
 */
import type { OrganizationInventory, PolicyDocument, PolicyStatement } from '../../../inventory/types.js';
import type { SectionError } from '../../../rules/types.js';
import { notCollected } from './errors.js';
import { asList, coversAction, coversResource, principalExemptions } from './policy.js';

export const TRAIL_PROTECTED_ACTIONS = ['cloudtrail:DeleteTrail', 'cloudtrail:PutEventSelectors', 'cloudtrail:StopLogging', 'cloudtrail:UpdateTrail'] as const;

export interface ScpAccountProtection {
  AccountId: string;
  Name?: string;
  /** Actions no inherited SCP denies; absent (with `$errors`) when the account's place in the tree is unknown. */
  missingActions?: string[];
  $errors?: Record<string, SectionError>;
}

export interface CloudTrailScp {
  /** Active member accounts (not the management account), in id order. */
  accounts: ScpAccountProtection[];
  /** SCPs with a qualifying Deny on at least one protected action, by name (or id). */
  denyingPolicies: string[];
  /** Principals those Denies exempt (aws:PrincipalArn under a negated operator). */
  exemptPrincipals: string[];
}

interface Deny {
  actions: string[];
  exempt: string[];
}

/**
 * `policiesUnread`: why the SCPs are unknown, if they are; `treeUnread`: why the OU tree is (the
 * failed ListRoots, ListOrganizationalUnitsForParent, ...). Each goes on the accounts it leaves
 * unknown, not on the whole view, so that it spoils no other fact.
 */
export function cloudTrailScp(org: OrganizationInventory, partition: string, policiesUnread?: SectionError, treeUnread?: SectionError): CloudTrailScp {
  const management = org.Organization?.MasterAccountId;
  const scpsEnabled = !org.Roots || org.Roots.some((r) => (r.PolicyTypes ?? []).some((t) => t.Type === 'SERVICE_CONTROL_POLICY' && t.Status === 'ENABLED'));
  const trailArn = `arn:${partition}:cloudtrail:*:*:trail/*`;
  const deniedAt = new Map<string, Set<string>>();
  const denyingPolicies: string[] = [];
  const exempt = new Set<string>();
  for (const policy of scpsEnabled ? (org.Policies ?? []) : []) {
    const deny = policyDenies(parseContent(policy.Content), trailArn);
    if (deny.actions.length === 0) continue;
    denyingPolicies.push(policy.PolicySummary.Name ?? policy.PolicySummary.Id);
    deny.exempt.forEach((p) => exempt.add(p));
    for (const target of policy.Targets ?? []) {
      const set = deniedAt.get(target.TargetId) ?? new Set<string>();
      deny.actions.forEach((a) => set.add(a));
      deniedAt.set(target.TargetId, set);
    }
  }
  const parentOf = new Map<string, string>([...Object.entries(org.AccountParents ?? {}), ...(org.OrganizationalUnits ?? []).map((ou) => [ou.Id, ou.ParentId] as [string, string])]);
  const rootIds = (org.Roots ?? []).map((r) => r.Id);
  const accounts = (org.Accounts ?? [])
    .filter((a) => a.Status !== 'SUSPENDED' && a.Status !== 'PENDING_CLOSURE' && a.Id !== management)
    .sort((a, b) => (a.Id < b.Id ? -1 : a.Id > b.Id ? 1 : 0))
    .map((a) =>
      policiesUnread
        ? { AccountId: a.Id, ...(a.Name !== undefined ? { Name: a.Name } : {}), $errors: { missingActions: policiesUnread } }
        : accountProtection(a.Id, a.Name, parentOf, rootIds, deniedAt, treeUnread),
    );
  return { accounts, denyingPolicies: denyingPolicies.sort(), exemptPrincipals: [...exempt].sort() };
}

/** The actions denied along the path from the account up to the root; unknown when that path is. */
function accountProtection(
  accountId: string,
  name: string | undefined,
  parentOf: Map<string, string>,
  rootIds: string[],
  deniedAt: Map<string, Set<string>>,
  treeUnread: SectionError | undefined,
): ScpAccountProtection {
  const denied = new Set<string>();
  const addAt = (target: string) => deniedAt.get(target)?.forEach((a) => denied.add(a));
  addAt(accountId);
  rootIds.forEach(addAt);
  let node = parentOf.get(accountId);
  const seen = new Set<string>();
  while (node !== undefined && !rootIds.includes(node) && !seen.has(node)) {
    seen.add(node);
    addAt(node);
    node = parentOf.get(node);
  }
  const missing = TRAIL_PROTECTED_ACTIONS.filter((a) => !denied.has(a));
  const base = { AccountId: accountId, ...(name !== undefined ? { Name: name } : {}) };
  // The OUs between the account and the root are known only when the walk reached a root.
  if (missing.length > 0 && (node === undefined || !rootIds.includes(node))) {
    return {
      ...base,
      $errors: { missingActions: treeUnread ?? notCollected('ListParents', 'organizations', `the organizational units above account ${accountId} were not read`, accountId) },
    };
  }
  return { ...base, missingActions: missing };
}

function parseContent(content: string | undefined): PolicyDocument | undefined {
  if (!content) return undefined;
  try {
    const doc = JSON.parse(content) as PolicyDocument;
    return { ...doc, Statement: asList(doc.Statement) };
  } catch {
    return undefined;
  }
}

function policyDenies(doc: PolicyDocument | undefined, trailArn: string): Deny {
  const actions = new Set<string>();
  const exempt: string[] = [];
  for (const statement of doc?.Statement ?? []) {
    const deny = statementDenies(statement, trailArn);
    if (!deny) continue;
    deny.actions.forEach((a) => actions.add(a));
    exempt.push(...deny.exempt);
  }
  return { actions: TRAIL_PROTECTED_ACTIONS.filter((a) => actions.has(a)), exempt };
}

function statementDenies(statement: PolicyStatement, trailArn: string): Deny | undefined {
  if (statement.Effect !== 'Deny' || !coversResource(statement, trailArn)) return undefined;
  const exempt = principalExemptions(statement);
  if (!exempt) return undefined;
  return { actions: TRAIL_PROTECTED_ACTIONS.filter((a) => coversAction(statement, a)), exempt };
}
