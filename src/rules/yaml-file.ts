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
  doc: Document.Parsed;
  lineCounter: LineCounter;
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
  return { yaml: { file, text, value, doc, lineCounter }, problems };
}

/** Where the node at `path` starts; falls back to the nearest existing ancestor. */
export function locate(yaml: YamlFile, path: YamlPath): Position {
  for (let n = path.length; n >= 0; n--) {
    const node = yaml.doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) return positionOf(yaml, node.range[0]);
  }
  return { line: 1, column: 1 };
}

/** Where the key `key` of the map at `path` is written (for "unknown key" problems). */
export function locateKey(yaml: YamlFile, path: YamlPath, key: string): Position {
  const map = path.length === 0 ? yaml.doc.contents : yaml.doc.getIn(path, true);
  if (isMap(map)) {
    for (const pair of map.items) {
      if (isPair(pair) && isScalar(pair.key) && String(pair.key.value) === key && pair.key.range) {
        return positionOf(yaml, pair.key.range[0]);
      }
    }
  }
  return locate(yaml, path);
}

/** A problem located at the node at `path`. */
export function problemAt(yaml: YamlFile, path: YamlPath, message: string): Problem {
  const { line, column } = locate(yaml, path);
  return { file: yaml.file, line, column, message };
}

function positionOf(yaml: YamlFile, offset: number): Position {
  const { line, col } = yaml.lineCounter.linePos(offset);
  return { line, column: col };
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}
