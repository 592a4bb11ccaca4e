/** Escaping for text and double-quoted attribute values in the HTML report (and its SVG). */
import { visible, type VisibleOptions } from '../util/visible-text.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Control characters, line breaks included, become visible escapes too, so that `cat report.html`
 * cannot drive a terminal or show a forged line; `multiline` keeps the line breaks of a rule's
 * own text shown in a <pre> block (a remediation script).
 */
export function escapeHtml(value: string, options: VisibleOptions = {}): string {
  return visible(value, options).replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** A link target from data, kept only when it is http(s); anything else (javascript:, data:) is not a link. */
export function safeUrl(value: string): string | undefined {
  return /^https?:\/\//i.test(value) ? value : undefined;
}
