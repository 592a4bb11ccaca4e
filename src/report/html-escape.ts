/** Escaping for text and double-quoted attribute values in the HTML report (and its SVG). */
import { visible } from '../util/visible-text.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Control characters become visible escapes too, so that `cat report.html` cannot drive a terminal. */
export function escapeHtml(value: string): string {
  return visible(value, { multiline: true }).replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** A link target from data, kept only when it is http(s); anything else (javascript:, data:) is not a link. */
export function safeUrl(value: string): string | undefined {
  return /^https?:\/\//i.test(value) ? value : undefined;
}
