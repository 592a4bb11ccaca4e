import { beforeAll, describe, expect, it } from 'vitest';
import {
  DescribeOrganizationCommand,
  DescribePolicyCommand,
  ListAccountsCommand,
  ListAccountsForParentCommand,
  ListAWSServiceAccessForOrganizationCommand,
  ListDelegatedAdministratorsCommand,
  ListOrganizationalUnitsForParentCommand,
  ListParentsCommand,
  ListPoliciesCommand,
  ListRootsCommand,
  ListTargetsForPolicyCommand,
  OrganizationsClient,
  paginateListAccounts,
} from '@aws-sdk/client-organizations';
import { AUDIT, clientFor, failure, FIXTURE_WORLD, MEMBER, MGMT, STANDALONE } from './helpers.js';
import { useSimulator } from '../helpers/simulator.js';

let org: OrganizationsClient;

const sim = useSimulator(FIXTURE_WORLD);
beforeAll(() => {
  org = clientFor(sim, OrganizationsClient, MGMT);
});

describe('from the management account', () => {
  it('DescribeOrganization', async () => {
    const { Organization } = await org.send(new DescribeOrganizationCommand({}));
    expect(Organization).toMatchObject({
      Id: 'o-test000001',
      FeatureSet: 'ALL',
      MasterAccountId: MGMT,
      MasterAccountEmail: 'mgmt@example.com',
      Arn: `arn:aws:organizations::${MGMT}:organization/o-test000001`,
    });
  });

  it('ListAccounts pages through every account with its status', async () => {
    const accounts = [];
    for await (const page of paginateListAccounts({ client: org, pageSize: 2 }, {})) {
      expect(page.Accounts?.length).toBeLessThanOrEqual(2);
      accounts.push(...(page.Accounts ?? []));
    }
    expect(accounts.map((a) => [a.Id, a.Status])).toEqual([
      ['111111111111', 'ACTIVE'],
      ['222222222222', 'ACTIVE'],
      ['333333333333', 'ACTIVE'],
      ['444444444444', 'ACTIVE'],
      ['555555555555', 'SUSPENDED'],
    ]);
    expect(accounts[0]?.JoinedTimestamp).toBeInstanceOf(Date);
  });

  it('walks roots, OUs, accounts for a parent and parents', async () => {
    expect((await org.send(new ListRootsCommand({}))).Roots?.map((r) => r.Id)).toEqual(['r-test']);
    expect((await org.send(new ListOrganizationalUnitsForParentCommand({ ParentId: 'r-test' }))).OrganizationalUnits?.map((o) => o.Name)).toEqual(['Security', 'Workloads']);
    expect((await org.send(new ListOrganizationalUnitsForParentCommand({ ParentId: 'ou-test-workloads' }))).OrganizationalUnits?.map((o) => o.Id)).toEqual(['ou-test-dev']);
    expect((await org.send(new ListAccountsForParentCommand({ ParentId: 'ou-test-security' }))).Accounts?.map((a) => a.Id)).toEqual(['222222222222', '333333333333']);
    expect((await org.send(new ListParentsCommand({ ChildId: MEMBER }))).Parents).toEqual([{ Id: 'ou-test-dev', Type: 'ORGANIZATIONAL_UNIT' }]);
    expect((await org.send(new ListParentsCommand({ ChildId: MGMT }))).Parents).toEqual([{ Id: 'r-test', Type: 'ROOT' }]);
    expect((await failure(org.send(new ListAccountsForParentCommand({ ParentId: 'ou-nope-nope' })))).name).toBe('ParentNotFoundException');
  });

  it('trusted access and delegated administrators', async () => {
    const access = await org.send(new ListAWSServiceAccessForOrganizationCommand({}));
    expect(access.EnabledServicePrincipals?.map((s) => s.ServicePrincipal)).toEqual(['cloudtrail.amazonaws.com', 'config.amazonaws.com']);
    const admins = await org.send(new ListDelegatedAdministratorsCommand({ ServicePrincipal: 'cloudtrail.amazonaws.com' }));
    expect(admins.DelegatedAdministrators?.map((a) => a.Id)).toEqual([AUDIT]);
    expect((await org.send(new ListDelegatedAdministratorsCommand({ ServicePrincipal: 'guardduty.amazonaws.com' }))).DelegatedAdministrators).toEqual([]);
  });

  it('service control policies with their content and targets', async () => {
    const { Policies } = await org.send(new ListPoliciesCommand({ Filter: 'SERVICE_CONTROL_POLICY' }));
    expect(Policies?.map((p) => [p.Id, p.Name, p.AwsManaged])).toEqual([
      ['p-FullAWSAccess', 'FullAWSAccess', true],
      ['p-denystop1', 'deny-stop', false],
    ]);
    const { Policy } = await org.send(new DescribePolicyCommand({ PolicyId: 'p-denystop1' }));
    expect(JSON.parse(Policy?.Content ?? '{}')).toMatchObject({ Statement: [{ Effect: 'Deny', Action: 'cloudtrail:StopLogging' }] });
    const { Targets } = await org.send(new ListTargetsForPolicyCommand({ PolicyId: 'p-denystop1' }));
    expect(Targets?.map((t) => [t.TargetId, t.Type])).toEqual([
      ['ou-test-workloads', 'ORGANIZATIONAL_UNIT'],
      [MEMBER, 'ACCOUNT'],
    ]);
    expect((await failure(org.send(new DescribePolicyCommand({ PolicyId: 'p-nope' })))).name).toBe('PolicyNotFoundException');
  });
});

describe('from other accounts', () => {
  it('a member may describe the organization but not list it', async () => {
    const member = clientFor(sim, OrganizationsClient, MEMBER);
    expect((await member.send(new DescribeOrganizationCommand({}))).Organization?.MasterAccountId).toBe(MGMT);
    const e = await failure(member.send(new ListAccountsCommand({})));
    expect(e.name).toBe('AccessDeniedException');
  });

  it('a delegated administrator may list accounts but not policies', async () => {
    const audit = clientFor(sim, OrganizationsClient, AUDIT);
    expect((await audit.send(new ListAccountsCommand({}))).Accounts).toHaveLength(5);
    expect((await failure(audit.send(new ListPoliciesCommand({ Filter: 'SERVICE_CONTROL_POLICY' })))).name).toBe('AccessDeniedException');
  });

  it('an account outside any organization gets AWSOrganizationsNotInUseException', async () => {
    const e = await failure(clientFor(sim, OrganizationsClient, STANDALONE).send(new DescribeOrganizationCommand({})));
    expect(e.name).toBe('AWSOrganizationsNotInUseException');
  });
});
