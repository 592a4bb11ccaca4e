/**
 * The .tar.gz form of a bundle, made reproducible: entries in the given (sorted) order, one
 * fixed mtime, portable headers (no uid/gid/user names), mode 0644 (set by BundleWriter), and
 * a gzip header without a timestamp or OS byte. Extraction streams to disk, so memory stays
 * flat however big the bundle is.
 */
import { create, extract } from 'tar';

export async function packTarball(root: string, sortedPaths: readonly string[], outFile: string, mtime: Date): Promise<void> {
  await create({ gzip: { level: 9 }, portable: true, noDirRecurse: true, mtime, cwd: root, file: outFile }, [...sortedPaths]);
}

/** Regular files and folders are extracted; anything else (links, devices) is skipped and returned. */
export async function extractTarball(file: string, dest: string): Promise<{ skipped: Array<{ path: string; type: string }> }> {
  const skipped: Array<{ path: string; type: string }> = [];
  await extract({
    file,
    cwd: dest,
    // Any warning (a path with `..`, a truncated archive) fails the extraction instead of being ignored.
    strict: true,
    filter: (path, entry) => {
      const type = 'type' in entry ? entry.type : 'File';
      const ok = type === 'File' || type === 'OldFile' || type === 'ContiguousFile' || type === 'Directory';
      if (!ok) skipped.push({ path, type });
      return ok;
    },
  });
  return { skipped };
}
