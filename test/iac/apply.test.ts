/**
 * A plan applied to the live inventory, resource by resource: what the plan leaves unchanged
 * keeps the facts only the live account has; what it changes loses them (live-only until
 * deployed); configuration resources never invent a bucket.
 */
import { describe, expect, it } from 'vitest';
import { buildIacInventory } from '../../src/iac/build-inventory.js';
import type { ChangeAction, IacConfiguration } from '../../src/iac/resource.js';
import { loadInventory } from '../../src/inventory/load.js';

const live = loadInventory('test/fixtures/inventory/compliant.json');
const target = { accountId: '111111111111', region: 'us-east-1', partition: 'aws' };
const TRAIL_ARN = 'arn:aws:cloudtrail:us-east-1:111111111111:trail/main';

function plan(action: ChangeAction, extra: IacConfiguration['resources'] = []): IacConfiguration {
  const values = {
    name: 'main',
    arn: TRAIL_ARN,
    s3_bucket_name: 'trail-logs-111111111111',
    is_multi_region_trail: true,
    enable_logging: true,
    event_selector: [],
    advanced_event_selector: [],
    insight_selector: [],
  };
  return {
    format: 'terraform',
    file: 'plan.json',
    resources: [{ address: 'aws_cloudtrail.main', type: 'aws_cloudtrail', action, values, location: { address: 'aws_cloudtrail.main' } }, ...extra],
  };
}

const build = (config: IacConfiguration) => buildIacInventory({ configurations: [config], target, live, collectedAt: live.collectedAt }).inventory.accounts[0]!;

describe('a plan on top of the live inventory', () => {
  it('a trail the plan leaves unchanged keeps the delivery status the live inventory read', () => {
    const account = build(plan('no-op'));
    expect(account.trails[0]!.Status?.LatestDeliveryTime).toBe(live.accounts[0]!.trails[0]!.Status?.LatestDeliveryTime);
    expect(account.errors.filter((e) => e.errorName === 'LiveOnly')).toEqual([]);
  });

  it('a trail the plan updates has a delivery status only the deployment will show', () => {
    const account = build(plan('update'));
    expect(account.trails[0]!.Status).toEqual({ IsLogging: true });
    expect(account.errors.filter((e) => e.errorName === 'LiveOnly').map((e) => e.resource)).toEqual([TRAIL_ARN]);
  });

  it('a bucket configuration resource patches the live bucket, and never makes up a bucket neither holds', () => {
    const versioning = (bucket: string, action: ChangeAction) => ({
      address: `aws_s3_bucket_versioning.${bucket}`,
      type: 'aws_s3_bucket_versioning',
      action,
      values: { bucket, versioning_configuration: [{ status: 'Enabled', mfa_delete: 'Enabled' }] },
      location: { address: `aws_s3_bucket_versioning.${bucket}` },
    });
    const account = build(plan('no-op', [versioning('trail-logs-111111111111', 'update'), versioning('elsewhere-logs', 'create')]));
    expect(account.buckets['trail-logs-111111111111']!.Versioning).toEqual({ Status: 'Enabled', MFADelete: 'Enabled' });
    expect(account.buckets['elsewhere-logs']).toBeUndefined();
    const deleted = build(plan('no-op', [versioning('trail-logs-111111111111', 'delete')]));
    // Deleting the resource suspends versioning (the AWS provider's documented behaviour).
    expect(deleted.buckets['trail-logs-111111111111']!.Versioning).toEqual({ Status: 'Suspended' });
  });
});
