/** The organization view: one when the inventory read AWS Organizations, with its organization trails. */
import type { OrganizationInventory } from '../../inventory/types.js';
import type { SectionError } from '../../rules/types.js';
import type { ViewOf } from '../types.js';
import { CLOUDTRAIL_PRINCIPAL, mayOwnOrgTrails, trailOwner } from './derived/ownership.js';
import { marksLiveOnly, notCollected, sectionErrors, toSectionError } from './derived/errors.js';
import { listFact, put, type FactSink } from './fact.js';
import { trailListingError, unreadOrganizationTrail } from './account.js';
import { organizationTrailReach } from './derived/organization-reach.js';
import { cloudTrailScp } from './derived/scp-cloudtrail.js';
import type { ViewContext } from './context.js';
import { viewData } from './data.js';
import type { OrganizationViewData } from './view-data.generated.js';
import { trailSummary } from './trail.js';

export function organizationView(ctx: ViewContext, org: OrganizationInventory): ViewOf<'organization'> {
  const facts = ctx.org;
  const errors = sectionErrors(org.errors, 'organization', () => true);
  const organizationTrailEntries = ctx.trails.filter((t) => t.record.Trail.IsOrganizationTrail && mayOwnOrgTrails(facts, trailOwner(t.record.Trail)));
  const summaries = organizationTrailEntries.map((t) => trailSummary(ctx, t, trailOwner(t.record.Trail)));
  const sink: FactSink = { $errors: errors, $partial: {} };
  const organizationTrails = put(sink, 'derived.organizationTrails', listFact(summaries, ownersUnlisted(ctx, org)));
  const policiesUnread =
    errors.Policies ?? (org.Policies === undefined ? notCollected('ListPolicies', 'organizations', 'service control policies were not read', facts.managementAccountId) : undefined);
  const id = org.Organization?.Id ?? 'unknown';
  const management = facts.managementAccountId ?? '';
  return {
    type: 'organization',
    arn: org.Organization?.Arn ?? `arn:${ctx.partition}:organizations::${management}:organization/${id}`,
    name: id,
    accountId: management,
    region: 'global',
    data: viewData<OrganizationViewData>({
      Organization: org.Organization,
      Accounts: org.Accounts,
      EnabledServicePrincipals: org.EnabledServicePrincipals,
      DelegatedAdministrators: org.DelegatedAdministrators,
      Policies: org.Policies,
      derived: {
        organizationTrails,
        organizationTrailReach: organizationTrailReach(ctx, organizationTrailEntries),
        cloudTrailDelegatedAdministrators: facts.cloudTrailAdmins,
        cloudTrailTrustedAccess: (org.EnabledServicePrincipals ?? []).some((p) => p.ServicePrincipal === CLOUDTRAIL_PRINCIPAL),
        cloudTrailScp: cloudTrailScp(org, ctx.partition, policiesUnread, errors.Roots ?? errors.OrganizationalUnits ?? errors.AccountParents),
      },
      $errors: errors,
      ...(Object.keys(sink.$partial).length > 0 ? { $partial: sink.$partial } : {}),
    }),
    related: summaries.map((t) => t.Trail.TrailARN),
  };
}

/**
 * Why organization trails may exist beyond those found: the delegated administrators (who may own
 * some) could not be listed, or an account that may own them was not read or could not list its trails.
 */
function ownersUnlisted(ctx: ViewContext, org: OrganizationInventory): SectionError | undefined {
  const delegation = org.errors.find((e) => e.operation === 'ListDelegatedAdministrators' && !marksLiveOnly(e));
  if (delegation) return toSectionError(delegation);
  const owners = [ctx.org.managementAccountId, ...ctx.org.cloudTrailAdmins].filter((x): x is string => x !== undefined);
  const unread = owners.filter((id) => !ctx.accountById.has(id));
  if (unread.length > 0) return notCollected('ListTrails', 'cloudtrail', `account ${unread.join(', ')} (which may own organization trails) is not in this inventory`, unread[0]);
  return owners.map((id) => trailListingError(ctx.accountErrors.get(id) ?? [])).find((e) => e !== undefined) ?? unreadOrganizationTrail(ctx);
}
