/** Runs the CLI in-process with captured output, as the command tests do. */
import { run } from '../../src/cli/main.js';
import type { Io } from '../../src/util/io.js';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

export async function cli(args: string[], cwd = process.cwd()): Promise<CliRun> {
  let out = '';
  let err = '';
  const io: Io = { out: (t) => void (out += t), err: (t) => void (err += t), isTTY: false, env: {}, cwd };
  const code = await run(args, io);
  return { code, out, err };
}

/** Where a problem is reported: the `file:line:col` prefixes of stderr lines. */
export function locations(stderr: string): string[] {
  return stderr
    .trim()
    .split('\n')
    .map((line) => /^(\S+:\d+:\d+):/.exec(line)?.[1] ?? line);
}
