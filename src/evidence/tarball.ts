/**
 * The .tar.gz form of a bundle. Packing is reproducible: entries in the given (sorted) order,
 * one fixed mtime, portable headers (no uid/gid/user names), mode 0644 (set by BundleWriter),
 * and a gzip header without a timestamp or OS byte. Reading hashes each entry as it streams
 * past, so a bundle of any size is checked without extracting it or holding it in memory.
 */
import { createHash } from 'node:crypto';
import { create, list } from 'tar';

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

/** Streams every entry of a .tar.gz to `onEntry`; throws on a damaged archive. */
export async function digestTarball(file: string, keep: (path: string) => boolean, onEntry: (entry: TarEntryDigest) => void): Promise<void> {
  await list({
    file,
    // Any warning (a truncated or corrupt archive) fails the read instead of being ignored.
    strict: true,
    onReadEntry: (entry) => {
      const path = entry.path.replace(/^(\.\/)+/, '');
      const hash = createHash('sha256');
      const regular = FILE_TYPES.has(entry.type);
      const chunks: Buffer[] | undefined = regular && keep(path) ? [] : undefined;
      let size = 0;
      entry.on('data', (chunk: Buffer) => {
        hash.update(chunk);
        size += chunk.length;
        chunks?.push(chunk);
      });
      entry.on('end', () =>
        onEntry({ path, type: entry.type, regular, sha256: hash.digest('hex'), size, ...(chunks ? { content: Buffer.concat(chunks) } : {}) }),
      );
    },
  });
}
