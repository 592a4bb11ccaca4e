/**
 * The fetch workers of one verify-logs run (one per core by default): each downloads, inflates
 * and hashes the files it is handed with its own S3 client, so the SDK's per-request CPU and the
 * hashing spread over every core while the main thread only schedules and judges. A task fails
 * with the AWS error's name and message, as the SDK call would have on the main thread.
 */
import { doesIdentityRequireRefresh, isIdentityExpired, memoizeIdentityProvider } from '@smithy/core';
import type { AwsCredentialIdentityProvider } from '@aws-sdk/types';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { AwsTarget } from '../collect/aws-target.js';
import { holding } from '../util/held-secrets.js';
import { startWorker } from '../util/worker-thread.js';
import type { FetchTask, FromMain, FromWorker, WorkerConfig } from './fetch-protocol.js';
import type { DigestRead, LogRead } from './read-files.js';

interface Slot {
  worker: Worker;
  inFlight: number;
  /** Messages not yet posted: they go in one batch per turn of the event loop. */
  outbox: FromMain[];
  /** Set once the worker died: its tasks fail, and it gets no more. */
  failure?: Error;
}

interface Pending {
  slot: Slot;
  resolve: (result: LogRead | DigestRead) => void;
  reject: (error: Error) => void;
}

export class FetchPool {
  private readonly slots: Slot[];
  private readonly pending = new Map<number, Pending>();
  private readonly credentials: AwsCredentialIdentityProvider;
  private nextId = 0;
  private closing = false;

  constructor(target: AwsTarget, region: string, size = availableParallelism()) {
    // Resolved here once for all workers, and held so that error messages echoing them are redacted.
    const held = holding(target.credentials);
    this.credentials = typeof held === 'function' ? memoizeIdentityProvider(held, isIdentityExpired, doesIdentityRequireRefresh)! : () => Promise.resolve(held);
    const { credentials: _, ...rest } = target;
    const config: WorkerConfig = { target: rest, region };
    this.slots = Array.from({ length: Math.max(1, size) }, () => this.start(config));
  }

  readLog(bucket: string, key: string): Promise<LogRead> {
    return this.send({ kind: 'log', bucket, key }) as Promise<LogRead>;
  }

  readDigest(bucket: string, key: string): Promise<DigestRead> {
    return this.send({ kind: 'digest', bucket, key }) as Promise<DigestRead>;
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private send(task: Omit<FetchTask, 'id'>): Promise<LogRead | DigestRead> {
    const alive = this.slots.filter((s) => !s.failure);
    const slot = alive.reduce<Slot | undefined>((best, s) => (!best || s.inFlight < best.inFlight ? s : best), undefined);
    if (!slot) return Promise.reject(this.slots[0]?.failure ?? new Error('no fetch worker is running'));
    const id = this.nextId++;
    slot.inFlight++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { slot, resolve, reject });
      this.post(slot, { type: 'task', task: { ...task, id } });
    });
  }

  private start(config: WorkerConfig): Slot {
    const slot: Slot = { worker: spawn(config), inFlight: 0, outbox: [] };
    slot.worker.on('message', (batch: FromWorker[]) => {
      for (const message of batch) void this.receive(slot, message);
    });
    slot.worker.on('error', (error) => this.fail(slot, error));
    slot.worker.on('exit', (code) => this.closing || this.fail(slot, new Error(`exited with code ${code}`)));
    return slot;
  }

  private async receive(slot: Slot, message: FromWorker): Promise<void> {
    if (message.type === 'credentials?') {
      try {
        this.post(slot, { type: 'credentials', credentials: await this.credentials() });
      } catch (error) {
        const e = error as { name?: string; message?: string };
        this.post(slot, { type: 'credentials failed', name: e.name ?? 'CredentialsError', message: e.message ?? String(error) });
      }
      return;
    }
    const task = this.pending.get(message.id);
    if (!task) return;
    this.pending.delete(message.id);
    slot.inFlight--;
    if (message.type === 'done') task.resolve(message.result);
    else task.reject(Object.assign(new Error(message.message), { name: message.name }));
  }

  /** A worker that dies fails its own tasks (each becomes a read error naming its file); the others carry on. */
  private fail(slot: Slot, error: Error): void {
    if (slot.failure) return;
    slot.failure = Object.assign(new Error(`fetch worker failed: ${error.message}`), { name: 'FetchWorkerError' });
    for (const [id, task] of this.pending) {
      if (task.slot !== slot) continue;
      this.pending.delete(id);
      task.reject(slot.failure);
    }
  }

  private post(slot: Slot, message: FromMain): void {
    if (slot.outbox.push(message) > 1) return;
    setImmediate(() => {
      slot.worker.postMessage(slot.outbox);
      slot.outbox = [];
    });
  }
}

function spawn(config: WorkerConfig): Worker {
  return startWorker(import.meta.url, 'fetch-worker', config);
}
