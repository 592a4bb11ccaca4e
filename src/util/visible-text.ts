/**
 * Text that came from outside (AWS names, S3 keys, rule files, bundle entries) made safe to print
 * or to write into a human-readable report: control characters, which can move the cursor, hide
 * text or forge lines (ESC/OSC sequences, CR, LF), and the bidirectional overrides that reorder
 * what a reader sees, become visible escapes (`\x1b`, `\u202e`). A value that would start a line
 * with `::` (a GitHub Actions workflow command) has its first colon escaped.
 */
// C0 controls, DEL, C1 controls; bidi embeddings, overrides and isolates.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

function escapeChar(char: string): string {
  const code = char.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

export function visible(text: string): string {
  const escaped = text.replace(UNSAFE, escapeChar);
  return escaped.startsWith('::') ? `\\x3a${escaped.slice(1)}` : escaped;
}
