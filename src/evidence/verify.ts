/**
 * verifyEvidence: checks a bundle (folder or .tar.gz) the way an auditor would: every file
 * against its SHA-256 and size, no file missing, no file added, SHA256SUMS consistent with
 * the manifest, and the signature over manifest.json.
 *
 * Which list is the reference: manifest.json when it is authentic (its signature verifies, or,
 * unsigned, SHA256SUMS agrees with it); otherwise SHA256SUMS, so that a changed manifest is
 * reported as the one changed file rather than as every file disagreeing with it.
 */
import type { KeyObject } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../errors.js';
import { comparePaths, isPlainRelativePath, MANIFEST_FILE, PUBLIC_KEY_FILE, SIGNATURE_FILE, SUMS_FILE, UNLISTED_FILES } from './bundle-layout.js';
import { hashFiles, parseManifest, type Manifest } from './manifest.js';
import { parsePublicKey, publicKeySha256, verifySignature } from './sign.js';
import { SIGNATURE_ALGORITHMS } from '../util/signer.js';
import { parseSums, renderSums } from './sha256sums.js';
import { digestTarball } from './tarball.js';

export type ProblemKind = 'modified' | 'missing' | 'extra' | 'size' | 'signature' | 'unreadable';

export interface VerifyProblem {
  file: string;
  kind: ProblemKind;
  detail: string;
}

export interface SignatureCheck {
  status: 'valid' | 'invalid' | 'unsigned' | 'unchecked';
  /** `trusted`: the key the caller passed; `embedded`: the bundle's own copy, which only proves consistency. */
  checkedAgainst?: 'trusted' | 'embedded';
  algorithm?: string;
  keyArn?: string | undefined;
  publicKeySha256?: string;
}

export interface VerifyReport {
  ok: boolean;
  problems: VerifyProblem[];
  /** Files whose hash was compared with the manifest (or SHA256SUMS). */
  filesChecked: number;
  /** Every file in the bundle, the sealing files included. */
  filesInBundle: number;
  /** The sealing files present: manifest.json, SHA256SUMS, manifest.sig (the manifest cannot list them). */
  sealing: string[];
  signature: SignatureCheck;
}

export interface VerifyOptions {
  /** The public key the auditor trusts (PEM or KeyObject); overrides the key embedded in the bundle. */
  publicKey?: KeyObject | string;
}

/** A bundle's files, hashed: the same view whether it is a folder or a .tar.gz. */
interface BundleContents {
  files: Map<string, { sha256: string; size: number }>;
  /** Entries that are not regular files, or appear twice. */
  problems: VerifyProblem[];
  /** The bytes of one of the small files verify reads (manifest, sums, signature, public key). */
  read(path: string): Promise<Buffer | undefined>;
}

/**
 * The files verify reads whole, and the most each may hold; everything else is only hashed as
 * it streams. A manifest of a million files is about 150 MB; the limits stop a bomb, not a sweep.
 */
const READ_LIMITS = new Map<string, number>([
  [MANIFEST_FILE, 256 * 1024 * 1024],
  [SUMS_FILE, 256 * 1024 * 1024],
  [SIGNATURE_FILE, 64 * 1024],
  [PUBLIC_KEY_FILE, 64 * 1024],
]);

/** A file read whole from a folder bundle, refused (exit 2) past its limit before it is read. */
async function readLimited(root: string, path: string): Promise<Buffer> {
  const file = join(root, path);
  const limit = READ_LIMITS.get(path) ?? 0;
  const { size } = await stat(file);
  if (size > limit) throw new InputError([{ file, message: `is ${size} bytes; an evidence bundle's ${path} is at most ${limit} bytes` }]);
  return readFile(file);
}

export async function verifyEvidence(bundlePath: string, options: VerifyOptions = {}): Promise<VerifyReport> {
  const info = await stat(bundlePath).catch(() => undefined);
  if (!info) throw new InputError([{ file: bundlePath, message: 'no such file or folder' }]);
  const contents = info.isDirectory() ? await folderContents(bundlePath) : await tarballContents(bundlePath);
  if (!contents.files.has(MANIFEST_FILE) && !contents.files.has(SUMS_FILE)) {
    throw new InputError([{ file: bundlePath, message: `not an evidence bundle: neither ${MANIFEST_FILE} nor ${SUMS_FILE} is present` }]);
  }
  return verifyContents(contents, options);
}

async function folderContents(root: string): Promise<BundleContents> {
  const { files, irregular } = await walk(root);
  const hashed = await hashFiles(root, files);
  return {
    files: new Map(hashed.map((f) => [f.path, { sha256: f.sha256, size: f.size }])),
    problems: irregular.map((file) => ({ file, kind: 'unreadable', detail: 'not a regular file (a link or device); not followed' })),
    read: async (path) => (files.includes(path) ? readLimited(root, path) : undefined),
  };
}

async function tarballContents(file: string): Promise<BundleContents> {
  const files = new Map<string, { sha256: string; size: number }>();
  const kept = new Map<string, Buffer>();
  const problems: VerifyProblem[] = [];
  try {
    await digestTarball(
      file,
      (path) => READ_LIMITS.get(path),
      (entry) => {
        if (entry.type === 'Directory') return;
        if (!isPlainRelativePath(entry.path)) problems.push({ file: entry.path, kind: 'extra', detail: 'archive entry with a path outside the bundle' });
        else if (!entry.regular) problems.push({ file: entry.path, kind: 'unreadable', detail: `archive entry of type ${entry.type}, not a regular file` });
        else if (files.has(entry.path)) problems.push({ file: entry.path, kind: 'extra', detail: 'appears twice in the archive' });
        else {
          files.set(entry.path, { sha256: entry.sha256, size: entry.size });
          if (entry.content) kept.set(entry.path, entry.content);
        }
      },
    );
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError([{ file, message: `cannot read as a .tar.gz evidence bundle: ${(error as Error).message}` }]);
  }
  return { files, problems, read: async (path) => kept.get(path) };
}

async function verifyContents(contents: BundleContents, options: VerifyOptions): Promise<VerifyReport> {
  const problems = [...contents.problems];
  const present = contents.files;
  const manifestBytes = await contents.read(MANIFEST_FILE);
  const manifestText = manifestBytes?.toString('utf8');
  const sumsText = (await contents.read(SUMS_FILE))?.toString('utf8');

  const parsed = manifestText === undefined ? undefined : parseManifest(manifestText);
  const manifest = typeof parsed === 'object' && parsed.files.every((f) => isPlainRelativePath(f.path)) ? parsed : undefined;
  if (manifestText === undefined) problems.push({ file: MANIFEST_FILE, kind: 'missing', detail: 'the signed list of files is gone' });
  else if (!manifest) problems.push({ file: MANIFEST_FILE, kind: 'unreadable', detail: typeof parsed === 'string' ? parsed : 'a file path leaves the bundle' });

  const sums = sumsText === undefined ? undefined : parseSums(sumsText);
  if (!sums) problems.push({ file: SUMS_FILE, kind: 'missing', detail: 'the sha256sum list is gone' });
  const sumsPaths = [...(sums?.sums.keys() ?? [])];
  if (sums && (sums.malformed.length > 0 || !sumsPaths.every(isPlainRelativePath))) {
    problems.push({ file: SUMS_FILE, kind: 'modified', detail: `malformed line(s) ${sums.malformed.join(', ') || 'with a path outside the bundle'}` });
  }

  const manifestSha = present.get(MANIFEST_FILE)?.sha256;
  const sumsAgreeOnManifest = sums?.sums.get(MANIFEST_FILE) === manifestSha;
  const signature = manifest ? await checkSignature(contents, manifest, manifestBytes!, options, problems) : { status: 'unchecked' as const };
  const manifestAuthentic = manifest !== undefined && (signature.status === 'valid' || (signature.status !== 'invalid' && sumsAgreeOnManifest));

  if (manifestText !== undefined && sums && !sumsAgreeOnManifest) {
    if (manifestAuthentic) problems.push({ file: SUMS_FILE, kind: 'modified', detail: `its line for ${MANIFEST_FILE} does not match the signed manifest` });
    else problems.push({ file: MANIFEST_FILE, kind: 'modified', detail: `SHA-256 ${manifestSha} is not the one ${SUMS_FILE} records` });
  }

  // The expected files: path → hash and (from the manifest only) size.
  const expected = new Map<string, { sha256: string; size?: number; source: string }>();
  if (manifestAuthentic || (manifest && !sums)) {
    for (const f of manifest.files) expected.set(f.path, { sha256: f.sha256, size: f.size, source: MANIFEST_FILE });
    if (sums && manifestSha && sumsText !== renderSums([...manifest.files, { path: MANIFEST_FILE, sha256: manifestSha }]) && sumsAgreeOnManifest) {
      problems.push({ file: SUMS_FILE, kind: 'modified', detail: `does not list exactly the files and hashes of ${MANIFEST_FILE}` });
    }
  } else if (sums) {
    for (const [path, sha256] of sums.sums) if (path !== MANIFEST_FILE && isPlainRelativePath(path)) expected.set(path, { sha256, source: SUMS_FILE });
  }

  let filesChecked = 0;
  for (const [path, want] of [...expected].sort(([a], [b]) => comparePaths(a, b))) {
    if (!present.has(path)) {
      problems.push({ file: path, kind: 'missing', detail: `listed in ${want.source} but not in the bundle` });
      continue;
    }
    const got = present.get(path)!;
    filesChecked++;
    if (want.size !== undefined && got.size !== want.size) {
      problems.push({ file: path, kind: 'size', detail: `${got.size} bytes, ${want.source} says ${want.size}: the content changed` });
    } else if (got.sha256 !== want.sha256) {
      problems.push({ file: path, kind: 'modified', detail: `SHA-256 ${got.sha256} is not the ${want.sha256} ${want.source} records` });
    }
  }
  for (const path of present.keys()) {
    if (!expected.has(path) && !UNLISTED_FILES.includes(path)) problems.push({ file: path, kind: 'extra', detail: 'not listed in the manifest' });
  }
  if (present.has(SIGNATURE_FILE) && manifest && !manifest.signature) {
    problems.push({ file: SIGNATURE_FILE, kind: 'extra', detail: 'the manifest says the bundle is not signed' });
  }
  return finish(
    problems,
    filesChecked,
    present.size,
    UNLISTED_FILES.filter((f) => present.has(f)),
    signature,
  );
}

async function checkSignature(contents: BundleContents, manifest: Manifest, manifestBytes: Buffer, options: VerifyOptions, problems: VerifyProblem[]): Promise<SignatureCheck> {
  const info = manifest.signature;
  if (!info) {
    if (options.publicKey) problems.push({ file: MANIFEST_FILE, kind: 'signature', detail: 'the bundle is not signed, but a trusted public key was given' });
    return { status: 'unsigned' };
  }
  const described = { algorithm: info.algorithm, keyArn: info.keyArn, publicKeySha256: info.publicKeySha256 };
  const fail = (detail: string): SignatureCheck => {
    problems.push({ file: SIGNATURE_FILE, kind: 'signature', detail });
    return { status: 'invalid', ...described };
  };
  if (!SIGNATURE_ALGORITHMS.includes(info.algorithm)) return fail(`unknown signature algorithm ${JSON.stringify(info.algorithm)}`);
  const signature = await contents.read(SIGNATURE_FILE);
  if (!signature) {
    problems.push({ file: SIGNATURE_FILE, kind: 'missing', detail: `the manifest says it is signed with ${info.algorithm}` });
    return { status: 'invalid', ...described };
  }
  let key: KeyObject;
  const checkedAgainst = options.publicKey ? 'trusted' : 'embedded';
  if (options.publicKey) {
    key = typeof options.publicKey === 'string' ? parsePublicKey(options.publicKey, '--public-key') : options.publicKey;
  } else {
    const embedded = info.publicKeyFile === PUBLIC_KEY_FILE ? await contents.read(PUBLIC_KEY_FILE) : undefined;
    if (!embedded) return fail(`cannot check: the embedded public key ${info.publicKeyFile} is missing`);
    try {
      key = parsePublicKey(embedded, info.publicKeyFile);
    } catch {
      return fail(`cannot check: ${info.publicKeyFile} is not a PEM public key`);
    }
  }
  const fingerprint = publicKeySha256(key);
  if (!verifySignature(info.algorithm, key, manifestBytes, signature)) {
    const which = checkedAgainst === 'trusted' ? `the trusted public key (SHA-256 ${fingerprint})` : `the embedded public key ${info.publicKeyFile}`;
    const reSigned =
      checkedAgainst === 'trusted' && fingerprint !== info.publicKeySha256 ? `; the bundle names another key (SHA-256 ${info.publicKeySha256}): re-signed by someone else?` : '';
    return { ...fail(`${info.algorithm} signature over ${MANIFEST_FILE} does not verify with ${which}${reSigned}`), checkedAgainst };
  }
  return { status: 'valid', checkedAgainst, ...described, publicKeySha256: fingerprint };
}

function finish(problems: VerifyProblem[], filesChecked: number, filesInBundle: number, sealing: string[], signature: SignatureCheck): VerifyReport {
  const seen = new Set<string>();
  const unique = problems
    .filter((p) => {
      const key = `${p.file}\0${p.kind}`;
      return seen.has(key) ? false : (seen.add(key), true);
    })
    .sort((a, b) => comparePaths(a.file, b.file) || comparePaths(a.kind, b.kind));
  return { ok: unique.length === 0, problems: unique, filesChecked, filesInBundle, sealing, signature };
}

/** Every regular file under root (POSIX relative paths), and anything else found (links are never followed). */
async function walk(root: string): Promise<{ files: string[]; irregular: string[] }> {
  const files: string[] = [];
  const irregular: string[] = [];
  const visit = async (dir: string, prefix: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await visit(join(dir, entry.name), rel);
      else if (entry.isFile()) files.push(rel);
      else irregular.push(rel);
    }
  };
  await visit(root, '');
  return { files: files.sort(comparePaths), irregular };
}
