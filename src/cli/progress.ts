/**
 * Progress on stderr: a live bar on a terminal, a plain line at every 10% in CI logs, and
 * nothing on stdout (which carries results).
 */
import cliProgress from 'cli-progress';
import type { Io } from './io.js';

export interface Progress {
  /** Another unit (account, file) finished. */
  tick(unitsDone: number): void;
  /** An AWS call finished. */
  call(ok: boolean, retries: number): void;
  stop(): void;
  readonly calls: number;
  readonly errors: number;
  readonly retries: number;
}

export function startProgress(io: Io, label: string, total: number): Progress {
  const started = Date.now();
  let calls = 0;
  let errors = 0;
  let retries = 0;
  let done = 0;
  let lastDecile = 0;
  const bar =
    io.isTTY && !io.env.CI
      ? new cliProgress.SingleBar(
          {
            format: `${label} [{bar}] {value}/{total} | calls {calls} | errors {errors} | ETA {eta_formatted}`,
            stream: process.stderr,
            hideCursor: true,
            clearOnComplete: true,
          },
          cliProgress.Presets.shades_classic,
        )
      : undefined;
  bar?.start(total, 0, { calls, errors });
  return {
    get calls() {
      return calls;
    },
    get errors() {
      return errors;
    },
    get retries() {
      return retries;
    },
    tick(unitsDone) {
      done = unitsDone;
      bar?.update(done, { calls, errors });
      const decile = total > 0 ? Math.floor((done * 10) / total) : 10;
      if (!bar && decile > lastDecile) {
        lastDecile = decile;
        const elapsed = (Date.now() - started) / 1000;
        const eta = done > 0 ? Math.round((elapsed / done) * (total - done)) : 0;
        io.err(`${label}: ${done}/${total} (${decile * 10}%), ${calls} calls, ${errors} errors, ETA ${eta}s\n`);
      }
    },
    call(ok, r) {
      calls++;
      retries += r;
      if (!ok) errors++;
      bar?.update(done, { calls, errors });
    },
    stop() {
      bar?.stop();
    },
  };
}
