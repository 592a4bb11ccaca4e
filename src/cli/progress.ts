/**
 * Progress on stderr: a live bar on a terminal, a plain line at every 10% in CI logs, nothing
 * under --quiet, and nothing on stdout (which carries results).
 */
import cliProgress from 'cli-progress';
import { plural } from '../report/explain.js';
import type { Io } from '../util/io.js';
import type { Progress as PhasedProgress } from '../verify-logs/progress.js';

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

/**
 * The time left, from the pace so far; none before the first unit is done or when there is
 * only one unit (a single account's scan has no pace to extrapolate from).
 */
export function eta(started: number, now: number, done: number, total: number): string {
  if (total <= 1 || done <= 0 || done >= total) return '';
  const seconds = Math.round(((now - started) / 1000 / done) * (total - done));
  const text =
    seconds >= 3600
      ? `${Math.floor(seconds / 3600)}h${String(Math.floor((seconds % 3600) / 60)).padStart(2, '0')}m`
      : seconds >= 60
        ? `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s`
        : `${seconds}s`;
  return `, ETA ${text}`;
}

export function startProgress(io: Io, label: string, total: number): Progress {
  const started = Date.now();
  let calls = 0;
  let errors = 0;
  let retries = 0;
  let done = 0;
  let lastDecile = 0;
  const payload = () => ({ calls: plural(calls, 'call'), errors: plural(errors, 'error'), eta: eta(started, Date.now(), done, total) });
  const bar =
    io.isTTY && !io.env.CI && !io.quiet
      ? new cliProgress.SingleBar(
          {
            format: `${label} [{bar}] {value}/{total} | {calls} | {errors}{eta}`,
            stream: process.stderr,
            hideCursor: true,
            clearOnComplete: true,
          },
          cliProgress.Presets.shades_classic,
        )
      : undefined;
  bar?.start(total, 0, payload());
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
      bar?.update(done, payload());
      const decile = total > 0 ? Math.floor((done * 10) / total) : 10;
      if (!bar && !io.quiet && decile > lastDecile) {
        lastDecile = decile;
        const p = payload();
        io.err(`${label}: ${done}/${total} (${decile * 10}%), ${p.calls}, ${p.errors}${p.eta}\n`);
      }
    },
    call(ok, r) {
      calls++;
      retries += r;
      if (!ok) errors++;
      bar?.update(done, payload());
    },
    stop() {
      bar?.stop();
    },
  };
}

/** verify-logs' progress on stderr: one bar per phase (digests, then log files), one tick per file. */
export function phasedProgress(io: Io): PhasedProgress {
  let bar: Progress | undefined;
  let count = 0;
  return {
    phase(phase, total) {
      bar?.stop();
      count = 0;
      bar = startProgress(io, `verify-logs ${phase}`, total);
    },
    tick: () => bar?.tick(++count),
    done() {
      bar?.stop();
      bar = undefined;
    },
  };
}
