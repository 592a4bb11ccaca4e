/**
 * A YAML file parsed with source positions kept, so that every problem found later (by the
 * schema, the condition compiler, the config checks) can be reported as file:line:col.
 */
import { isMap, isNode, isPair, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import type { Problem } from '../errors.js';

/** A step into a parsed document: a map key or an array index. */
export type YamlPath = ReadonlyArray<string | number>;

export interface YamlFile {
  /** The path used in messages (relative to the working directory when inside it). */
  file: string;
  text: string;
  /** The document as plain JSON-like data (undefined when the YAML did not parse). */
  value: unknown;
  positions: Positions;
  /** This exact text passed every rule check when the package was built (builtin-cache.ts). */
  checked?: true;
}

/** Where things are written in a YAML file, for located problems. */
export interface Positions {
  /** Where the node at `path` starts, if there is one. */
  node(path: YamlPath): Position | undefined;
  /** Where the key `key` of the map at `path` is written, if there is one. */
  key(path: YamlPath, key: string): Position | undefined;
}

export interface Position {
  line: number;
  column: number;
}

/** Parses `text`; YAML syntax errors come back as located problems (and `value` is undefined). */
export function parseYamlFile(file: string, text: string): { yaml: YamlFile; problems: Problem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problems: Problem[] = doc.errors.map((e) => {
    const { line, col } = lineCounter.linePos(e.pos[0]);
    return { file, line, column: col, message: firstLine(e.message) };
  });
  const value = problems.length === 0 ? doc.toJS({ maxAliasCount: 100 }) : undefined;
  return { yaml: { file, text, value, positions: documentPositions(doc, lineCounter) }, problems };
}

function documentPositions(doc: Document.Parsed, lineCounter: LineCounter): Positions {
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  return {
    node(path) {
      const node = doc.getIn(path, true);
      return isNode(node) && node.range ? at(node.range[0]) : undefined;
    },
    key(path, key) {
      const map = path.length === 0 ? doc.contents : doc.getIn(path, true);
      if (!isMap(map)) return undefined;
      for (const pair of map.items) {
        if (isPair(pair) && isScalar(pair.key) && String(pair.key.value) === key && pair.key.range) return at(pair.key.range[0]);
      }
      return undefined;
    },
  };
}

/** Where the node at `path` starts; falls back to the nearest existing ancestor. */
export function locate(yaml: YamlFile, path: YamlPath): Position {
  for (let n = path.length; n >= 0; n--) {
    const position = yaml.positions.node(path.slice(0, n));
    if (position) return position;
  }
  return { line: 1, column: 1 };
}

/** Where the key `key` of the map at `path` is written (for "unknown key" problems). */
export function locateKey(yaml: YamlFile, path: YamlPath, key: string): Position {
  return yaml.positions.key(path, key) ?? locate(yaml, path);
}

/** A problem located at the node at `path`. */
export function problemAt(yaml: YamlFile, path: YamlPath, message: string): Problem {
  const { line, column } = locate(yaml, path);
  return { file: yaml.file, line, column, message };
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}
