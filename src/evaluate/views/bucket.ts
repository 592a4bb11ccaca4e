/** The bucket view: one per bucket, in its owner account, with the trails that write to it and their log prefixes' lifecycle. */
import type { ApiError, BucketRecord } from '../../inventory/types.js';
import type { ViewOf } from '../types.js';
import { BUCKET_RECORD_FACTS, bucketRecordFacts } from './derived/bucket-facts.js';
import { notCollected, sectionErrors, toSectionError, type SectionErrors } from './derived/errors.js';
import { prefixLifecycle, trailLogPrefix } from './derived/lifecycle.js';
import { trailOwner } from './derived/ownership.js';
import { errorsAbout, type Found, type ViewContext } from './context.js';
import { known, put, unknown, type Fact, type FactSink } from './fact.js';
import { viewData } from './data.js';
import type { BucketViewData } from './view-data.generated.js';

/** The bucket's unreadable sections (`Bucket.*`, as a trail view joins them), from the errors of the account that read it. */
export function bucketSectionErrors(ctx: ViewContext, found: Found<BucketRecord>): SectionErrors {
  return pick(bucketViewErrors(ctx, found), (path) => path.startsWith('Bucket'));
}

/** Also the bucket view's own derived facts that those failures leave unknown. */
function bucketViewErrors(ctx: ViewContext, found: Found<BucketRecord>): SectionErrors {
  const name = found.record.Name;
  return sectionErrors(errorsAbout(ctx, name, `arn:${ctx.partition}:s3:::${name}`), 'bucket', (e: ApiError) => e.accountId === found.readBy);
}

export function bucketView(ctx: ViewContext, found: Found<BucketRecord>): ViewOf<'bucket'> {
  const bucket = found.record;
  const accountId = bucket.OwnerAccountId ?? found.readBy;
  const trails = (ctx.trailsByBucket.get(bucket.Name) ?? []).map((t) => t.record.Trail);
  const logPrefixes = [...new Set(trails.map((t) => trailLogPrefix(t.S3KeyPrefix)))].sort();
  const errors = {
    ...bucketViewErrors(ctx, found),
    ...sectionErrors(ctx.accountErrors.get(found.readBy) ?? [], 'account', () => true),
  };
  const sink: FactSink = { $errors: errors, $partial: {} };
  const account = ctx.accountById.get(found.readBy);
  const trailArns = trails.map((t) => t.TrailARN);
  const data = viewData<BucketViewData>({
    Bucket: bucket,
    AccountPublicAccessBlock: account?.accountPublicAccessBlock,
    derived: {
      trails: trailArns,
      logPrefixes,
      exists: true,
      ownerKnown: put(sink, 'derived.ownerKnown', ownerKnown(ctx, bucket)),
      ...(errors['Bucket.Lifecycle'] ? {} : { lifecycle: logPrefixes.map((p) => prefixLifecycle(bucket.Lifecycle?.Rules ?? [], p)) }),
      ...bucketRecordFacts(bucket, account?.accountPublicAccessBlock, ctx.partition, errors),
    },
    $errors: pick(errors, (path) => path.startsWith('Bucket') || path.startsWith('derived.') || path === 'AccountPublicAccessBlock'),
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

/**
 * A bucket that trails write to but that no account of the inventory could read: one view all the
 * same, so every bucket rule answers `error` (naming the failed call, or NotCollected) instead of
 * staying silent. NoSuchBucket is an answer, not a failure: the bucket does not exist.
 */
export function unreadBucketView(ctx: ViewContext, name: string): ViewOf<'bucket'> {
  const trails = (ctx.trailsByBucket.get(name) ?? []).map((t) => t.record.Trail);
  const arn = `arn:${ctx.partition}:s3:::${name}`;
  // Attributed to the account that owns the (first) trail writing to it, with that account's failure when it has one.
  const owner = trailOwner(trails[0]!);
  const failed = errorsAbout(ctx, name, arn).sort((a, b) => Number(b.accountId === owner) - Number(a.accountId === owner));
  const error = failed[0]
    ? toSectionError(failed[0])
    : notCollected(
        'GetBucketLocation',
        's3',
        `bucket ${name} was not read: no account in this inventory holds it (its owner is unknown; sweep the account that owns it)`,
        undefined,
        undefined,
        name,
      );
  const missing = failed.some((e) => e.errorName === 'NoSuchBucket');
  const $errors: SectionErrors = { Bucket: error };
  for (const fact of BUCKET_RECORD_FACTS) if (!(missing && fact === 'derived.exists')) $errors[fact] = error;
  const trailArns = trails.map((t) => t.TrailARN);
  return {
    type: 'bucket',
    arn,
    name,
    accountId: owner,
    region: 'unknown',
    data: viewData<BucketViewData>({
      Bucket: { Name: name },
      derived: { trails: trailArns, logPrefixes: [...new Set(trails.map((t) => trailLogPrefix(t.S3KeyPrefix)))].sort(), ...(missing ? { exists: false } : {}) },
      $errors,
    }),
    related: trailArns,
  };
}

/** An account of the organization when the inventory read it (ListAccounts), else an account of the inventory. */
function isKnownAccount(ctx: ViewContext, accountId: string): boolean {
  if (ctx.inventory.organization?.Accounts) return ctx.org.memberIds.has(accountId) || accountId === ctx.org.managementAccountId;
  return ctx.accountById.has(accountId);
}

const CANNOT_LIST_BUCKETS = new Set(['ListBuckets', 'AssumeRole', 'Sweep']);

/**
 * Whether the bucket's owner is an account of the organization. A bucket read without an owner
 * (no swept account's ListBuckets lists it) is owned outside the organization only when every
 * account of the organization listed its buckets; otherwise the owner is unknown, never guessed
 * to be the account that happened to read it (bucket squatting is what this fact is for).
 */
function ownerKnown(ctx: ViewContext, bucket: BucketRecord): Fact<boolean> {
  if (bucket.OwnerAccountId !== undefined) return known(isKnownAccount(ctx, bucket.OwnerAccountId));
  const unlisted = ctx.accounts.flatMap((a) => a.errors).find((e) => CANNOT_LIST_BUCKETS.has(e.operation));
  if (unlisted) return unknown(toSectionError(unlisted));
  const accounts = ctx.inventory.organization?.Accounts;
  const unswept = accounts?.find((a) => (a.Status ?? 'ACTIVE') === 'ACTIVE' && !ctx.accountById.has(a.Id));
  if (accounts && !unswept) return known(false);
  const why = unswept ? `account ${unswept.Id} of the organization was not swept` : "the organization's accounts were not listed";
  return unknown(notCollected('ListBuckets', 's3', `the owner of bucket ${bucket.Name} is unknown: no account read lists it, and ${why}`, unswept?.Id, undefined, bucket.Name));
}

function pick(errors: SectionErrors, keep: (path: string) => boolean): SectionErrors {
  return Object.fromEntries(Object.entries(errors).filter(([path]) => keep(path)));
}
