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
// The same, less tab and line breaks (LF, CRLF; a lone CR still rewrites a line): for a field
// whose line breaks are its own (a remediation script, a message in a CSV cell).
// eslint-disable-next-line no-control-regex
const UNSAFE_KEEPING_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/g;

function escapeChar(char: string): string {
  const code = char.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

export interface VisibleOptions {
  /** Keep line breaks and tabs (a CSV cell, an HTML or Markdown code block); every line is still defused. */
  multiline?: boolean;
}

export function visible(text: string, options: VisibleOptions = {}): string {
  if (!options.multiline) return defuseCommand(text.replace(UNSAFE, escapeChar));
  return text.replace(UNSAFE_KEEPING_LINES, escapeChar).split('\n').map(defuseCommand).join('\n');
}

function defuseCommand(line: string): string {
  return line.startsWith('::') ? `\\x3a${line.slice(1)}` : line;
}

/**
 * A line built from trusted text and outside values: each interpolated value goes through
 * `visible()`, the template's own text (tabs, line breaks) is kept:
 * printable`skipped ${account.Id} (${account.Name}): ${reason}\n`.
 */
export function printable(strings: TemplateStringsArray, ...values: unknown[]): string {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += visible(String(value)) + (strings[i + 1] ?? '');
  });
  return defuseCommand(out);
}
