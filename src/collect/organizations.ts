/**
 * AWS Organizations, where permitted: the organization, and from the management account (or a
 * delegated administrator) its accounts, trusted services, CloudTrail delegated administrators
 * and service control policies. A member account gets AccessDenied on most of these: that is
 * recorded, and rules that need them say `error`, not `fail`.
 */
import {
  DescribeOrganizationCommand,
  DescribePolicyCommand,
  ListAccountsCommand,
  ListAccountsForParentCommand,
  ListAWSServiceAccessForOrganizationCommand,
  ListDelegatedAdministratorsCommand,
  ListOrganizationalUnitsForParentCommand,
  ListPoliciesCommand,
  ListRootsCommand,
  ListTargetsForPolicyCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import type { OrganizationInventory } from '../inventory/types.js';
import { plain } from './plain.js';
import type { Plan } from './sections.js';
import { paginate, type Session } from './session.js';

export const CLOUDTRAIL_PRINCIPAL = 'cloudtrail.amazonaws.com';

export async function collectOrganization(session: Session, plan: Plan): Promise<OrganizationInventory | undefined> {
  const region = session.globalRegion;
  const orgs = session.clients.get(OrganizationsClient, region);
  const described = await session.call({ service: 'organizations', operation: 'DescribeOrganization', region, absentOn: ['AWSOrganizationsNotInUseException'] }, () =>
    orgs.send(new DescribeOrganizationCommand({})),
  );
  if (described.kind === 'absent') return undefined;
  const org: OrganizationInventory = { errors: [] };
  if (described.kind === 'ok' && described.value.Organization) org.Organization = plain(described.value.Organization);

  // Only the management account may list the organization's accounts, services and policies.
  if (org.Organization?.MasterAccountId !== session.accountId) return org;
  const tasks: Promise<void>[] = [];
  const list = <P extends object, T>(operation: string, page: (t: string | undefined) => Promise<P>, next: (o: P) => string | undefined, items: (o: P) => T[] | undefined, params?: object) =>
    paginate(session, { service: 'organizations', operation, region, ...(params ? { params } : {}) }, page, next, items);

  if (plan.has('organization-accounts')) {
    tasks.push(
      list(
        'ListAccounts',
        (NextToken) => orgs.send(new ListAccountsCommand({ NextToken })),
        (o) => o.NextToken,
        (o) => o.Accounts,
      ).then((r) => {
        if (r.complete) org.Accounts = plain<NonNullable<OrganizationInventory['Accounts']>>(r.items).sort((a, b) => a.Id.localeCompare(b.Id));
      }),
    );
  }
  if (plan.has('organization-services')) {
    tasks.push(
      list(
        'ListAWSServiceAccessForOrganization',
        (NextToken) => orgs.send(new ListAWSServiceAccessForOrganizationCommand({ NextToken })),
        (o) => o.NextToken,
        (o) => o.EnabledServicePrincipals,
      ).then((r) => {
        if (r.complete) org.EnabledServicePrincipals = plain(r.items);
      }),
      list(
        'ListDelegatedAdministrators',
        (NextToken) => orgs.send(new ListDelegatedAdministratorsCommand({ ServicePrincipal: CLOUDTRAIL_PRINCIPAL, NextToken })),
        (o) => o.NextToken,
        (o) => o.DelegatedAdministrators,
        { ServicePrincipal: CLOUDTRAIL_PRINCIPAL },
      ).then((r) => {
        if (r.complete) org.DelegatedAdministrators = { [CLOUDTRAIL_PRINCIPAL]: plain(r.items) };
      }),
    );
  }
  if (plan.has('organization-policies')) tasks.push(collectPolicies(session, orgs, org));
  if (plan.has('organization-structure')) tasks.push(collectStructure(session, orgs, org));
  await Promise.all(tasks);
  return org;
}

async function collectPolicies(session: Session, orgs: OrganizationsClient, org: OrganizationInventory): Promise<void> {
  const region = session.globalRegion;
  const listed = await paginate(
    session,
    { service: 'organizations', operation: 'ListPolicies', region, params: { Filter: 'SERVICE_CONTROL_POLICY' } },
    (NextToken) => orgs.send(new ListPoliciesCommand({ Filter: 'SERVICE_CONTROL_POLICY', NextToken })),
    (o) => o.NextToken,
    (o) => o.Policies,
  );
  if (!listed.complete) return;
  const policies = await Promise.all(
    listed.items
      .filter((p): p is typeof p & { Id: string } => Boolean(p.Id))
      .map(async (summary) => {
        const spec = (operation: string) => ({ service: 'organizations', operation, region, resource: summary.Id, params: { PolicyId: summary.Id } });
        const [described, targets] = await Promise.all([
          session.call(spec('DescribePolicy'), () => orgs.send(new DescribePolicyCommand({ PolicyId: summary.Id }))),
          paginate(
            session,
            spec('ListTargetsForPolicy'),
            (NextToken) => orgs.send(new ListTargetsForPolicyCommand({ PolicyId: summary.Id, NextToken })),
            (o) => o.NextToken,
            (o) => o.Targets,
          ),
        ]);
        const content = described.kind === 'ok' ? described.value.Policy?.Content : undefined;
        return {
          PolicySummary: plain<{ Id: string }>(summary),
          ...(content ? { Content: content } : {}),
          ...(targets.complete ? { Targets: plain<Array<{ TargetId: string }>>(targets.items) } : {}),
        };
      }),
  );
  org.Policies = policies.sort((a, b) => a.PolicySummary.Id.localeCompare(b.PolicySummary.Id));
}

/** Roots, then every OU breadth-first, and each account's parent: what `--ou` selects by. */
async function collectStructure(session: Session, orgs: OrganizationsClient, org: OrganizationInventory): Promise<void> {
  const region = session.globalRegion;
  const roots = await paginate(
    session,
    { service: 'organizations', operation: 'ListRoots', region },
    (NextToken) => orgs.send(new ListRootsCommand({ NextToken })),
    (o) => o.NextToken,
    (o) => o.Roots,
  );
  if (!roots.complete) return;
  org.Roots = plain(roots.items);
  const units: NonNullable<OrganizationInventory['OrganizationalUnits']> = [];
  const parents: Record<string, string> = {};
  let frontier = roots.items.map((r) => r.Id ?? '').filter(Boolean);
  while (frontier.length > 0) {
    const next: string[] = [];
    await Promise.all(
      frontier.map(async (ParentId) => {
        const spec = (operation: string) => ({ service: 'organizations', operation, region, resource: ParentId, params: { ParentId } });
        const [children, accounts] = await Promise.all([
          paginate(
            session,
            spec('ListOrganizationalUnitsForParent'),
            (NextToken) => orgs.send(new ListOrganizationalUnitsForParentCommand({ ParentId, NextToken })),
            (o) => o.NextToken,
            (o) => o.OrganizationalUnits,
          ),
          paginate(
            session,
            spec('ListAccountsForParent'),
            (NextToken) => orgs.send(new ListAccountsForParentCommand({ ParentId, NextToken })),
            (o) => o.NextToken,
            (o) => o.Accounts,
          ),
        ]);
        for (const ou of children.items) {
          if (!ou.Id) continue;
          units.push({ Id: ou.Id, ParentId, ...(ou.Arn ? { Arn: ou.Arn } : {}), ...(ou.Name ? { Name: ou.Name } : {}) });
          next.push(ou.Id);
        }
        for (const account of accounts.items) if (account.Id) parents[account.Id] = ParentId;
      }),
    );
    frontier = next;
  }
  org.OrganizationalUnits = units.sort((a, b) => a.Id.localeCompare(b.Id));
  org.AccountParents = Object.fromEntries(Object.entries(parents).sort(([a], [b]) => a.localeCompare(b)));
}
