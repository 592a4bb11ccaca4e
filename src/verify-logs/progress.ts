/**
 * Progress of a verify-logs run on stderr: a bar when stderr is a terminal, otherwise one quiet
 * line per phase (logs in CI stay short and greppable).
 */
import { Presets, SingleBar } from 'cli-progress';

export type Phase = 'digests' | 'log files';

export interface Progress {
  phase(phase: Phase, total: number): void;
  tick(count?: number): void;
  done(): void;
}

export const silentProgress: Progress = { phase: () => {}, tick: () => {}, done: () => {} };

export function terminalProgress(stream: NodeJS.WriteStream): Progress {
  let bar: SingleBar | undefined;
  const stop = (): void => {
    bar?.stop();
    bar = undefined;
  };
  return {
    phase(phase, total) {
      stop();
      bar = new SingleBar({ stream, format: `verify-logs ${phase.padEnd(9)} [{bar}] {value}/{total} {percentage}% eta {eta_formatted}`, hideCursor: true }, Presets.shades_classic);
      bar.start(total, 0);
    },
    tick: (count = 1) => bar?.increment(count),
    done: stop,
  };
}

export function lineProgress(write: (text: string) => void): Progress {
  let current: { phase: Phase; total: number; count: number; started: number } | undefined;
  const finish = (): void => {
    if (current) write(`verify-logs: ${current.count}/${current.total} ${current.phase} checked in ${((Date.now() - current.started) / 1000).toFixed(1)} s\n`);
    current = undefined;
  };
  return {
    phase(phase, total) {
      finish();
      current = { phase, total, count: 0, started: Date.now() };
      write(`verify-logs: checking ${total} ${phase}\n`);
    },
    tick(count = 1) {
      if (current) current.count += count;
    },
    done: finish,
  };
}
