/** SHA256SUMS in the format `sha256sum -c` reads: `<hex>  <path>` per line, sorted by path. */
import { comparePaths } from './bundle-layout.js';
import type { ManifestEntry } from './manifest.js';

export function renderSums(entries: readonly Pick<ManifestEntry, 'path' | 'sha256'>[]): string {
  return [...entries]
    .sort((a, b) => comparePaths(a.path, b.path))
    .map((e) => `${e.sha256}  ${e.path}\n`)
    .join('');
}

/** Parses SHA256SUMS into path → hash; lines that are not `<64 hex><space><space or *><path>` are returned as malformed. */
export function parseSums(text: string): { sums: Map<string, string>; malformed: number[] } {
  const sums = new Map<string, string>();
  const malformed: number[] = [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  lines.forEach((line, i) => {
    const match = /^([0-9a-f]{64}) [ *](.+)$/.exec(line);
    if (match) sums.set(match[2]!, match[1]!);
    else malformed.push(i + 1);
  });
  return { sums, malformed };
}
