/** The process's side of the output abstraction (util/io.ts): its streams, environment and working folder. */
import type { Io } from '../util/io.js';

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
