/** Escaping for text and double-quoted attribute values in the HTML report (and its SVG). */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** A link target from data, kept only when it is http(s); anything else (javascript:, data:) is not a link. */
export function safeUrl(value: string): string | undefined {
  return /^https?:\/\//i.test(value) ? value : undefined;
}
