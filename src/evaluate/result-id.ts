/** Stable result ids, so two runs over the same estate can be diffed result by result. */
import { createHash } from 'node:crypto';

export function resultId(ruleId: string, ...resource: string[]): string {
  return createHash('sha256').update([ruleId, ...resource].join('\u0000')).digest('hex').slice(0, 20);
}
