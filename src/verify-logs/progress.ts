/** What verify-logs reports while it runs: two phases (digests, then log files), one tick per file. */
export type Phase = 'digests' | 'log files';

export interface Progress {
  phase(phase: Phase, total: number): void;
  tick(): void;
  done(): void;
}

export const silentProgress: Progress = { phase: () => {}, tick: () => {}, done: () => {} };
