/**
 * Hashes an S3 object body as it arrives. CloudTrail's logFiles.hashValue is the SHA-256 of the
 * UNCOMPRESSED log file (user guide, "CloudTrail digest file structure": "hash value of the
 * uncompressed log file content"), so the gzip body is inflated on the way: nothing is buffered
 * beyond zlib's window and one chunk.
 */
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, gunzipSync } from 'node:zlib';

export interface StreamHash {
  sha256: string;
  uncompressedBytes: number;
}

// Bigger output chunks mean fewer hash.update calls and stream callbacks per megabyte.
const INFLATE_CHUNK = 256 * 1024;

export async function sha256OfGzipStream(body: Readable): Promise<StreamHash> {
  const hash = createHash('sha256');
  let uncompressedBytes = 0;
  await pipeline(
    body,
    createGunzip({ chunkSize: INFLATE_CHUNK }),
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        uncompressedBytes += chunk.length;
        hash.update(chunk);
        done();
      },
    }),
  );
  return { sha256: hash.digest('hex'), uncompressedBytes };
}

/** Digests are small (one hour's list of keys); read and inflate one whole, refusing absurd sizes either side of gzip. */
export async function inflateSmallObject(body: Readable, limitBytes = 64 * 1024 * 1024): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limitBytes) throw new Error(`larger than ${limitBytes} bytes`);
    chunks.push(chunk);
  }
  return gunzipSync(Buffer.concat(chunks), { maxOutputLength: limitBytes });
}
