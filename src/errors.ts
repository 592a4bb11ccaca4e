/** Exit codes and the typed errors the CLI maps to them. */
export const EXIT = {
  ok: 0,
  failures: 1,
  badInput: 2,
  incomplete: 3,
  internal: 4,
} as const;

/** One located problem in a user's file. */
export interface Problem {
  file: string;
  line?: number;
  column?: number;
  message: string;
}

export function formatProblem(p: Problem): string {
  const where = p.line !== undefined ? `${p.file}:${p.line}:${p.column ?? 1}` : p.file;
  return `${where}: ${p.message}`;
}

/** A mistake the user can fix (bad rule, config, inventory, flag). Exit 2, no stack trace. */
export class InputError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[] | string) {
    const list = typeof problems === 'string' ? [{ file: '', message: problems }] : problems;
    super(list.map((p) => (p.file ? formatProblem(p) : p.message)).join('\n'));
    this.name = 'InputError';
    this.problems = list;
  }
}
