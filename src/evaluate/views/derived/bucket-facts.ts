/**
 * The facts a bucket view derives from its own record (derived.publicAccess, derived.bucketPolicy,
 * derived.objectLock), each absent with an error when the sections it needs could not be read.
 */
import type { BucketRecord, PublicAccessBlockConfiguration } from '../../../inventory/types.js';
import { bucketPolicyFacts } from './bucket-policy.js';
import { bucketPublicAccess } from './bucket-public-access.js';
import type { SectionErrors } from './errors.js';
import { objectLockFacts } from './object-lock.js';

/** Facts that only exist when the bucket was read: an unread bucket carries its read error on each. */
export const BUCKET_RECORD_FACTS = ['derived.exists', 'derived.ownerKnown', 'derived.lifecycle', 'derived.publicAccess', 'derived.bucketPolicy', 'derived.objectLock'];

/** `errors` are the view's section errors; the public-access verdict's own error is added to them. */
export function bucketRecordFacts(bucket: BucketRecord, accountBlock: PublicAccessBlockConfiguration | undefined, partition: string, errors: SectionErrors): Record<string, unknown> {
  const derived: Record<string, unknown> = {};
  if (!errors['derived.bucketPolicy']) derived.bucketPolicy = bucketPolicyFacts(bucket.Policy, bucket.Name, partition);
  if (!errors['derived.objectLock']) derived.objectLock = objectLockFacts(bucket.ObjectLock);
  const publicAccess = bucketPublicAccess(bucket, accountBlock, errors);
  if (publicAccess.value) derived.publicAccess = publicAccess.value;
  else if (publicAccess.error) errors['derived.publicAccess'] = publicAccess.error;
  return derived;
}
