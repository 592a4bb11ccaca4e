/**
 * Organizations (AWS JSON 1.1). Any account of the organization may DescribeOrganization;
 * listing accounts, OUs, parents, trusted access and delegated administrators needs the
 * management account or a delegated administrator; SCPs need the management account.
 * An account outside any organization gets AWSOrganizationsNotInUseException, as in AWS.
 */
import { epoch, type Ctx } from '../context.js';
import { SimError } from '../errors.js';
import { paginate } from '../paginate.js';
import { stringMember, type JsonInput } from '../protocols/aws-json.js';
import { EPOCH, type Account, type Organization } from '../world/model.js';

function org(ctx: Ctx): Organization {
  const o = ctx.world.organization;
  if (!o || !ctx.account.inOrganization) {
    throw new SimError('AWSOrganizationsNotInUseException', 'Your account is not a member of an organization.');
  }
  return o;
}

/** The organization, when the caller may read its structure (management or delegated administrator). */
function adminOrg(ctx: Ctx, managementOnly = false): Organization {
  const o = org(ctx);
  const allowed = ctx.account.id === o.masterAccountId || (!managementOnly && ctx.world.isDelegatedAdministrator(ctx.account.id));
  if (!allowed) throw new SimError('AccessDeniedException', "You don't have permissions to access this resource.");
  return o;
}

function orgArn(o: Organization, kind: string, id: string): string {
  return kind === 'organization'
    ? `arn:aws:organizations::${o.masterAccountId}:organization/${o.id}`
    : kind === 'account'
      ? `arn:aws:organizations::${o.masterAccountId}:account/${o.id}/${id}`
      : `arn:aws:organizations::${o.masterAccountId}:${kind}/${o.id}/${id}`;
}

function accountEntry(o: Organization, a: Account) {
  return {
    Id: a.id,
    Arn: orgArn(o, 'account', a.id),
    Email: a.spec.Email ?? `aws+${a.id}@example.com`,
    Name: a.spec.Name ?? a.id,
    Status: a.status,
    State: a.status === 'ACTIVE' ? 'ACTIVE' : a.status === 'SUSPENDED' ? 'SUSPENDED' : 'PENDING_CLOSURE',
    JoinedMethod: a.spec.JoinedMethod ?? (a.id === o.masterAccountId ? 'INVITED' : 'CREATED'),
    JoinedTimestamp: epoch(a.spec.JoinedTimestamp ?? EPOCH),
  };
}

function members(ctx: Ctx): Account[] {
  return [...ctx.world.accounts.values()].filter((a) => a.inOrganization).sort((a, b) => a.id.localeCompare(b.id));
}

function page<T>(ctx: Ctx, items: T[], input: JsonInput, max = 20) {
  return paginate(items, input.NextToken, input.MaxResults, max, ctx.pageSize, 'InvalidInputException');
}

function childNotFound(id: string): SimError {
  return new SimError('ParentNotFoundException', `We can't find a root or OU with the ID ${id}.`);
}

export const organizations = {
  DescribeOrganization(ctx: Ctx) {
    const o = org(ctx);
    const master = ctx.world.accounts.get(o.masterAccountId);
    return {
      Organization: {
        Id: o.id,
        Arn: orgArn(o, 'organization', o.id),
        FeatureSet: o.spec.FeatureSet ?? 'ALL',
        MasterAccountArn: `arn:aws:organizations::${o.masterAccountId}:account/${o.id}/${o.masterAccountId}`,
        MasterAccountId: o.masterAccountId,
        MasterAccountEmail: master?.spec.Email ?? `aws+${o.masterAccountId}@example.com`,
        AvailablePolicyTypes: [{ Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED' }],
      },
    };
  },

  ListAccounts(ctx: Ctx, input: JsonInput) {
    const o = adminOrg(ctx);
    const p = page(ctx, members(ctx), input);
    return { Accounts: p.items.map((a) => accountEntry(o, a)), NextToken: p.next };
  },

  ListRoots(ctx: Ctx, input: JsonInput) {
    const o = adminOrg(ctx);
    const p = page(ctx, [o.rootId], input);
    return {
      Roots: p.items.map((id) => ({ Id: id, Arn: orgArn(o, 'root', id), Name: 'Root', PolicyTypes: [{ Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED' }] })),
      NextToken: p.next,
    };
  },

  ListOrganizationalUnitsForParent(ctx: Ctx, input: JsonInput) {
    const o = adminOrg(ctx);
    const parent = stringMember(input.ParentId);
    if (parent !== o.rootId && !o.ous.some((ou) => ou.Id === parent)) throw childNotFound(parent);
    const p = page(
      ctx,
      o.ous.filter((ou) => ou.ParentId === parent),
      input,
    );
    return { OrganizationalUnits: p.items.map((ou) => ({ Id: ou.Id, Arn: orgArn(o, 'ou', ou.Id), Name: ou.Name })), NextToken: p.next };
  },

  ListAccountsForParent(ctx: Ctx, input: JsonInput) {
    const o = adminOrg(ctx);
    const parent = stringMember(input.ParentId);
    if (parent !== o.rootId && !o.ous.some((ou) => ou.Id === parent)) throw childNotFound(parent);
    const p = page(
      ctx,
      members(ctx).filter((a) => o.parents.get(a.id) === parent),
      input,
    );
    return { Accounts: p.items.map((a) => accountEntry(o, a)), NextToken: p.next };
  },

  ListParents(ctx: Ctx, input: JsonInput) {
    const o = adminOrg(ctx);
    const child = stringMember(input.ChildId);
    const parent = o.parents.get(child) ?? o.ous.find((ou) => ou.Id === child)?.ParentId;
    if (!parent) throw new SimError('ChildNotFoundException', `We can't find an account or OU with the ID ${child}.`);
    return { Parents: [{ Id: parent, Type: parent === o.rootId ? 'ROOT' : 'ORGANIZATIONAL_UNIT' }] };
  },

  ListAWSServiceAccessForOrganization(ctx: Ctx, input: JsonInput) {
    const o = adminOrg(ctx);
    const p = page(ctx, [...(o.spec.EnabledServicePrincipals ?? [])].sort(), input);
    return { EnabledServicePrincipals: p.items.map((sp) => ({ ServicePrincipal: sp, DateEnabled: epoch(EPOCH) })), NextToken: p.next };
  },

  ListDelegatedAdministrators(ctx: Ctx, input: JsonInput) {
    const o = adminOrg(ctx);
    const wanted = input.ServicePrincipal as string | undefined;
    const ids = new Set<string>();
    for (const [sp, list] of Object.entries(o.spec.DelegatedAdministrators ?? {})) if (!wanted || sp === wanted) list.forEach((id) => ids.add(id));
    const accounts = [...ids]
      .sort()
      .map((id) => ctx.world.accounts.get(id))
      .filter((a): a is Account => a !== undefined);
    const p = page(ctx, accounts, input);
    return {
      DelegatedAdministrators: p.items.map((a) => ({ ...accountEntry(o, a), DelegationEnabledDate: epoch(EPOCH) })),
      NextToken: p.next,
    };
  },

  ListPolicies(ctx: Ctx, input: JsonInput) {
    const o = adminOrg(ctx, true);
    const filter = stringMember(input.Filter);
    const p = page(
      ctx,
      o.policies.filter((pol) => pol.Type === filter),
      input,
    );
    return { Policies: p.items.map((pol) => summary(o, pol)), NextToken: p.next };
  },

  DescribePolicy(ctx: Ctx, input: JsonInput) {
    const o = adminOrg(ctx, true);
    const pol = o.policies.find((x) => x.Id === input.PolicyId);
    if (!pol) throw new SimError('PolicyNotFoundException', `We can't find a policy with the PolicyId ${String(input.PolicyId)}.`);
    return { Policy: { PolicySummary: summary(o, pol), Content: pol.Content } };
  },

  ListTargetsForPolicy(ctx: Ctx, input: JsonInput) {
    const o = adminOrg(ctx, true);
    const pol = o.policies.find((x) => x.Id === input.PolicyId);
    if (!pol) throw new SimError('PolicyNotFoundException', `We can't find a policy with the PolicyId ${String(input.PolicyId)}.`);
    const p = page(ctx, pol.Targets, input);
    return {
      Targets: p.items.map((id) => {
        const type = id === o.rootId ? 'ROOT' : id.startsWith('ou-') ? 'ORGANIZATIONAL_UNIT' : 'ACCOUNT';
        const name = type === 'ROOT' ? 'Root' : type === 'ACCOUNT' ? (ctx.world.accounts.get(id)?.spec.Name ?? id) : (o.ous.find((ou) => ou.Id === id)?.Name ?? id);
        return { TargetId: id, Arn: orgArn(o, type === 'ROOT' ? 'root' : type === 'ACCOUNT' ? 'account' : 'ou', id), Name: name, Type: type };
      }),
      NextToken: p.next,
    };
  },
};

function summary(o: Organization, pol: Organization['policies'][number]) {
  return {
    Id: pol.Id,
    Arn: `arn:aws:organizations::${pol.AwsManaged ? 'aws' : o.masterAccountId}:policy/${pol.AwsManaged ? '' : `${o.id}/`}service_control_policy/${pol.Id}`,
    Name: pol.Name,
    Description: pol.Description,
    Type: pol.Type,
    AwsManaged: pol.AwsManaged,
  };
}
