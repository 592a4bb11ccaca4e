/**
 * derived.objectLock on the bucket view: Object Lock and its default retention in days.
 * GetObjectLockConfiguration answers ObjectLockConfigurationNotFoundError for a bucket created
 * without Object Lock: the collector leaves the section absent, which reads as disabled here.
 */
import type { BucketRecord } from '../../../inventory/types.js';

export interface ObjectLockFacts {
  enabled: boolean;
  /** Default retention mode (GOVERNANCE or COMPLIANCE), when a default retention is set. */
  mode?: string;
  /** Default retention in days: `Days`, or `Years` × 365 (S3 counts a year as 365 days). */
  defaultRetentionDays?: number;
}

export function objectLockFacts(lock: BucketRecord['ObjectLock']): ObjectLockFacts {
  const retention = lock?.Rule?.DefaultRetention;
  const days = retention?.Days ?? (retention?.Years !== undefined ? retention.Years * 365 : undefined);
  return {
    enabled: lock?.ObjectLockEnabled === 'Enabled',
    ...(retention?.Mode !== undefined ? { mode: retention.Mode } : {}),
    ...(days !== undefined ? { defaultRetentionDays: days } : {}),
  };
}
