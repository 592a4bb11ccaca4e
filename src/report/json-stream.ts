/**
 * JSON documents whose big arrays are written element by element: the rest of the document
 * is serialised once with a marker where each array goes, and the text around the markers
 * is emitted with the elements in between, indented as JSON.stringify would have. The
 * bytes equal those of serialising the whole document at once, without ever holding it.
 */

/** Stands for a streamed array in the skeleton; the caller passes one marker per array. */
export function streamMarker(name: string): string {
  return `\u0000trailguard-stream:${name}\u0000`;
}

export interface StreamedArray {
  marker: string;
  items: Iterable<unknown>;
}

/**
 * `skeleton` is the document with each streamed array replaced by its marker string;
 * `stringify` serialises the skeleton and each element (e.g. stableStringify) with `indent`.
 */
export function* jsonChunks(skeleton: unknown, arrays: StreamedArray[], stringify: (value: unknown, indent: number) => string, indent = 2): Generator<string> {
  let text = stringify(skeleton, indent);
  for (const { marker, items } of arrays) {
    const quoted = JSON.stringify(marker);
    const at = text.indexOf(quoted);
    if (at < 0) throw new Error(`stream marker ${name(marker)} is not in the skeleton`);
    yield text.slice(0, at);
    const lineStart = text.lastIndexOf('\n', at) + 1;
    const pad = /^ */.exec(text.slice(lineStart, at))![0];
    yield* arrayChunks(items, stringify, indent, pad);
    text = text.slice(at + quoted.length);
  }
  yield `${text}\n`;
}

function* arrayChunks(items: Iterable<unknown>, stringify: (value: unknown, indent: number) => string, indent: number, pad: string): Generator<string> {
  const inner = indent ? `\n${pad}${' '.repeat(indent)}` : '';
  let first = true;
  for (const item of items) {
    const json = stringify(item, indent);
    yield `${first ? '[' : ','}${inner}${indent ? json.replaceAll('\n', inner) : json}`;
    first = false;
  }
  yield first ? '[]' : `${indent ? `\n${pad}` : ''}]`;
}

function name(marker: string): string {
  return marker.replaceAll('\u0000', '');
}
