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
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../errors.js';
import { comparePaths, isPlainRelativePath, MANIFEST_FILE, SIGNATURE_FILE, SUMS_FILE, UNLISTED_FILES } from './bundle-layout.js';
import { hashFile, parseManifest, sha256Hex, type Manifest } from './manifest.js';
import { parsePublicKey, publicKeySha256, SIGNATURE_ALGORITHMS, verifySignature } from './sign.js';
import { parseSums, renderSums } from './sha256sums.js';
import { extractTarball } from './tarball.js';

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
  keyArn?: string;
  publicKeySha256?: string;
}

export interface VerifyReport {
  ok: boolean;
  problems: VerifyProblem[];
  /** Files whose hash was compared. */
  filesChecked: number;
  signature: SignatureCheck;
}

export interface VerifyOptions {
  /** The public key the auditor trusts (PEM or KeyObject); overrides the key embedded in the bundle. */
  publicKey?: KeyObject | string;
}

export async function verifyEvidence(bundlePath: string, options: VerifyOptions = {}): Promise<VerifyReport> {
  const info = await stat(bundlePath).catch(() => undefined);
  if (!info) throw new InputError([{ file: bundlePath, message: 'no such file or folder' }]);
  if (info.isDirectory()) return verifyFolder(bundlePath, options);
  const temp = await mkdtemp(join(tmpdir(), 'trailguard-verify-'));
  try {
    let skipped: Array<{ path: string; type: string }>;
    try {
      ({ skipped } = await extractTarball(bundlePath, temp));
    } catch (error) {
      throw new InputError([{ file: bundlePath, message: `cannot read as a .tar.gz evidence bundle: ${(error as Error).message}` }]);
    }
    const report = await verifyFolder(temp, options);
    const extra = skipped.map((s): VerifyProblem => ({ file: s.path, kind: 'extra', detail: `archive entry of type ${s.type}, not a regular file` }));
    return finish([...report.problems, ...extra], report.filesChecked, report.signature);
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

async function verifyFolder(root: string, options: VerifyOptions): Promise<VerifyReport> {
  const { files, irregular } = await walk(root);
  const problems: VerifyProblem[] = irregular.map((file) => ({ file, kind: 'unreadable', detail: 'not a regular file (a link or device); not followed' }));
  const present = new Set(files);
  const manifestText = present.has(MANIFEST_FILE) ? await readFile(join(root, MANIFEST_FILE), 'utf8') : undefined;
  const sumsText = present.has(SUMS_FILE) ? await readFile(join(root, SUMS_FILE), 'utf8') : undefined;
  if (manifestText === undefined && sumsText === undefined) {
    throw new InputError([{ file: root, message: `not an evidence bundle: neither ${MANIFEST_FILE} nor ${SUMS_FILE} is present` }]);
  }

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

  const manifestSha = manifestText === undefined ? undefined : sha256Hex(manifestText);
  const sumsAgreeOnManifest = sums?.sums.get(MANIFEST_FILE) === manifestSha;
  const signature = manifest ? await checkSignature(root, present, manifest, manifestText!, options, problems) : { status: 'unchecked' as const };
  const manifestAuthentic = manifest !== undefined && (signature.status === 'valid' || (signature.status !== 'invalid' && sumsAgreeOnManifest));

  if (manifestText !== undefined && sums && !sumsAgreeOnManifest) {
    if (manifestAuthentic) problems.push({ file: SUMS_FILE, kind: 'modified', detail: `its line for ${MANIFEST_FILE} does not match the signed manifest` });
    else problems.push({ file: MANIFEST_FILE, kind: 'modified', detail: `SHA-256 ${manifestSha} is not the one ${SUMS_FILE} records` });
  }

  // The expected files: path → hash and (from the manifest only) size.
  const expected = new Map<string, { sha256: string; size?: number; source: string }>();
  if (manifestAuthentic || (manifest && !sums)) {
    for (const f of manifest!.files) expected.set(f.path, { sha256: f.sha256, size: f.size, source: MANIFEST_FILE });
    if (sums && manifestSha && sumsText !== renderSums([...manifest!.files, { path: MANIFEST_FILE, sha256: manifestSha }]) && sumsAgreeOnManifest) {
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
    const got = await hashFile(join(root, path));
    filesChecked++;
    if (want.size !== undefined && got.size !== want.size) {
      problems.push({ file: path, kind: 'size', detail: `${got.size} bytes, ${want.source} says ${want.size}: the content changed` });
    } else if (got.sha256 !== want.sha256) {
      problems.push({ file: path, kind: 'modified', detail: `SHA-256 ${got.sha256} is not the ${want.sha256} ${want.source} records` });
    }
  }
  for (const path of files) {
    if (!expected.has(path) && !UNLISTED_FILES.includes(path)) problems.push({ file: path, kind: 'extra', detail: 'not listed in the manifest' });
  }
  if (present.has(SIGNATURE_FILE) && manifest && !manifest.signature) {
    problems.push({ file: SIGNATURE_FILE, kind: 'extra', detail: 'the manifest says the bundle is not signed' });
  }
  return finish(problems, filesChecked, signature);
}

async function checkSignature(
  root: string,
  present: Set<string>,
  manifest: Manifest,
  manifestText: string,
  options: VerifyOptions,
  problems: VerifyProblem[],
): Promise<SignatureCheck> {
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
  if (!present.has(SIGNATURE_FILE)) {
    problems.push({ file: SIGNATURE_FILE, kind: 'missing', detail: `the manifest says it is signed with ${info.algorithm}` });
    return { status: 'invalid', ...described };
  }
  let key: KeyObject;
  const checkedAgainst = options.publicKey ? 'trusted' : 'embedded';
  if (options.publicKey) {
    key = typeof options.publicKey === 'string' ? parsePublicKey(options.publicKey, '--public-key') : options.publicKey;
  } else {
    if (!present.has(info.publicKeyFile) || !isPlainRelativePath(info.publicKeyFile)) return fail(`cannot check: the embedded public key ${info.publicKeyFile} is missing`);
    try {
      key = parsePublicKey(await readFile(join(root, info.publicKeyFile)), info.publicKeyFile);
    } catch {
      return fail(`cannot check: ${info.publicKeyFile} is not a PEM public key`);
    }
  }
  const signature = await readFile(join(root, SIGNATURE_FILE));
  const fingerprint = publicKeySha256(key);
  if (!verifySignature(info.algorithm, key, Buffer.from(manifestText), signature)) {
    const which = checkedAgainst === 'trusted' ? `the trusted public key (SHA-256 ${fingerprint})` : `the embedded public key ${info.publicKeyFile}`;
    const reSigned = checkedAgainst === 'trusted' && fingerprint !== info.publicKeySha256 ? `; the bundle names another key (SHA-256 ${info.publicKeySha256}): re-signed by someone else?` : '';
    return { ...fail(`${info.algorithm} signature over ${MANIFEST_FILE} does not verify with ${which}${reSigned}`), checkedAgainst };
  }
  return { status: 'valid', checkedAgainst, ...described, publicKeySha256: fingerprint };
}

function finish(problems: VerifyProblem[], filesChecked: number, signature: SignatureCheck): VerifyReport {
  const seen = new Set<string>();
  const unique = problems
    .filter((p) => {
      const key = `${p.file}\0${p.kind}`;
      return seen.has(key) ? false : (seen.add(key), true);
    })
    .sort((a, b) => comparePaths(a.file, b.file) || comparePaths(a.kind, b.kind));
  return { ok: unique.length === 0, problems: unique, filesChecked, signature };
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
