/** What a command may touch of the process: output streams and environment. Tests pass their own. */
export interface Io {
  /** Results and machine-readable output. */
  out(text: string): void;
  /** Logs, progress and human summaries. */
  err(text: string): void;
  /** stderr is a terminal: progress bars and colour are allowed. */
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export function processIo(): Io {
  return {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    isTTY: Boolean(process.stderr.isTTY),
    env: process.env,
    cwd: process.cwd(),
  };
}

/** A command's handle on the run: where to write and how to set the exit code. */
export interface CommandContext {
  io: Io;
  /** The command line as given (without node and the script), for run records. */
  argv: string[];
  setExitCode(code: number): void;
}
