/** Parsers for flag values shared by several commands. */
import { parseSeverity } from '../report/severity-arg.js';
import type { Severity } from '../rules/types.js';

/** commander accumulator for repeatable options (`--rules a --rules b`). */
export function collectRepeated(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** Comma-separated and repeatable: `--only a,b --only c` → [a, b, c]. */
export function collectList(value: string, previous: string[] = []): string[] {
  return [
    ...previous,
    ...value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  ];
}

/** `--severity high,critical`, repeatable. */
export function collectSeverities(value: string, previous: Severity[] = []): Severity[] {
  return [...previous, ...collectList(value).map(parseSeverity)];
}
