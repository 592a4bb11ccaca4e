/**
 * manifest.json: the SHA-256 and size of every file in the bundle (except the files made from
 * the manifest itself), plus who signed it and how. It is the document the signature covers.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import pLimit from 'p-limit';
import { stableStringify } from '../util/stable-json.js';
import { comparePaths } from './bundle-layout.js';
import type { SignatureInfo } from './sign.js';

export interface ManifestEntry {
  path: string;
  sha256: string;
  size: number;
}

export interface Manifest {
  schemaVersion: 1;
  runId: string;
  tool: { name: string; version: string };
  hashAlgorithm: 'sha256';
  /** Sorted by path, bytewise. */
  files: ManifestEntry[];
  /** Absent when the bundle was exported without a signing key. */
  signature?: SignatureInfo;
}

/** Hashes a file as a stream, so a bundle of any size is hashed in constant memory. */
export async function hashFile(path: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), size };
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

// Small files dominate a bundle (one per API response): overlap their reads a little.
const HASH_CONCURRENCY = 8;

/** Hashes the listed files under `root`, returning entries sorted by path. */
export async function hashFiles(root: string, paths: readonly string[]): Promise<ManifestEntry[]> {
  const limit = pLimit(HASH_CONCURRENCY);
  const entries = await Promise.all(paths.map((path) => limit(async () => ({ path, ...(await hashFile(join(root, path))) }))));
  return entries.sort((a, b) => comparePaths(a.path, b.path));
}

export function renderManifest(manifest: Manifest): string {
  return `${stableStringify(manifest)}\n`;
}

/** Parses manifest.json; returns a reason instead of throwing, since a tampered manifest is a finding. */
export function parseManifest(text: string): Manifest | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return `not valid JSON (${(error as Error).message})`;
  }
  const m = value as Partial<Manifest> | null;
  if (!m || typeof m !== 'object' || m.schemaVersion !== 1 || !Array.isArray(m.files)) {
    return 'not a trailguard evidence manifest (schemaVersion 1 with a files list)';
  }
  for (const entry of m.files as unknown[]) {
    const e = entry as Partial<ManifestEntry> | null;
    if (!e || typeof e.path !== 'string' || typeof e.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(e.sha256) || typeof e.size !== 'number') {
      return `malformed file entry ${JSON.stringify(entry)}`;
    }
  }
  return m as Manifest;
}
