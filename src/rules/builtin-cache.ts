/**
 * The built-in pack, parsed and checked once at build time into dist/builtin-rules.json:
 * parsing 700 kB of YAML with source positions and compiling the rule schema was most of
 * `rules list`'s start-up. An entry is written only for a file that passed every check, and
 * holds the SHA-256 of its text: a file with the same text passed them, and any edited file
 * is parsed and checked afresh, so the YAML stays the one source of truth. The cache sits
 * beside the compiled code that wrote it: running from src/ (tests, tsx) never uses it.
 * It keeps the positions of the top two levels (a rule's id and test cases, all a valid rule
 * records); anything deeper parses the file again to locate it.
 */
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseYamlFile, type Position, type Positions, type YamlFile, type YamlPath } from '../documents/yaml-file.js';

export const BUILTIN_CACHE_FILE = join(dirname(fileURLToPath(import.meta.url)), '..', 'builtin-rules.json');
const FORMAT = 1;
const DEPTH = 2;

interface Entry {
  sha256: string;
  value: unknown;
  /** "node:<path>" and "key:<path>" → [line, column]. */
  positions: Record<string, [number, number]>;
}

interface CacheFile {
  format: number;
  files: Record<string, Entry>;
}

const nodeKey = (path: YamlPath) => `node:${JSON.stringify(path.map(String))}`;
const keyKey = (path: YamlPath, key: string) => `key:${JSON.stringify([...path.map(String), key])}`;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

let cache: CacheFile | null | undefined;

function loadCache(): CacheFile | null {
  if (cache === undefined) {
    try {
      const parsed = JSON.parse(readFileSync(BUILTIN_CACHE_FILE, 'utf8')) as CacheFile;
      cache = parsed.format === FORMAT ? parsed : null;
    } catch {
      cache = null; // not built (running from source): parse the YAML
    }
  }
  return cache;
}

/** The parsed file from the cache when its text is the one that was cached; undefined otherwise. */
export function cachedRuleFile(rulesDir: string, path: string, file: string, text: string): YamlFile | undefined {
  const entry = loadCache()?.files[relative(rulesDir, path)];
  if (!entry || entry.sha256 !== sha256(text)) return undefined;
  let full: Positions | undefined;
  const parsed = () => (full ??= parseYamlFile(file, text).yaml.positions);
  const position = (key: string): Position | undefined => {
    const at = entry.positions[key];
    return at && { line: at[0], column: at[1] };
  };
  const positions: Positions = {
    node: (path) => (path.length <= DEPTH ? position(nodeKey(path)) : parsed().node(path)),
    key: (path, key) => (path.length < DEPTH ? position(keyKey(path, key)) : parsed().key(path, key)),
  };
  return { file, text, value: entry.value, positions, checked: true };
}

/** Forgets the cache (before a build checks every file afresh). */
export function removeBuiltinCache(): void {
  rmSync(BUILTIN_CACHE_FILE, { force: true });
  cache = undefined;
}

/** Writes the cache for `files`, which the caller has just loaded and checked without it. */
export function writeBuiltinCache(rulesDir: string, files: string[]): void {
  const out: CacheFile = { format: FORMAT, files: {} };
  for (const path of files) {
    const text = readFileSync(path, 'utf8');
    const { yaml } = parseYamlFile(path, text);
    const positions: Entry['positions'] = {};
    const walk = (value: unknown, path: YamlPath) => {
      const node = yaml.positions.node(path);
      if (node) positions[nodeKey(path)] = [node.line, node.column];
      if (path.length >= DEPTH || value === null || typeof value !== 'object') return;
      for (const [k, child] of Object.entries(value)) {
        const step = Array.isArray(value) ? Number(k) : k;
        if (!Array.isArray(value)) {
          const key = yaml.positions.key(path, k);
          if (key) positions[keyKey(path, k)] = [key.line, key.column];
        }
        walk(child, [...path, step]);
      }
    };
    walk(yaml.value, []);
    out.files[relative(rulesDir, path)] = { sha256: sha256(text), value: yaml.value, positions };
  }
  writeFileSync(BUILTIN_CACHE_FILE, JSON.stringify(out));
}
