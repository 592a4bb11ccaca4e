/**
 * Hostile .tar.gz files built cheaply: a gzip file may hold several members, inflated one after
 * another, so gigabytes of zeros cost one small compressed MiB repeated. Nothing large is ever
 * held in memory or written to disk.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { Header } from 'tar';
import { gzipSync } from 'node:zlib';

const MIB = 1024 * 1024;
const ZEROS_MIB = gzipSync(Buffer.alloc(MIB), { level: 9 });

export interface HostileEntry {
  path: string;
  /** Zero-filled content of this many bytes (declared in the header and really present). */
  zeros: number;
}

/**
 * Writes `entries` as tar entries (each followed by its zeros), then `rest`: the bytes of another
 * .tar.gz, whose entries and end-of-archive marker follow (a real bundle, to make the archive whole).
 */
export async function writeHostileTarball(file: string, entries: HostileEntry[], rest: Buffer = gzipSync(Buffer.alloc(1024))): Promise<number> {
  const out = createWriteStream(file);
  let written = 0;
  const put = async (bytes: Buffer) => {
    written += bytes.length;
    if (!out.write(bytes)) await once(out, 'drain');
  };
  for (const entry of entries) {
    const header = new Header({ path: entry.path, mode: 0o644, size: entry.zeros, mtime: new Date(0), type: 'File' });
    header.encode();
    await put(gzipSync(header.block as Buffer));
    for (let left = entry.zeros; left > 0; left -= MIB) await put(left >= MIB ? ZEROS_MIB : gzipSync(Buffer.alloc(left)));
    const padding = (512 - (entry.zeros % 512)) % 512;
    if (padding) await put(gzipSync(Buffer.alloc(padding)));
  }
  await put(rest);
  out.end();
  await once(out, 'finish');
  return written;
}

/** A .tar.gz whose gzip layer holds another gzip stream (a bomb tar's own parser would inflate unbounded). */
export function nestedGzip(inner: Buffer): Buffer {
  return gzipSync(inner);
}
