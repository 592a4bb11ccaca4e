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
  /** Colour on stderr: a terminal, no NO_COLOR, no --no-color. */
  color?: boolean;
  /** --quiet: no progress, no notes; only failures and the final line. */
  quiet?: boolean;
}

export function processIo(): Io {
  const isTTY = Boolean(process.stderr.isTTY);
  return {
    out: writerOf(process.stdout),
    err: writerOf(process.stderr),
    isTTY,
    env: process.env,
    cwd: process.cwd(),
    // https://no-color.org: any non-empty NO_COLOR turns colour off.
    color: isTTY && !process.env.NO_COLOR,
  };
}

/**
 * A reader that stops early (`trailguard rules list | head -1`) closes the pipe. The rest of the
 * output has nowhere to go, so it is dropped, and the command ends with the exit code it
 * would have had, as `grep` and `cat` do, instead of an unhandled EPIPE.
 */
function writerOf(stream: NodeJS.WriteStream): (text: string) => void {
  let open = true;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    open = false;
  });
  return (text) => {
    if (open) stream.write(text);
  };
}

/** A command's handle on the run: where to write and how to set the exit code. */
export interface CommandContext {
  io: Io;
  /** The command line as given (without node and the script), for run records. */
  argv: string[];
  setExitCode(code: number): void;
}

/** A note for people (what is being done, where things went), left out under --quiet. */
export function note(io: Io, text: string): void {
  if (!io.quiet) io.err(text);
}
