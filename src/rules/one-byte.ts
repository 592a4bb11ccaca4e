/**
 * A rule's message material as one-byte strings where it can be. A rule file with a single
 * character beyond Latin-1 (the `›` of a console path in its remediation) is read as a two-byte
 * string, and so is every string parsed out of it, and every message joining one of them: a
 * scan keeps a message per result, and two-byte ones take twice the memory (the evaluation
 * bench's messages: 47 MB of the 84 MB of results it keeps, 25 MB one-byte). Only the parts
 * messages are made of are re-encoded: the whole file, tests and remediation included, would
 * add to start-up.
 */
const MESSAGE_MATERIAL = ['messages', 'assert', 'applies_when', 'parameters'];
const BEYOND_LATIN1 = /[\u0100-\uffff]/;

/** The parsed rule file with its message material re-encoded (a copy; other fields are shared). */
export function withOneByteMessages(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const copy: Record<string, unknown> = { ...value };
  for (const key of MESSAGE_MATERIAL) if (key in copy) copy[key] = oneByte(copy[key]);
  return copy;
}

function oneByte(value: unknown): unknown {
  if (typeof value === 'string') return BEYOND_LATIN1.test(value) ? value : Buffer.from(value, 'latin1').toString('latin1');
  if (Array.isArray(value)) return value.map(oneByte);
  if (value === null || typeof value !== 'object') return value;
  // fromEntries defines own properties: a `__proto__` key stays a key.
  return Object.fromEntries(Object.entries(value).map(([key, child]) => [oneByte(key), oneByte(child)]));
}
