/**
 * Files that appear whole or not at all: the content goes to a temporary name beside the
 * target and is renamed over it only once every byte is on disk. A crash, a SIGINT or a
 * failing renderer leaves the previous file (or none), never a truncated one.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** Writes `content` (a string, bytes, or chunks pulled one at a time) to `path` atomically; parent folders are created. */
export async function writeFileAtomic(path: string, content: string | Uint8Array | Iterable<string> | AsyncIterable<string>): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.partial`);
  try {
    const source = typeof content === 'string' || content instanceof Uint8Array ? [content] : content;
    await pipeline(Readable.from(source), createWriteStream(temp));
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
