/**
 * Hashes an S3 object body. CloudTrail's logFiles.hashValue is the SHA-256 of the UNCOMPRESSED log
 * file (user guide, "CloudTrail digest file structure": "hash value of the uncompressed log file
 * content"), so the gzip body is inflated first. A typical log file is read whole and inflated in
 * one synchronous call; a large one is inflated as it streams, so memory stays bounded whatever
 * the bucket holds.
 */
import { createHash } from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, gunzipSync } from 'node:zlib';

export interface StreamHash {
  sha256: string;
  uncompressedBytes: number;
}

// Bigger output chunks mean fewer hash.update calls and stream callbacks per megabyte.
const INFLATE_CHUNK = 256 * 1024;

/**
 * Log files up to this size (gzip) are read whole and inflated synchronously: zlib's stream hands
 * every chunk to libuv's thread pool and back, which costs more CPU than inflating a log file of
 * tens of KB (twice the CPU per file: docs/verify-logs.md, Performance). At most `--concurrency`
 * such bodies are held at once.
 */
const WHOLE_FILE_MAX_GZIP = 1024 * 1024;
/** ... and inflated in one piece only up to this size; past it the bytes already read are inflated as a stream. */
const WHOLE_FILE_MAX_INFLATED = 16 * 1024 * 1024;
// gunzipSync's output chunks below this are not worth sizing to the file.
const MIN_OUTPUT_CHUNK = 16 * 1024;

/** `contentLength`: the body's size as S3 announced it (GetObject's Content-Length); absent, the body streams. */
export async function sha256OfGzipBody(body: Readable, contentLength: number | undefined): Promise<StreamHash> {
  if (contentLength === undefined || contentLength > WHOLE_FILE_MAX_GZIP) return sha256OfGzipStream(body);
  const gz = await readWhole(body);
  if (announcedSize(gz) > WHOLE_FILE_MAX_INFLATED) return sha256OfGzipStream(Readable.from([gz]));
  let inflated: Buffer;
  try {
    inflated = inflateWhole(gz);
  } catch (error) {
    if ((error as { code?: string }).code !== 'ERR_BUFFER_TOO_LARGE') throw error;
    return sha256OfGzipStream(Readable.from([gz]));
  }
  return { sha256: createHash('sha256').update(inflated).digest('hex'), uncompressedBytes: inflated.length };
}

/**
 * A gzip file inflated in one synchronous call, at most WHOLE_FILE_MAX_INFLATED bytes (past it
 * zlib's ERR_BUFFER_TOO_LARGE). Exported for bench/verify-logs.ts, whose limit inflates the same way.
 */
export function inflateWhole(gz: Buffer): Buffer {
  // The slack past the announced size lets zlib see the end of the stream without a second buffer.
  return gunzipSync(gz, { maxOutputLength: WHOLE_FILE_MAX_INFLATED, chunkSize: Math.max(announcedSize(gz) + 64, MIN_OUTPUT_CHUNK) });
}

/**
 * A gzip member ends with its inflated size mod 2^32 (RFC 1952, ISIZE). The file is not trusted:
 * the size only chooses the output buffer (so that the output comes in one piece, not copied
 * together from 16 KB chunks); maxOutputLength bounds what inflating may produce.
 */
function announcedSize(gz: Buffer): number {
  return gz.length >= 4 ? gz.readUInt32LE(gz.length - 4) : 0;
}

/** The whole body in one buffer, refusing more than `limitBytes`. */
export async function readWhole(body: Readable, limitBytes = Number.POSITIVE_INFINITY): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limitBytes) throw new Error(`larger than ${limitBytes} bytes`);
    chunks.push(chunk);
  }
  return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
}

async function sha256OfGzipStream(body: Readable): Promise<StreamHash> {
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
  return gunzipSync(await readWhole(body, limitBytes), { maxOutputLength: limitBytes });
}
