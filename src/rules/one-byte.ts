/**
 * A rule's message material as one-byte strings where it can be. A rule file with a single
 * character beyond Latin-1 (the `›` of a console path in its remediation) is read as a two-byte
 * string, and so is every string parsed out of it, and every message joining one of them: a
 * scan keeps a message per result, and two-byte ones took twice the memory (their garbage
 * collection a fifth of the evaluation's time). Only the parts messages are made of are
 * re-encoded: the whole file, its tests and remediation included, would add to start-up.
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
  const copy: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) copy[oneByte(key) as string] = oneByte(child);
  return copy;
}
