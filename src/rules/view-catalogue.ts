/**
 * The catalogue of view fields: what a rule may read. (Filled in below.)
 */
import type { ResourceType } from './types.js';

/**
 * The calls whose failure in an account may hide resources of each view type there: a rule about
 * the type then gets one `error` result on the account (evaluate/views/gaps.ts). Assuming the
 * member role (AssumeRole) and reaching the account at all (Sweep) hide everything.
 */
const WHOLE_ACCOUNT = ['AssumeRole', 'Sweep'];
const TRAIL_LISTING = ['ListTrails', 'DescribeTrails'];
export const LISTED_BY: Readonly<Record<ResourceType, readonly string[]>> = {
  organization: ['DescribeOrganization', ...WHOLE_ACCOUNT],
  account: [],
  trail: [...TRAIL_LISTING, ...WHOLE_ACCOUNT],
  // Buckets, keys and log groups are found through the trails that name them (GetTrail), keys also by ListKeys.
  bucket: [...TRAIL_LISTING, 'GetTrail', ...WHOLE_ACCOUNT],
  key: [...TRAIL_LISTING, 'GetTrail', 'ListKeys', 'DescribeKey', ...WHOLE_ACCOUNT],
  'log-group': [...TRAIL_LISTING, 'GetTrail', 'DescribeLogGroups', ...WHOLE_ACCOUNT],
  'event-data-store': ['ListEventDataStores', 'ListRegions', 'DescribeRegions', ...WHOLE_ACCOUNT],
};
