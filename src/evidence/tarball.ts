/**
 * The .tar.gz form of a bundle. Packing is reproducible: entries in the given (sorted) order,
 * one fixed mtime, portable headers (no uid/gid/user names), mode 0644 (set by BundleWriter),
 * and a gzip header without a timestamp or OS byte. Reading streams: the file is inflated
 * chunk by chunk under backpressure and each entry is hashed as it streams past, so a bundle of
 * any size (or a decompression bomb) is checked in constant memory, never extracted.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { create, Parser, type ReadEntry } from 'tar';
import { InputError } from '../errors.js';

export async function packTarball(root: string, sortedPaths: readonly string[], outFile: string, mtime: Date): Promise<void> {
  await create({ gzip: { level: 9 }, portable: true, noDirRecurse: true, mtime, cwd: root, file: outFile }, [...sortedPaths]);
}

export interface TarEntryDigest {
  /** The entry's path as stored, without a leading `./`. */
  path: string;
  /** tar's entry type: File, Directory, SymbolicLink, Link, ... */
  type: string;
  /** A regular file (whatever tar variant stored it). */
  regular: boolean;
  sha256: string;
  size: number;
  /** The entry's bytes, for the entries `keep` selected. */
  content?: Buffer;
}

const FILE_TYPES = new Set(['File', 'OldFile', 'ContiguousFile']);

/** Inflated bytes per chunk: what one read of the archive may cost in memory. */
const INFLATE_CHUNK = 64 * 1024;

/**
 * Streams every entry of a .tar.gz to `onEntry`; throws on a damaged archive.
 * @param keep for an entry whose bytes the caller wants, the most it may hold; larger is an
 *   InputError (exit 2) raised from its header, before any of it is read
 */
export async function digestTarball(file: string, keep: (path: string) => number | undefined, onEntry: (entry: TarEntryDigest) => void): Promise<void> {
  let failure: Error | undefined;
  const parser = new Parser({
    // Any warning (a truncated or corrupt archive) fails the read instead of being ignored.
    strict: true,
    // The gzip layer is inflated below, under backpressure; a second compression layer inside is refused there.
    brotli: false,
    zstd: false,
    onReadEntry: (entry) => {
      try {
        digestEntry(file, entry, keep, onEntry);
      } catch (error) {
        failure ??= error as Error;
        entry.resume();
      }
    },
  });
  const parsed = new Promise<void>((resolve, reject) => {
    parser.on('end', resolve);
    parser.on('error', reject);
  });
  // The parser reports failure by event; keep the promise handled until it is awaited.
  parsed.catch(() => undefined);
  const feed = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (failure) return done(failure);
      // Entries are consumed synchronously (hashed), so the parser never holds more than a chunk.
      parser.write(chunk);
      done(failure);
    },
    final(done) {
      parser.end();
      done(failure);
    },
  });
  await pipeline(createReadStream(file), createGunzip({ chunkSize: INFLATE_CHUNK }), refuseNestedCompression(file), feed);
  await parsed;
  if (failure) throw failure;
}

function digestEntry(file: string, entry: ReadEntry, keep: (path: string) => number | undefined, onEntry: (entry: TarEntryDigest) => void): void {
  const path = entry.path.replace(/^(\.\/)+/, '');
  const hash = createHash('sha256');
  const regular = FILE_TYPES.has(entry.type);
  const limit = regular ? keep(path) : undefined;
  if (limit !== undefined && (entry.size ?? 0) > limit) {
    throw new InputError([{ file, message: `entry ${JSON.stringify(path)} is ${entry.size} bytes; an evidence bundle's ${path} is at most ${limit} bytes` }]);
  }
  const chunks: Buffer[] | undefined = limit !== undefined ? [] : undefined;
  let size = 0;
  entry.on('data', (chunk: Buffer) => {
    hash.update(chunk);
    size += chunk.length;
    chunks?.push(chunk);
  });
  entry.on('end', () => onEntry({ path, type: entry.type, regular, sha256: hash.digest('hex'), size, ...(chunks ? { content: Buffer.concat(chunks) } : {}) }));
}

/** A tar archive starts with a header; gzip or zstd magic there is a second layer the parser would inflate unbounded. */
function refuseNestedCompression(file: string): Transform {
  let first = true;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (first && ((chunk[0] === 0x1f && chunk[1] === 0x8b) || chunk.subarray(0, 4).equals(Buffer.from([0x28, 0xb5, 0x2f, 0xfd])))) {
        return done(new InputError([{ file, message: 'holds another compressed stream inside its gzip layer, not a tar archive' }]));
      }
      first = false;
      done(null, chunk);
    },
  });
}
