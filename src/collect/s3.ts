/**
 * S3: each bucket a trail writes to is read once, in its own region. "Not configured" answers
 * (no policy, no encryption, no lifecycle, no object lock, ...) leave the section absent;
 * AccessDenied is an error, never read as "public" or "not configured".
 */
import {
  GetBucketAclCommand,
  GetBucketEncryptionCommand,
  GetBucketLifecycleConfigurationCommand,
  GetBucketLocationCommand,
  GetBucketLoggingCommand,
  GetBucketOwnershipControlsCommand,
  GetBucketPolicyCommand,
  GetBucketPolicyStatusCommand,
  GetBucketReplicationCommand,
  GetBucketVersioningCommand,
  GetObjectLockConfigurationCommand,
  GetPublicAccessBlockCommand,
  ListBucketsCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { GetPublicAccessBlockCommand as GetAccountPublicAccessBlockCommand, S3ControlClient } from '@aws-sdk/client-s3-control';
import type { BucketRecord, PolicyDocument, PublicAccessBlockConfiguration } from '../inventory/types.js';
import { parsePolicy, plain } from './plain.js';
import { readRows, type ReadRow } from './read-table.js';
import type { Plan } from './sections.js';
import { foreignHint, paginate, type CallSpec, type Session } from './session.js';

/** One line per bucket section: the call, the answers that mean "not configured", where the value goes. */
const BUCKET_SECTIONS: ReadonlyArray<ReadRow<S3Client, BucketRecord>> = [
  {
    section: 'bucket-policy',
    operation: 'GetBucketPolicy',
    absentOn: ['NoSuchBucketPolicy'],
    read: (s3, Bucket) => s3.send(new GetBucketPolicyCommand({ Bucket })),
    store: (r, o) => (r.Policy = parsePolicy<PolicyDocument>(o.Policy as string | undefined)),
  },
  {
    section: 'bucket-policy-status',
    operation: 'GetBucketPolicyStatus',
    absentOn: ['NoSuchBucketPolicy'],
    read: (s3, Bucket) => s3.send(new GetBucketPolicyStatusCommand({ Bucket })),
    store: (r, o) => (r.PolicyStatus = plain(o.PolicyStatus)),
  },
  {
    section: 'bucket-acl',
    operation: 'GetBucketAcl',
    read: (s3, Bucket) => s3.send(new GetBucketAclCommand({ Bucket })),
    store: (r, o) => (r.Acl = plain({ Owner: o.Owner, Grants: o.Grants })),
  },
  {
    section: 'bucket-ownership-controls',
    operation: 'GetBucketOwnershipControls',
    absentOn: ['OwnershipControlsNotFoundError'],
    read: (s3, Bucket) => s3.send(new GetBucketOwnershipControlsCommand({ Bucket })),
    store: (r, o) => (r.OwnershipControls = plain(o.OwnershipControls)),
  },
  {
    section: 'bucket-encryption',
    operation: 'GetBucketEncryption',
    absentOn: ['ServerSideEncryptionConfigurationNotFoundError'],
    read: (s3, Bucket) => s3.send(new GetBucketEncryptionCommand({ Bucket })),
    store: (r, o) => (r.Encryption = plain(o.ServerSideEncryptionConfiguration)),
  },
  {
    section: 'bucket-lifecycle',
    operation: 'GetBucketLifecycleConfiguration',
    absentOn: ['NoSuchLifecycleConfiguration'],
    read: (s3, Bucket) => s3.send(new GetBucketLifecycleConfigurationCommand({ Bucket })),
    store: (r, o) => (r.Lifecycle = plain({ Rules: o.Rules ?? [] })),
  },
  {
    section: 'bucket-versioning',
    operation: 'GetBucketVersioning',
    read: (s3, Bucket) => s3.send(new GetBucketVersioningCommand({ Bucket })),
    store: (r, o) => (r.Versioning = plain({ Status: o.Status, MFADelete: o.MFADelete })),
  },
  {
    section: 'bucket-public-access-block',
    operation: 'GetPublicAccessBlock',
    absentOn: ['NoSuchPublicAccessBlockConfiguration'],
    read: (s3, Bucket) => s3.send(new GetPublicAccessBlockCommand({ Bucket })),
    store: (r, o) => (r.PublicAccessBlock = plain(o.PublicAccessBlockConfiguration)),
  },
  {
    section: 'bucket-object-lock',
    operation: 'GetObjectLockConfiguration',
    absentOn: ['ObjectLockConfigurationNotFoundError'],
    read: (s3, Bucket) => s3.send(new GetObjectLockConfigurationCommand({ Bucket })),
    store: (r, o) => (r.ObjectLock = plain(o.ObjectLockConfiguration)),
  },
  {
    section: 'bucket-logging',
    operation: 'GetBucketLogging',
    read: (s3, Bucket) => s3.send(new GetBucketLoggingCommand({ Bucket })),
    // No LoggingEnabled element means access logging is off: an empty object says "read, off".
    store: (r, o) => (r.Logging = plain(o.LoggingEnabled ?? {})),
  },
  {
    section: 'bucket-replication',
    operation: 'GetBucketReplication',
    absentOn: ['ReplicationConfigurationNotFoundError'],
    read: (s3, Bucket) => s3.send(new GetBucketReplicationCommand({ Bucket })),
    store: (r, o) => (r.Replication = plain(o.ReplicationConfiguration)),
  },
];

/** GetBucketLocation answers null for us-east-1 and "EU" for the oldest eu-west-1 buckets. */
function locationToRegion(location: string | undefined): string {
  if (!location) return 'us-east-1';
  return location === 'EU' ? 'eu-west-1' : location;
}

export async function collectBucket(session: Session, plan: Plan, name: string): Promise<BucketRecord | undefined> {
  const spec = (operation: string, region: string): CallSpec => ({ service: 's3', operation, region, resource: name, params: { Bucket: name } });
  const located = await session.call(spec('GetBucketLocation', session.globalRegion), () =>
    session.clients.get(S3Client, session.globalRegion).send(new GetBucketLocationCommand({ Bucket: name })),
  );
  // Without its region nothing else about the bucket can be read reliably; the error says why.
  if (located.kind === 'error' && located.error.errorName === 'AccessDenied') {
    // Usually a bucket in another account (a log-archive account): say so, at the cost of one call.
    const owned = await listOwnedBuckets(session);
    if (owned && !owned.has(name)) located.error.message += ` (${foreignHint('bucket', undefined)})`;
  }
  if (located.kind !== 'ok') return undefined;
  const region = locationToRegion(located.value.LocationConstraint);
  const record: BucketRecord = { Name: name, OwnerAccountId: session.accountId, Region: region };
  const s3 = session.clients.get(S3Client, region);
  await readRows(session, plan, BUCKET_SECTIONS, { client: s3, id: name, resource: record, spec: (operation) => spec(operation, region) });
  return record;
}

/** The account-level S3 Block Public Access settings (S3 Control). */
export async function collectAccountPublicAccessBlock(session: Session): Promise<PublicAccessBlockConfiguration | undefined> {
  const region = session.globalRegion;
  const outcome = await session.call(
    {
      service: 's3control',
      operation: 'GetPublicAccessBlock',
      region,
      params: { AccountId: session.accountId },
      absentOn: ['NoSuchPublicAccessBlockConfiguration'],
    },
    () => session.clients.get(S3ControlClient, region, { fixedEndpoint: true }).send(new GetAccountPublicAccessBlockCommand({ AccountId: session.accountId })),
  );
  return outcome.kind === 'ok' ? plain(outcome.value.PublicAccessBlockConfiguration) : undefined;
}

const ownedBuckets = new WeakMap<Session, Promise<Set<string> | undefined>>();

/**
 * Names of the buckets the account owns (a sweep reads each trail bucket with its owner's
 * credentials), listed once per session however many buckets ask.
 */
export function listOwnedBuckets(session: Session): Promise<Set<string> | undefined> {
  let listed = ownedBuckets.get(session);
  if (!listed) {
    listed = listBuckets(session);
    ownedBuckets.set(session, listed);
  }
  return listed;
}

async function listBuckets(session: Session): Promise<Set<string> | undefined> {
  const region = session.globalRegion;
  const s3 = session.clients.get(S3Client, region);
  const listed = await paginate(
    session,
    { service: 's3', operation: 'ListBuckets', region },
    (ContinuationToken) => s3.send(new ListBucketsCommand({ ContinuationToken })),
    (o) => o.ContinuationToken,
    (o) => o.Buckets,
  );
  return listed.complete ? new Set(listed.items.map((b) => b.Name ?? '').filter(Boolean)) : undefined;
}
