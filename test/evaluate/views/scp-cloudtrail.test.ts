import { describe, expect, it } from 'vitest';
import { cloudTrailScp } from '../../../src/evaluate/views/derived/scp-cloudtrail.js';
import type { OrganizationInventory } from '../../../src/inventory/types.js';

const ROOT = 'r-root';
const ALL = ['cloudtrail:DeleteTrail', 'cloudtrail:PutEventSelectors', 'cloudtrail:StopLogging', 'cloudtrail:UpdateTrail'];
type Policies = NonNullable<OrganizationInventory['Policies']>;

function scp(name: string, statement: object, targets: string[]): Policies[number] {
  return {
    PolicySummary: { Id: `p-${name}`, Name: name, Type: 'SERVICE_CONTROL_POLICY' },
    Content: JSON.stringify({ Version: '2012-10-17', Statement: statement }),
    Targets: targets.map((TargetId) => ({ TargetId })),
  };
}

/** Management 111…, members 222… (OU prod) and 333… (OU sandbox, under prod), 444… suspended. */
function org(policies: Policies, extra: Partial<OrganizationInventory> = {}): OrganizationInventory {
  return {
    Organization: { Id: 'o-abcdefghij', MasterAccountId: '111111111111' },
    Accounts: [
      { Id: '111111111111', Status: 'ACTIVE' },
      { Id: '222222222222', Name: 'prod', Status: 'ACTIVE' },
      { Id: '333333333333', Name: 'sandbox', Status: 'ACTIVE' },
      { Id: '444444444444', Status: 'SUSPENDED' },
    ],
    Roots: [{ Id: ROOT, PolicyTypes: [{ Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED' }] }],
    OrganizationalUnits: [
      { Id: 'ou-prod', ParentId: ROOT },
      { Id: 'ou-sandbox', ParentId: 'ou-prod' },
    ],
    AccountParents: { '111111111111': ROOT, '222222222222': 'ou-prod', '333333333333': 'ou-sandbox' },
    Policies: policies,
    errors: [],
    ...extra,
  };
}

const protect = { Effect: 'Deny', Action: ['cloudtrail:StopLogging', 'cloudtrail:DeleteTrail', 'cloudtrail:UpdateTrail', 'cloudtrail:PutEventSelectors'], Resource: '*' };
const missing = (facts: ReturnType<typeof cloudTrailScp>) => Object.fromEntries(facts.accounts.map((a) => [a.AccountId, a.missingActions ?? a.$errors]));

describe('derived.cloudTrailScp', () => {
  it('a Deny attached to the root protects every active member; the management and suspended accounts are left out', () => {
    const facts = cloudTrailScp(org([scp('protect', protect, [ROOT])]), 'aws');
    expect(missing(facts)).toEqual({ '222222222222': [], '333333333333': [] });
    expect(facts.denyingPolicies).toEqual(['protect']);
  });

  it('inherited through nested OUs; an OU outside the path does not count', () => {
    const facts = cloudTrailScp(org([scp('protect', protect, ['ou-sandbox'])]), 'aws');
    expect(missing(facts)).toEqual({ '222222222222': ALL, '333333333333': [] });
    expect(missing(cloudTrailScp(org([scp('protect', protect, ['ou-prod'])]), 'aws'))).toEqual({ '222222222222': [], '333333333333': [] });
  });

  it('wildcards (cloudtrail:*, Stop*) and NotAction count; actions add up across policies and levels', () => {
    expect(missing(cloudTrailScp(org([scp('all', { Effect: 'Deny', Action: 'cloudtrail:*', Resource: '*' }, [ROOT])]), 'aws'))['222222222222']).toEqual([]);
    const split = org([
      scp('stop', { Effect: 'Deny', Action: ['cloudtrail:Stop*', 'cloudtrail:Delete*'], Resource: 'arn:aws:cloudtrail:*:*:trail/*' }, [ROOT]),
      scp('rest', { Effect: 'Deny', NotAction: ['cloudtrail:Get*', 'cloudtrail:Describe*', 'cloudtrail:List*', 'cloudtrail:LookupEvents'], Resource: '*' }, ['ou-prod']),
    ]);
    expect(missing(cloudTrailScp(split, 'aws'))).toEqual({ '222222222222': [], '333333333333': [] });
  });

  it('a Deny on one named trail, or with a condition other than a principal exemption, does not count', () => {
    expect(missing(cloudTrailScp(org([scp('one', { ...protect, Resource: 'arn:aws:cloudtrail:*:*:trail/org' }, [ROOT])]), 'aws'))['222222222222']).toEqual(ALL);
    const regional = { ...protect, Condition: { StringEquals: { 'aws:RequestedRegion': 'us-east-1' } } };
    expect(missing(cloudTrailScp(org([scp('regional', regional, [ROOT])]), 'aws'))['222222222222']).toEqual(ALL);
  });

  it('exempted break-glass principals are reported', () => {
    const exempt = { ...protect, Condition: { ArnNotLike: { 'aws:PrincipalARN': ['arn:aws:iam::*:role/AWSControlTowerExecution', 'arn:aws:iam::*:role/BreakGlass'] } } };
    const facts = cloudTrailScp(org([scp('protect', exempt, [ROOT])]), 'aws');
    expect(facts.exemptPrincipals).toEqual(['arn:aws:iam::*:role/AWSControlTowerExecution', 'arn:aws:iam::*:role/BreakGlass']);
    expect(missing(facts)['222222222222']).toEqual([]);
  });

  it('SCPs disabled at the root protect nobody', () => {
    const disabled = org([scp('protect', protect, [ROOT])], { Roots: [{ Id: ROOT, PolicyTypes: [] }] });
    expect(missing(cloudTrailScp(disabled, 'aws'))['222222222222']).toEqual(ALL);
  });

  it('unknown: an account whose parents were not read, or SCPs that could not be read', () => {
    const noParents = org([scp('protect', protect, ['ou-prod'])], { AccountParents: {} });
    expect(cloudTrailScp(noParents, 'aws').accounts[0]!.$errors?.missingActions).toMatchObject({ errorName: 'NotCollected', operation: 'ListParents' });
    // A Deny at the root settles it without the tree.
    expect(missing(cloudTrailScp(org([scp('protect', protect, [ROOT])], { AccountParents: {} }), 'aws'))['222222222222']).toEqual([]);
    const denied = { accountId: '111111111111', region: 'us-east-1', service: 'organizations', operation: 'ListPolicies', errorName: 'AccessDeniedException', message: 'no' };
    expect(cloudTrailScp(org([]), 'aws', denied).accounts.every((a) => a.$errors?.missingActions === denied)).toBe(true);
  });
});
