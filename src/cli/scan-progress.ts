/**
 * What the terminal shows while a scan collects: a progress bar over the accounts (one, or the
 * sweep's), and for an organization sweep, Ctrl-C stopping gracefully: the accounts in flight
 * finish, the rest are reported as not scanned, and a second Ctrl-C quits.
 */
import type { CollectionEvents } from '../scan/run-scan.js';
import type { Io } from '../util/io.js';
import { startProgress, type Progress } from './progress.js';

export interface CollectionWatch {
  events: CollectionEvents;
  /** Ends the bar and the Ctrl-C handling (idempotent; collection's end calls it too). */
  close: () => void;
}

export function watchCollection(io: Io, organization: boolean): CollectionWatch {
  let progress: Progress | undefined;
  const abort = new AbortController();
  const onInterrupt = () => {
    io.err('\ninterrupted: finishing the accounts in flight; the rest are reported as not scanned (Ctrl-C again to quit)\n');
    abort.abort();
    process.once('SIGINT', () => process.exit(130));
  };
  if (organization) process.once('SIGINT', onInterrupt);
  const close = () => {
    progress?.stop();
    progress = undefined;
    process.removeListener('SIGINT', onInterrupt);
  };
  return {
    events: {
      onPlan: (total) => (progress = startProgress(io, organization ? 'accounts' : 'collect', total)),
      onCall: (e) => progress?.call(e.ok, e.retries),
      onAccount: (done) => progress?.tick(done),
      onCollected: close,
      ...(organization ? { signal: abort.signal } : {}),
    },
    close,
  };
}
