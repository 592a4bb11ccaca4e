/** Stable result ids, so two runs over the same estate can be diffed result by result. */
import * as crypto from 'node:crypto';

// One id per (rule, resource), a hundred thousand in a large scan: crypto.hash (Node ≥ 20.12) hashes a
// string in one call, several times faster than a Hash object. Earlier Node 20 releases lack it.
const sha256Hex: (text: string) => string =
  typeof crypto.hash === 'function' ? (text) => crypto.hash('sha256', text, 'hex') : (text) => crypto.createHash('sha256').update(text).digest('hex');

/** What identifies a resource in its result ids: its ARN, or the ARN with more parts when views share one. Computed once per view. */
export function resourceKey(...parts: string[]): string {
  return parts.join('\u0000');
}

/** The id of the result of rule `ruleId` on the resource `key` (from resourceKey, or an ARN). */
export function resultId(ruleId: string, key: string): string {
  return sha256Hex(`${ruleId}\u0000${key}`).slice(0, 20);
}
