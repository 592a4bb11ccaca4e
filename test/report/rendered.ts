/** A streamed report's chunks as one string. */
export function rendered(chunks: Iterable<string>): string {
  return [...chunks].join('');
}
