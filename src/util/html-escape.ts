/** Escaping for text and double-quoted attribute values in trailguard's HTML: the report (and its SVG), the evidence bundle's index.html. */
import { htmlEscape } from 'escape-goat';
import { visible, type VisibleOptions } from './visible-text.js';

/**
 * Control characters, line breaks included, become visible escapes too, so that `cat report.html`
 * cannot drive a terminal or show a forged line; `multiline` keeps the line breaks of a rule's
 * own text shown in a <pre> block (a remediation script).
 */
export function escapeHtml(value: string, options: VisibleOptions = {}): string {
  return htmlEscape(visible(value, options));
}

/** A link target from data, kept only when it is http(s); anything else (javascript:, data:) is not a link. */
export function safeUrl(value: string): string | undefined {
  return /^https?:\/\//i.test(value) ? value : undefined;
}
