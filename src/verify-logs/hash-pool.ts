/**
 * Inflates and hashes log files on worker threads, one per core, so downloads (main thread) and
 * gunzip + SHA-256 (workers) overlap. Bodies are streamed to a worker a chunk at a time with at
 * most WINDOW chunks unacknowledged per file: memory stays bounded whatever the file sizes.
 */
import { availableParallelism } from 'node:os';
import type { Readable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import type { StreamHash } from './hash-stream.js';

export type ToWorker = { kind: 'start' | 'end' | 'abort'; id: number } | { kind: 'chunk'; id: number; bytes: Uint8Array };
export type ToPool = { kind: 'ack'; id: number } | ({ kind: 'done'; id: number } & StreamHash) | { kind: 'failed'; id: number; code: string; message: string };

const WINDOW = 4;

interface Job {
  inFlight: number;
  wake?: () => void;
  failure?: Error;
  resolve: (hash: StreamHash) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  jobs: Map<number, Job>;
}

export class HashPool {
  private readonly slots: Slot[] = [];
  private nextId = 0;

  constructor(private readonly size = availableParallelism()) {}

  /** SHA-256 of the uncompressed content of a gzip body; a zlib failure rejects with its `Z_` code, as sha256OfGzipStream does. */
  async sha256OfGzip(body: Readable): Promise<StreamHash> {
    const slot = this.pick();
    const id = this.nextId++;
    let job!: Job;
    const hashed = new Promise<StreamHash>((resolve, reject) => {
      job = { inFlight: 0, resolve, reject };
    });
    hashed.catch(() => undefined); // awaited below, unless the download fails first
    slot.jobs.set(id, job);
    const post = (message: ToWorker, transfer: ArrayBuffer[] = []): void => slot.worker.postMessage(message, transfer);
    try {
      post({ kind: 'start', id });
      for await (const chunk of body as AsyncIterable<Buffer>) {
        if (job.failure) break;
        // A copy: a socket chunk may be a view into a shared buffer, and only its own bytes should move.
        const bytes = new Uint8Array(chunk);
        post({ kind: 'chunk', id, bytes }, [bytes.buffer]);
        if (++job.inFlight >= WINDOW) await new Promise<void>((wake) => (job.wake = wake));
      }
      post({ kind: job.failure ? 'abort' : 'end', id });
    } catch (error) {
      post({ kind: 'abort', id });
      slot.jobs.delete(id);
      throw error;
    }
    try {
      return await hashed;
    } finally {
      slot.jobs.delete(id);
    }
  }

  async destroy(): Promise<void> {
    const slots = this.slots.splice(0);
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  /** The least busy worker, starting another while there are fewer than `size`. */
  private pick(): Slot {
    const idle = this.slots.find((s) => s.jobs.size === 0);
    if (idle) return idle;
    if (this.slots.length < this.size) {
      const slot: Slot = { worker: startWorker(), jobs: new Map() };
      slot.worker.on('message', (message: ToPool) => settle(slot.jobs.get(message.id), message));
      slot.worker.on('error', (error) => {
        this.slots.splice(this.slots.indexOf(slot), 1);
        for (const job of slot.jobs.values()) fail(job, error);
      });
      this.slots.push(slot);
      return slot;
    }
    return this.slots.reduce((a, b) => (b.jobs.size < a.jobs.size ? b : a));
  }
}

function settle(job: Job | undefined, message: ToPool): void {
  if (!job) return;
  if (message.kind === 'ack') {
    job.inFlight--;
  } else if (message.kind === 'done') {
    job.resolve({ sha256: message.sha256, uncompressedBytes: message.uncompressedBytes });
  } else {
    fail(job, Object.assign(new Error(message.message), { code: message.code }));
    return;
  }
  wake(job);
}

function fail(job: Job, error: Error): void {
  job.failure = error;
  job.reject(error);
  wake(job);
}

function wake(job: Job): void {
  const wake = job.wake;
  job.wake = undefined;
  wake?.();
}

function startWorker(): Worker {
  const here = import.meta.url;
  const file = new URL(here.endsWith('.ts') ? './hash-worker.ts' : './hash-worker.js', here);
  if (file.pathname.endsWith('.js')) return new Worker(file);
  // Running from the TypeScript sources (tests, tsx): loader hooks don't reach worker threads, so register tsx there first.
  return new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(file.href)}); })`, { eval: true });
}
