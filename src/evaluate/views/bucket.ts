/** The bucket view: one per bucket, in its owner account, with the trails that write to it and their log prefixes' lifecycle. */
import type { ApiError, BucketRecord } from '../../inventory/types.js';
import type { View } from '../types.js';
import { sectionErrors, type SectionErrors } from './derived/errors.js';
import { prefixLifecycle, trailLogPrefix } from './derived/lifecycle.js';
import { errorsAbout, type Found, type ViewContext } from './context.js';
import { viewData } from './data.js';

/** The bucket's unreadable sections, from the errors of the account that read it. */
export function bucketSectionErrors(ctx: ViewContext, found: Found<BucketRecord>): SectionErrors {
  const name = found.record.Name;
  return sectionErrors(errorsAbout(ctx, name, `arn:${ctx.partition}:s3:::${name}`), 'bucket', (e: ApiError) => e.accountId === found.readBy);
}

export function bucketView(ctx: ViewContext, found: Found<BucketRecord>): View {
  const bucket = found.record;
  const accountId = bucket.OwnerAccountId ?? found.readBy;
  const trails = (ctx.trailsByBucket.get(bucket.Name) ?? []).map((t) => t.record.Trail);
  const logPrefixes = [...new Set(trails.map((t) => trailLogPrefix(t.S3KeyPrefix)))].sort();
  const errors = {
    ...bucketSectionErrors(ctx, found),
    ...sectionErrors(ctx.accountErrors.get(found.readBy) ?? [], 'account', () => true),
  };
  const account = ctx.accountById.get(found.readBy);
  const trailArns = trails.map((t) => t.TrailARN);
  const data = viewData({
    Bucket: bucket,
    AccountPublicAccessBlock: account?.accountPublicAccessBlock,
    derived: {
      trails: trailArns,
      logPrefixes,
      ...(errors['Bucket.Lifecycle'] ? {} : { lifecycle: logPrefixes.map((p) => prefixLifecycle(bucket.Lifecycle?.Rules ?? [], p)) }),
    },
    $errors: pick(errors, (path) => path.startsWith('Bucket') || path.startsWith('derived.lifecycle') || path === 'AccountPublicAccessBlock'),
  });
  return {
    type: 'bucket',
    arn: `arn:${ctx.partition}:s3:::${bucket.Name}`,
    name: bucket.Name,
    accountId,
    region: bucket.Region ?? 'unknown',
    data,
    related: trailArns,
  };
}

function pick(errors: SectionErrors, keep: (path: string) => boolean): SectionErrors {
  return Object.fromEntries(Object.entries(errors).filter(([path]) => keep(path)));
}
