/**
 * exportEvidence: writes an auditor evidence bundle (a folder, or a .tar.gz when the path ends
 * so). The bundle is assembled in a staging folder and moved into place only when complete, so
 * a failure (a secret found, a KMS error) never leaves a half-written bundle behind.
 */
import { mkdir, mkdtemp, readdir, rename, rm, rmdir, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { TOOL } from '../package-info.js';
import { InputError } from '../errors.js';
import { stableStringify } from '../util/stable-json.js';
import {
  comparePaths,
  CONFIG_DIR,
  INDEX_FILE,
  INVENTORY_FILE,
  MANIFEST_FILE,
  namedPath,
  PUBLIC_KEY_FILE,
  RAW_DIR,
  README_FILE,
  REPORTS_DIR,
  RESULTS_FILE,
  rulePath,
  RUN_FILE,
  SIGNATURE_FILE,
  SUMS_FILE,
  UNLISTED_FILES,
  verifyLogsPath,
  WAIVERS_DIR,
} from './bundle-layout.js';
import { BundleWriter } from './bundle-writer.js';
import { renderIndexHtml } from './index-html.js';
import { hashFiles, renderManifest, sha256Hex, type Manifest } from './manifest.js';
import { verifyLogsSummary, type BundleOverview } from './overview.js';
import { writeRawRecords } from './raw-records.js';
import { renderReadme } from './readme-txt.js';
import { buildRunRecord } from './run-record.js';
import { parsePublicKey, publicKeySha256, type SignatureInfo } from './sign.js';
import type { Signer } from '../util/signer.js';
import { renderSums } from './sha256sums.js';
import { packTarball } from './tarball.js';
import type { EvidenceInput, RunRecord } from './types.js';

export interface ExportOptions {
  /** Signs manifest.json. Without one the bundle is hashed but unsigned. */
  signer?: Signer;
  /** ISO time recorded as run.json's export.exportedAt; defaults to now. */
  exportedAt?: string;
  /** The credentials the run used (secret keys, session tokens): the export aborts if one appears in any file. */
  knownSecrets?: string[];
}

export interface ExportSummary {
  /** The folder or .tar.gz written. */
  path: string;
  /** Number of files in the bundle: those manifest.json lists, plus the (up to) three that seal it. */
  files: number;
  /** Files manifest.json lists (what `evidence verify` compares one by one). */
  listed: number;
  /** manifest.json, SHA256SUMS and, when signed, manifest.sig. */
  sealing: string[];
  /** SHA-256 of manifest.json: quote it to pin this exact bundle. */
  manifestSha256: string;
}

export async function exportEvidence(input: EvidenceInput, outPath: string, options: ExportOptions = {}): Promise<ExportSummary> {
  const out = resolve(outPath);
  const tarball = out.endsWith('.tar.gz');
  await checkOutPath(out, tarball);
  // The scan's start time dates every tarball entry: meaningful to a reader, and fixed for fixed inputs.
  const mtime = isoTime(input.run.startedAt, 'run.startedAt');
  isoTime(input.run.endedAt, 'run.endedAt');
  await mkdir(dirname(out), { recursive: true });
  // Staged beside the destination, so the final rename never crosses filesystems.
  const staging = await mkdtemp(`${out}.partial-`);
  const partialTarball = `${staging}.tar.gz`;
  try {
    const { paths, listed, manifestSha256 } = await writeBundle(input, staging, options);
    if (tarball) {
      await packTarball(staging, paths, partialTarball, mtime);
      await rename(partialTarball, out);
    } else {
      await rmdir(out).catch(() => undefined);
      await rename(staging, out);
    }
    return { path: out, files: paths.length, listed, sealing: paths.filter((p) => UNLISTED_FILES.includes(p)), manifestSha256 };
  } finally {
    await rm(staging, { recursive: true, force: true });
    await rm(partialTarball, { force: true });
  }
}

/** How many files, and why the count exceeds what manifest.json lists: one wording for export, scan and verify. */
export function describeFileCount(files: number, listed: number, sealing: readonly string[]): string {
  return `${files} files: ${listed} listed in ${MANIFEST_FILE}, and ${UNLISTED_FILES.filter((f) => sealing.includes(f)).join(', ')} sealing them`;
}

async function checkOutPath(out: string, tarball: boolean): Promise<void> {
  const existing = await stat(out).catch(() => undefined);
  if (!existing) return;
  if (tarball) throw new InputError([{ file: out, message: 'already exists; evidence is never overwritten' }]);
  if (!existing.isDirectory()) throw new InputError([{ file: out, message: 'exists and is not a folder' }]);
  if ((await readdir(out)).length > 0) throw new InputError([{ file: out, message: 'is a folder that is not empty; evidence goes into a new or empty folder' }]);
}

function isoTime(value: string, what: string): Date {
  const time = new Date(value);
  if (typeof value !== 'string' || Number.isNaN(time.getTime())) throw new InputError(`${what} ${JSON.stringify(value)} is not an ISO-8601 time`);
  return time;
}

async function writeBundle(input: EvidenceInput, root: string, options: ExportOptions): Promise<{ paths: string[]; listed: number; manifestSha256: string }> {
  const writer = new BundleWriter(root, options.knownSecrets);
  const json = (value: unknown) => `${stableStringify(value)}\n`;

  const described = options.signer ? await options.signer.describe() : undefined;
  const signature: SignatureInfo | undefined = described && {
    algorithm: described.algorithm,
    file: SIGNATURE_FILE,
    publicKeyFile: PUBLIC_KEY_FILE,
    publicKeySha256: publicKeySha256(parsePublicKey(described.publicKeyPem, 'signer public key')),
    ...(described.keyArn ? { keyArn: described.keyArn } : {}),
  };

  const run = buildRunRecord(input);
  await writer.write(
    RUN_FILE,
    json({
      ...run,
      export: {
        exportedAt: options.exportedAt ?? new Date().toISOString(),
        tool: TOOL,
        ...(signature ? { signature: { algorithm: signature.algorithm, publicKeySha256: signature.publicKeySha256, keyArn: signature.keyArn } } : {}),
      },
    } satisfies RunRecord),
  );
  await writer.write(INVENTORY_FILE, json(input.inventory));
  await writer.write(RESULTS_FILE, json(input.results));
  for (const rule of input.rules) await writer.write(rulePath(rule.pack, rule.relativePath), rule.content);
  if (input.config) await writer.write(namedPath(CONFIG_DIR, input.config.name), input.config.content);
  if (input.waivers) await writer.write(namedPath(WAIVERS_DIR, input.waivers.name), input.waivers.content);
  for (const report of input.reports ?? []) await writer.write(namedPath(REPORTS_DIR, report.name), report.content);
  for (const v of input.verifyLogs ?? []) if ('report' in v) await writer.write(verifyLogsPath(v.trailArn), json(v.report));
  const rawFolders = input.raw ? await writeRawRecords(input.raw, writer) : [];
  if (described) await writer.write(PUBLIC_KEY_FILE, described.publicKeyPem);

  const overview: BundleOverview = {
    run,
    summary: input.results.summary,
    results: input.results.results,
    files: [...writer.paths, INDEX_FILE, README_FILE].filter((p) => !p.startsWith(`${RAW_DIR}/`)).sort(comparePaths),
    rawFolders,
    verifyLogs: (input.verifyLogs ?? [])
      .map((v) => ({ trailArn: v.trailArn, ...('report' in v ? { file: verifyLogsPath(v.trailArn) } : {}), summary: verifyLogsSummary(v) }))
      .sort((a, b) => comparePaths(a.trailArn, b.trailArn)),
    ...(signature ? { signature } : {}),
  };
  await writer.write(INDEX_FILE, renderIndexHtml(overview));
  await writer.write(README_FILE, renderReadme(overview));

  const files = await hashFiles(root, [...writer.paths]);
  const manifestText = renderManifest({
    schemaVersion: 1,
    runId: run.runId,
    tool: TOOL,
    hashAlgorithm: 'sha256',
    files,
    ...(signature ? { signature } : {}),
  } satisfies Manifest);
  await writer.write(MANIFEST_FILE, manifestText);
  const manifestSha256 = sha256Hex(manifestText);
  if (options.signer) await writer.write(SIGNATURE_FILE, await options.signer.sign(Buffer.from(manifestText)));
  await writer.write(SUMS_FILE, renderSums([...files, { path: MANIFEST_FILE, sha256: manifestSha256 }]));
  return { paths: [...writer.paths].sort(comparePaths), listed: files.length, manifestSha256 };
}
