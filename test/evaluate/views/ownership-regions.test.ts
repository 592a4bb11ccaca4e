import { describe, expect, it } from 'vitest';
import { mayOwnOrgTrails, orgFacts, trailCoversAccount, trailOwner } from '../../../src/evaluate/views/derived/ownership.js';
import { coversRegions, enabledRegions } from '../../../src/evaluate/views/derived/regions.js';
import { account, inventory, trail } from './inventory-builder.js';

const MANAGEMENT = '111111111111';
const ADMIN = '222222222222';
const MEMBER = '333333333333';
const OUTSIDER = '444444444444';
const facts = orgFacts(
  inventory([], {
    organization: {
      Organization: { Id: 'o-1', MasterAccountId: MANAGEMENT },
      Accounts: [{ Id: MANAGEMENT }, { Id: ADMIN }, { Id: MEMBER }, { Id: OUTSIDER, Status: 'SUSPENDED' }],
      DelegatedAdministrators: { 'cloudtrail.amazonaws.com': [{ Id: ADMIN }], 'config.amazonaws.com': [{ Id: MEMBER }] },
      errors: [],
    },
  }),
);

describe('ownership', () => {
  it('the owner is the account in the trail ARN', () => {
    expect(trailOwner(trail(ADMIN, 't').Trail)).toBe(ADMIN);
  });

  it('only the management account and CloudTrail delegated administrators may own organization trails', () => {
    expect(mayOwnOrgTrails(facts, MANAGEMENT)).toBe(true);
    expect(mayOwnOrgTrails(facts, ADMIN)).toBe(true);
    expect(mayOwnOrgTrails(facts, MEMBER)).toBe(false); // delegated for Config, not CloudTrail
  });

  it('a trail covers its owner; an account trail covers nobody else', () => {
    const own = trail(MEMBER, 't').Trail;
    expect(trailCoversAccount(own, MEMBER, new Set(), facts)).toBe(true);
    expect(trailCoversAccount(own, ADMIN, new Set([ADMIN]), facts)).toBe(false);
  });

  it('an organization trail covers active members, and any account that saw it', () => {
    const org = trail(ADMIN, 'org', { IsOrganizationTrail: true }).Trail;
    expect(trailCoversAccount(org, MEMBER, new Set(), facts)).toBe(true);
    expect(trailCoversAccount(org, MANAGEMENT, new Set(), facts)).toBe(true);
    expect(trailCoversAccount(org, OUTSIDER, new Set(), facts)).toBe(false); // suspended
    expect(trailCoversAccount(org, OUTSIDER, new Set([OUTSIDER]), facts)).toBe(true);
  });

  it('without organization data, an organization trail covers the accounts that listed it', () => {
    const none = orgFacts(inventory([]));
    const org = trail(MANAGEMENT, 'org', { IsOrganizationTrail: true }).Trail;
    expect(trailCoversAccount(org, MEMBER, new Set([MEMBER]), none)).toBe(true);
    expect(trailCoversAccount(org, MEMBER, new Set(), none)).toBe(false);
  });
});

describe('regions', () => {
  it('regions to cover are the enabled ones not left out of the scan, sorted', () => {
    const a = account(MEMBER, {
      Regions: [
        { RegionName: 'us-east-1', Enabled: true },
        { RegionName: 'af-south-1', Enabled: true, RegionOptStatus: 'ENABLED' },
        { RegionName: 'ap-east-1', Enabled: false, RegionOptStatus: 'DISABLED' },
        { RegionName: 'me-south-1', Enabled: true, Excluded: true },
      ],
    });
    expect(enabledRegions(a)).toEqual(['af-south-1', 'us-east-1']);
  });

  it('a multi-region trail covers every given region, a single-region trail its home region', () => {
    expect(coversRegions(trail(MEMBER, 'm').Trail, ['eu-west-1', 'us-east-1'])).toEqual(['eu-west-1', 'us-east-1']);
    expect(coversRegions(trail(MEMBER, 's', { IsMultiRegionTrail: false, HomeRegion: 'eu-west-1' }).Trail, ['eu-west-1', 'us-east-1'])).toEqual(['eu-west-1']);
  });
});
