/**
 * Where the stages write for people and programs. The CLI passes the process's streams
 * (cli/io.ts); tests pass their own.
 */
export interface Io {
  /** Results and machine-readable output. */
  out(text: string): void;
  /** Logs, progress and human summaries. */
  err(text: string): void;
  /** stderr is a terminal: progress bars and colour are allowed. */
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Colour on stderr: a terminal, no NO_COLOR, no --no-color. */
  color?: boolean;
  /** --quiet: no progress, no notes; only failures and the final line. */
  quiet?: boolean;
}

/** A note for people (what is being done, where things went), left out under --quiet. */
export function note(io: Io, text: string): void {
  if (!io.quiet) io.err(text);
}
