import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildViews } from '../../../src/evaluate/views/index.js';
import type { AccountReach } from '../../../src/evaluate/views/derived/organization-reach.js';
import { loadInventory } from '../../../src/inventory/load.js';
import type { Inventory } from '../../../src/inventory/types.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures/inventory');
const ORG_TRAIL = 'arn:aws:cloudtrail:us-east-1:300000000001:trail/organization';

function organizationData(inventory: Inventory) {
  const view = buildViews(inventory).find((v) => v.type === 'organization')!;
  return view.data as { derived: { organizationTrailReach?: AccountReach[] }; $errors: Record<string, { operation: string; errorName: string }> };
}

describe('derived.organizationTrailReach', () => {
  const inventory = loadInventory(join(FIXTURES, 'rulepack-trails/org-reach.json'));

  it('lists every ACTIVE account with the organization trails its own listing showed, and leaves suspended accounts out', () => {
    const reach = organizationData(inventory).derived.organizationTrailReach!;
    expect(reach.map((r) => ({ id: r.AccountId, seen: r.seenOrganizationTrails, missing: r.missingOrganizationTrails, unknown: r.$errors !== undefined }))).toEqual([
      { id: '300000000001', seen: [ORG_TRAIL], missing: [], unknown: false },
      { id: '300000000002', seen: [ORG_TRAIL], missing: [], unknown: false },
      { id: '300000000003', seen: [], missing: [ORG_TRAIL], unknown: false },
      { id: '300000000004', seen: [], missing: undefined, unknown: true },
    ]);
  });

  it('marks an account outside the inventory as NotCollected, naming the account', () => {
    const notRead = organizationData(inventory).derived.organizationTrailReach!.find((r) => r.AccountId === '300000000004')!;
    expect(notRead.$errors?.missingOrganizationTrails).toMatchObject({ operation: 'ListTrails', errorName: 'NotCollected', accountId: '300000000004' });
  });

  it("carries the account's failed ListTrails instead of reporting the trail missing", () => {
    const failed = structuredClone(inventory);
    failed.accounts
      .find((a) => a.AccountId === '300000000003')!
      .errors.push({
        accountId: '300000000003',
        region: 'us-east-1',
        service: 'cloudtrail',
        operation: 'ListTrails',
        errorName: 'AccessDeniedException',
        message: 'denied',
      });
    const reach = organizationData(failed).derived.organizationTrailReach!.find((r) => r.AccountId === '300000000003')!;
    expect(reach.$errors?.missingOrganizationTrails).toMatchObject({ operation: 'ListTrails', errorName: 'AccessDeniedException' });
  });

  it('is unreadable when ListAccounts failed', () => {
    const failed = structuredClone(inventory);
    failed.organization!.errors.push({
      accountId: '300000000001',
      region: 'us-east-1',
      service: 'organizations',
      operation: 'ListAccounts',
      errorName: 'AccessDeniedException',
      message: 'denied',
    });
    expect(organizationData(failed).$errors['derived.organizationTrailReach']).toMatchObject({ operation: 'ListAccounts' });
  });

  it('is empty of missing trails when there is no organization trail to reach anyone', () => {
    const none = structuredClone(inventory);
    for (const a of none.accounts) a.trails = a.trails.filter((t) => !t.Trail.IsOrganizationTrail);
    const reach = organizationData(none).derived.organizationTrailReach!;
    expect(reach.every((r) => r.missingOrganizationTrails?.length === 0 && r.$errors === undefined)).toBe(true);
  });
});
