/**
 * S3 (REST-XML). Buckets are global: any account's credentials may address any bucket.
 * Access model: the owner account reads everything; another account may read when the bucket
 * policy allows it (policy.ts), except GetBucketPolicy, which AWS serves only to the owner
 * account. Configuration left out of the world answers what AWS gives a new bucket today
 * (SSE-S3 encryption, BucketOwnerEnforced, all four public access blocks on); null in the
 * world means "never configured" and gives AWS's not-found error.
 */
import { createHash } from 'node:crypto';
import { accessDenied, iso, type Ctx } from '../context.js';
import { SimError } from '../errors.js';
import { policyAllows } from '../policy.js';
import { S3_XMLNS, type S3Input, type S3Output } from '../protocols/rest-xml.js';
import type { Bucket } from '../world/model.js';

/** Operation → IAM action it needs. */
const ACTION: Record<string, string> = {
  HeadBucket: 's3:ListBucket',
  GetBucketLocation: 's3:GetBucketLocation',
  GetBucketPolicy: 's3:GetBucketPolicy',
  GetBucketPolicyStatus: 's3:GetBucketPolicyStatus',
  GetBucketAcl: 's3:GetBucketAcl',
  GetBucketOwnershipControls: 's3:GetBucketOwnershipControls',
  GetBucketEncryption: 's3:GetEncryptionConfiguration',
  GetBucketLifecycleConfiguration: 's3:GetLifecycleConfiguration',
  GetBucketVersioning: 's3:GetBucketVersioning',
  GetPublicAccessBlock: 's3:GetBucketPublicAccessBlock',
  GetObjectLockConfiguration: 's3:GetBucketObjectLockConfiguration',
  GetBucketLogging: 's3:GetBucketLogging',
  GetBucketReplication: 's3:GetReplicationConfiguration',
  GetBucketTagging: 's3:GetBucketTagging',
  ListObjectsV2: 's3:ListBucket',
  GetObject: 's3:GetObject',
  HeadObject: 's3:GetObject',
};

/** Operations AWS answers only for the bucket owner's account, whatever the bucket policy says. */
const OWNER_ONLY = new Set(['GetBucketPolicy']);

export function canonicalUserId(accountId: string): string {
  return createHash('sha256').update(`canonical/${accountId}`).digest('hex');
}

function bucketFor(ctx: Ctx, input: S3Input): Bucket {
  const bucket = input.bucket ? ctx.world.buckets.get(input.bucket) : undefined;
  if (!bucket) throw new SimError('NoSuchBucket', 'The specified bucket does not exist', 404);
  if (bucket.ownerId === ctx.account.id) return bucket;
  const action = ACTION[ctx.operation] ?? `s3:${ctx.operation}`;
  const allowed = !OWNER_ONLY.has(ctx.operation) && policyAllows(bucket.policy, { accountId: ctx.account.id, arn: ctx.caller.arn, roleArn: ctx.caller.roleArn }, action);
  if (!allowed) throw accessDenied(ctx, action, `arn:aws:s3:::${bucket.name}`);
  return bucket;
}

function notConfigured(code: string, message: string): SimError {
  return new SimError(code, message, 404);
}

function xml(root: string, content: Record<string, unknown>): S3Output {
  return { xml: { [root]: { '@_xmlns': S3_XMLNS, ...content } } };
}

function isPublicPolicy(b: Bucket): boolean {
  return (b.policy?.Statement ?? []).some(
    (s) => s.Effect === 'Allow' && !s.Condition && (s.Principal === '*' || (typeof s.Principal === 'object' && [s.Principal.AWS].flat().includes('*'))),
  );
}

function lifecycleRuleXml(r: Record<string, unknown>): Record<string, unknown> {
  const { Transitions, NoncurrentVersionTransitions, ...rest } = r;
  return { ...rest, Transition: Transitions, NoncurrentVersionTransition: NoncurrentVersionTransitions };
}

function objectHeaders(o: { body: Buffer; metadata: Record<string, string>; lastModified: Date; etag: string }): Record<string, string> {
  const headers: Record<string, string> = {
    'content-length': String(o.body.length),
    'content-type': 'application/octet-stream',
    etag: o.etag,
    'last-modified': o.lastModified.toUTCString(),
  };
  for (const [k, v] of Object.entries(o.metadata)) headers[`x-amz-meta-${k.toLowerCase()}`] = v;
  return headers;
}

function sortedKeys(b: Bucket): string[] {
  b.sortedKeys ??= [...b.objects.keys()].sort();
  return b.sortedKeys;
}

/** First index whose key is > after (keys sorted). */
function indexAfter(keys: string[], after: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((keys[mid] as string) <= after) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export const s3 = {
  ListBuckets(ctx: Ctx, input: S3Input): S3Output {
    const own = [...ctx.world.buckets.values()].filter((b) => b.ownerId === ctx.account.id).sort((a, b) => a.name.localeCompare(b.name));
    const max = input.query.get('max-buckets');
    const token = input.query.get('continuation-token');
    let list = own;
    let next: string | undefined;
    if (max || token) {
      const start = token
        ? indexAfter(
            own.map((b) => b.name),
            Buffer.from(token, 'base64url').toString(),
          )
        : 0;
      const size = Math.min(Number(max ?? 10000), ctx.pageSize ?? 10000);
      list = own.slice(start, start + size);
      if (start + size < own.length) next = Buffer.from(list[list.length - 1]?.name ?? '').toString('base64url');
    }
    return xml('ListAllMyBucketsResult', {
      Owner: { ID: canonicalUserId(ctx.account.id), DisplayName: ctx.account.spec.Name ?? ctx.account.id },
      Buckets: { Bucket: list.map((b) => ({ Name: b.name, CreationDate: iso(b.creationDate), BucketRegion: b.region })) },
      ContinuationToken: next,
    });
  },

  HeadBucket(ctx: Ctx, input: S3Input): S3Output {
    const b = bucketFor(ctx, input);
    return { headers: { 'x-amz-bucket-region': b.region } };
  },

  GetBucketLocation(ctx: Ctx, input: S3Input): S3Output {
    const b = bucketFor(ctx, input);
    return { xml: { LocationConstraint: { '@_xmlns': S3_XMLNS, '#text': b.region === 'us-east-1' ? '' : b.region } } };
  },

  GetBucketPolicy(ctx: Ctx, input: S3Input): S3Output {
    const b = bucketFor(ctx, input);
    if (b.policyText === undefined) throw notConfigured('NoSuchBucketPolicy', 'The bucket policy does not exist');
    return { headers: { 'content-type': 'application/json' }, body: Buffer.from(b.policyText) };
  },

  GetBucketPolicyStatus(ctx: Ctx, input: S3Input): S3Output {
    const b = bucketFor(ctx, input);
    if (b.policyText === undefined) throw notConfigured('NoSuchBucketPolicy', 'The bucket policy does not exist');
    return xml('PolicyStatus', { IsPublic: b.spec.PolicyStatus?.IsPublic ?? isPublicPolicy(b) });
  },

  GetBucketAcl(ctx: Ctx, input: S3Input): S3Output {
    const b = bucketFor(ctx, input);
    const owner = b.spec.Acl?.Owner ?? { ID: canonicalUserId(b.ownerId), DisplayName: b.ownerId };
    const grants = b.spec.Acl?.Grants ?? [{ Grantee: { Type: 'CanonicalUser', ID: owner.ID, DisplayName: owner.DisplayName }, Permission: 'FULL_CONTROL' }];
    return xml('AccessControlPolicy', {
      Owner: owner,
      AccessControlList: {
        Grant: grants.map(({ Grantee: { Type, ...who }, Permission }) => ({
          Grantee: { '@_xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance', '@_xsi:type': Type, ...who },
          Permission,
        })),
      },
    });
  },

  GetBucketOwnershipControls(ctx: Ctx, input: S3Input): S3Output {
    const b = bucketFor(ctx, input);
    const c = b.spec.OwnershipControls === undefined ? { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] } : b.spec.OwnershipControls;
    if (c === null) throw notConfigured('OwnershipControlsNotFoundError', 'The bucket ownership controls were not found');
    return xml('OwnershipControls', { Rule: c.Rules });
  },

  GetBucketEncryption(ctx: Ctx, input: S3Input): S3Output {
    const b = bucketFor(ctx, input);
    const e = b.spec.Encryption === undefined ? { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' }, BucketKeyEnabled: false }] } : b.spec.Encryption;
    if (e === null) throw notConfigured('ServerSideEncryptionConfigurationNotFoundError', 'The server side encryption configuration was not found');
    return xml('ServerSideEncryptionConfiguration', { Rule: e.Rules });
  },

  GetBucketLifecycleConfiguration(ctx: Ctx, input: S3Input): S3Output {
    const b = bucketFor(ctx, input);
    if (!b.spec.Lifecycle) throw notConfigured('NoSuchLifecycleConfiguration', 'The lifecycle configuration does not exist');
    return xml('LifecycleConfiguration', { Rule: b.spec.Lifecycle.Rules.map((r) => lifecycleRuleXml({ ...r })) });
  },

  GetBucketVersioning(ctx: Ctx, input: S3Input): S3Output {
    const v = bucketFor(ctx, input).spec.Versioning ?? {};
    return xml('VersioningConfiguration', { Status: v.Status, MfaDelete: v.MFADelete });
  },

  GetPublicAccessBlock(ctx: Ctx, input: S3Input): S3Output {
    const b = bucketFor(ctx, input);
    const all = { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true };
    const pab = b.spec.PublicAccessBlock === undefined ? all : b.spec.PublicAccessBlock;
    if (pab === null) throw notConfigured('NoSuchPublicAccessBlockConfiguration', 'The public access block configuration was not found');
    return xml('PublicAccessBlockConfiguration', { ...pab });
  },

  GetObjectLockConfiguration(ctx: Ctx, input: S3Input): S3Output {
    const lock = bucketFor(ctx, input).spec.ObjectLock;
    if (!lock) throw notConfigured('ObjectLockConfigurationNotFoundError', 'Object Lock configuration does not exist for this bucket');
    return xml('ObjectLockConfiguration', { ...lock });
  },

  GetBucketLogging(ctx: Ctx, input: S3Input): S3Output {
    const logging = bucketFor(ctx, input).spec.Logging;
    return xml('BucketLoggingStatus', { LoggingEnabled: logging && { TargetBucket: logging.TargetBucket, TargetPrefix: logging.TargetPrefix ?? '' } });
  },

  GetBucketReplication(ctx: Ctx, input: S3Input): S3Output {
    const r = bucketFor(ctx, input).spec.Replication;
    if (!r) throw notConfigured('ReplicationConfigurationNotFoundError', 'The replication configuration was not found');
    return xml('ReplicationConfiguration', { Role: r.Role, Rule: r.Rules });
  },

  GetBucketTagging(ctx: Ctx, input: S3Input): S3Output {
    const tags = bucketFor(ctx, input).spec.Tags;
    if (!tags?.length) throw notConfigured('NoSuchTagSet', 'The TagSet does not exist');
    return xml('Tagging', { TagSet: { Tag: tags } });
  },

  ListObjectsV2(ctx: Ctx, input: S3Input): S3Output {
    const b = bucketFor(ctx, input);
    const q = input.query;
    const prefix = q.get('prefix') ?? '';
    const delimiter = q.get('delimiter') ?? '';
    const maxKeys = Math.min(Number(q.get('max-keys') ?? 1000), ctx.pageSize ?? 1000);
    const token = q.get('continuation-token');
    const after = token ? Buffer.from(token, 'base64url').toString() : (q.get('start-after') ?? '');
    const keys = sortedKeys(b);
    const contents: Array<Record<string, unknown>> = [];
    const prefixes: string[] = [];
    let i = after ? indexAfter(keys, after) : indexAfter(keys, prefix) - (b.objects.has(prefix) ? 1 : 0);
    let last = '';
    for (; i < keys.length && contents.length + prefixes.length < maxKeys; i++) {
      const key = keys[i] as string;
      if (!key.startsWith(prefix)) {
        if (key > prefix) break;
        continue;
      }
      const cut = delimiter ? key.indexOf(delimiter, prefix.length) : -1;
      if (cut >= 0) {
        const common = key.slice(0, cut + delimiter.length);
        if (prefixes[prefixes.length - 1] !== common) prefixes.push(common);
        // Skip the rest of this common prefix.
        last = `${common}\uffff`;
        i = indexAfter(keys, last) - 1;
        continue;
      }
      const o = b.objects.get(key);
      if (!o) continue;
      contents.push({ Key: key, LastModified: iso(o.lastModified), ETag: o.etag, Size: o.body.length, StorageClass: 'STANDARD' });
      last = key;
    }
    const truncated = i < keys.length && (keys[i] as string).startsWith(prefix);
    return xml('ListBucketResult', {
      Name: b.name,
      Prefix: prefix,
      Delimiter: delimiter || undefined,
      MaxKeys: maxKeys,
      KeyCount: contents.length + prefixes.length,
      IsTruncated: truncated,
      ContinuationToken: token ?? undefined,
      NextContinuationToken: truncated ? Buffer.from(last).toString('base64url') : undefined,
      Contents: contents,
      CommonPrefixes: prefixes.map((p) => ({ Prefix: p })),
    });
  },

  GetObject(ctx: Ctx, input: S3Input): S3Output {
    const o = objectFor(ctx, input);
    return { headers: objectHeaders(o), body: o.body };
  },

  HeadObject(ctx: Ctx, input: S3Input): S3Output {
    return { headers: objectHeaders(objectFor(ctx, input)) };
  },
};

function objectFor(ctx: Ctx, input: S3Input) {
  const o = bucketFor(ctx, input).objects.get(input.key ?? '');
  if (!o) throw new SimError('NoSuchKey', 'The specified key does not exist.', 404);
  return o;
}

/** S3 Control: the account-level public access block of the caller's own account. */
export const s3control = {
  GetPublicAccessBlock(ctx: Ctx, input: S3Input): S3Output {
    const accountId = String(input.headers['x-amz-account-id'] ?? ctx.account.id);
    if (accountId !== ctx.account.id) throw accessDenied(ctx, 's3:GetAccountPublicAccessBlock', accountId);
    const pab = ctx.account.spec.PublicAccessBlock;
    if (!pab) throw notConfigured('NoSuchPublicAccessBlockConfiguration', 'The public access block configuration was not found');
    return { xml: { PublicAccessBlockConfiguration: { '@_xmlns': 'http://awss3control.amazonaws.com/doc/2018-08-20/', ...pab } } };
  },
};
