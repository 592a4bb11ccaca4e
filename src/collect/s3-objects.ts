/**
 * Reading a log bucket's objects for verify-logs: list keys page by page, list "folders", and open
 * an object as a stream. Failures are thrown as the SDK raised them; the caller decides which are
 * data (a missing key is a deleted file) and which stop the run (the bucket can't be listed).
 */
import { GetObjectCommand, ListObjectsV2Command, NoSuchKey, S3Client, paginateListObjectsV2 } from '@aws-sdk/client-s3';
import type { Readable } from 'node:stream';

/** An S3 client that follows the 301 a bucket in another region answers with (log buckets often are). */
export class BucketS3Client extends S3Client {
  constructor(config: ConstructorParameters<typeof S3Client>[0]) {
    super({ ...config, followRegionRedirects: true });
  }
}

export interface ListedObject {
  key: string;
  size: number;
}

/** Every key under prefix (after startAfter), one page at a time, as S3 paginates. */
export async function* listObjectPages(s3: S3Client, bucket: string, prefix: string, startAfter?: string): AsyncGenerator<ListedObject[]> {
  const pages = paginateListObjectsV2({ client: s3 }, { Bucket: bucket, Prefix: prefix, ...(startAfter ? { StartAfter: startAfter } : {}) });
  for await (const page of pages) {
    yield (page.Contents ?? []).filter((o) => o.Key !== undefined).map((o) => ({ key: o.Key as string, size: o.Size ?? 0 }));
  }
}

/** The "sub-folders" directly under prefix (CommonPrefixes with delimiter "/"), as full prefixes. */
export async function listFolders(s3: S3Client, bucket: string, prefix: string): Promise<string[]> {
  const folders: string[] = [];
  let token: string | undefined;
  do {
    const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, Delimiter: '/', ...(token ? { ContinuationToken: token } : {}) }));
    for (const p of page.CommonPrefixes ?? []) if (p.Prefix) folders.push(p.Prefix);
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return folders;
}

export interface OpenedObject {
  body: Readable;
  /** User metadata without the x-amz-meta- prefix (S3 lower-cases the names). */
  metadata: Record<string, string>;
  contentLength?: number;
}

/** GetObject as a stream; undefined when the key does not exist. */
export async function openObject(s3: S3Client, bucket: string, key: string): Promise<OpenedObject | undefined> {
  try {
    const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    return {
      body: out.Body as Readable,
      metadata: out.Metadata ?? {},
      ...(out.ContentLength !== undefined ? { contentLength: out.ContentLength } : {}),
    };
  } catch (error) {
    if (error instanceof NoSuchKey) return undefined;
    throw error;
  }
}
