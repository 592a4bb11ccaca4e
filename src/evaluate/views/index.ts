/**
 * buildViews: the inventory as the resource views rules read. Pure and deterministic: views come
 * by type (organization, account, trail, bucket, key, event-data-store, log-group), each type in
 * ARN order. Field shapes are documented in docs/views.md.
 */
import type { Inventory } from '../../inventory/types.js';
import type { View } from '../types.js';
import { accountView } from './account.js';
import { bucketView, unreadBucketView } from './bucket.js';
import { buildContext } from './context.js';
import { eventDataStoreView } from './event-data-store.js';
import { keyView } from './key.js';
import { logGroupView } from './log-group.js';
import { organizationView } from './organization.js';
import { trailView } from './trail.js';

function byArn(views: View[]): View[] {
  return views.sort((a, b) => (a.arn < b.arn ? -1 : a.arn > b.arn ? 1 : 0));
}

export function buildViews(inventory: Inventory): View[] {
  const ctx = buildContext(inventory);
  const keys = [...new Set(ctx.keys.values())];
  const stores = new Map<string, View>();
  for (const account of ctx.accounts) {
    for (const store of account.eventDataStores) {
      if (!stores.has(store.EventDataStoreArn)) stores.set(store.EventDataStoreArn, eventDataStoreView(ctx, store, account.AccountId));
    }
  }
  return [
    ...(inventory.organization ? [organizationView(ctx, inventory.organization)] : []),
    ...byArn(ctx.accounts.map((a) => accountView(ctx, a))),
    ...byArn(ctx.trails.map((t) => trailView(ctx, t))),
    ...byArn([
      ...[...ctx.buckets.values()].map((b) => bucketView(ctx, b)),
      ...[...ctx.trailsByBucket.keys()].filter((name) => !ctx.buckets.has(name)).map((name) => unreadBucketView(ctx, name)),
    ]),
    ...byArn(keys.map((k) => keyView(ctx, k))),
    ...byArn([...stores.values()]),
    ...byArn([...ctx.logGroups.entries()].map(([arn, found]) => logGroupView(ctx, found, arn))),
  ];
}
