/**
 * A YAML file parsed with source positions kept, so that every problem found later (by the
 * schema, the condition compiler, the config checks) can be reported as file:line:col.
 */
import { isMap, isNode, isPair, isScalar, LineCounter, parseDocument, visit, type Document } from 'yaml';
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
  if (problems.length > 0) return { yaml: { file, text, value: undefined, positions: documentPositions(doc, lineCounter) }, problems };
  try {
    return { yaml: { file, text, value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), positions: documentPositions(doc, lineCounter) }, problems };
  } catch (error) {
    // The yaml library's guard against an alias bomb (a few lines that expand to gigabytes).
    if (!(error instanceof ReferenceError)) throw error;
    const { line, col } = lineCounter.linePos(firstNestedAlias(doc));
    const message = `YAML aliases expand too far (more than ${MAX_ALIAS_COUNT} copies of an anchored node): refusing what looks like an alias bomb`;
    return { yaml: { file, text, value: undefined, positions: documentPositions(doc, lineCounter) }, problems: [{ file, line, column: col, message }] };
  }
}

/** How many times the nodes under one alias may be copied when the document is read (the yaml library's default). */
const MAX_ALIAS_COUNT = 100;

/** Where the expansion starts: the first alias to a node that itself holds aliases (else the first alias). */
function firstNestedAlias(doc: Document.Parsed): number {
  let first: number | undefined;
  let nested: number | undefined;
  visit(doc, {
    Alias(_key, alias) {
      const offset = alias.range?.[0] ?? 0;
      first ??= offset;
      let holdsAliases = false;
      visit(alias.resolve(doc) ?? doc.createNode(null), { Alias: () => ((holdsAliases = true), visit.BREAK) });
      if (holdsAliases) {
        nested = offset;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return nested ?? first ?? 0;
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
