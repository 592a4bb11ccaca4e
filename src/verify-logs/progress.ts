/** What verify-logs reports while it runs: two phases (digests, then log files), one tick per file. */
import type { Io } from '../cli/io.js';
import { startProgress, type Progress as Bar } from '../cli/progress.js';

export type Phase = 'digests' | 'log files';

export interface Progress {
  phase(phase: Phase, total: number): void;
  tick(): void;
  done(): void;
}

export const silentProgress: Progress = { phase: () => {}, tick: () => {}, done: () => {} };

/** The CLI's stderr progress (bar on a terminal, 10% lines otherwise), one bar per phase. */
export function stderrProgress(io: Io): Progress {
  let bar: Bar | undefined;
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
