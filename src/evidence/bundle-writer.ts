/** Writes bundle files: every file passes the secret check before it touches the disk. */
import { chmod, mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { InputError } from '../errors.js';
import { assertNoSecrets } from './redact.js';

// Fixed permissions so a tarball's entries do not depend on the exporter's umask.
const FILE_MODE = 0o644;

export class BundleWriter {
  /** Every file written so far, by bundle path. */
  readonly paths = new Set<string>();

  constructor(
    readonly root: string,
    private readonly knownSecrets: readonly string[] = [],
  ) {}

  async write(path: string, content: string | Uint8Array): Promise<void> {
    if (this.paths.has(path)) throw new InputError(`two inputs would both be stored as ${path} in the evidence bundle`);
    assertNoSecrets(content, path, this.knownSecrets);
    const full = join(this.root, path);
    await mkdir(dirname(full), { recursive: true });
    await writeFile(full, content, { mode: FILE_MODE });
    await chmod(full, FILE_MODE);
    this.paths.add(path);
  }

  async rename(from: string, to: string): Promise<void> {
    await rename(join(this.root, from), join(this.root, to));
    this.paths.delete(from);
    this.paths.add(to);
  }
}
