/**
 * Sweep workers: threads that read accounts with their own SDK clients, so that the SDK's CPU
 * per call (signing, middleware, parsing) runs on every core instead of one event loop. The main
 * thread keeps everything that is done once per sweep or per caller: discovery, every member's
 * AssumeRole (credentials are handed to a worker on request, so they are assumed once, under
 * the caller's STS limit), the choice of accounts, interruption, and the merge of the results.
 * Each account is read whole by one thread, so its per-(region, service) limits live there.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { AwsCredentialIdentity } from '@aws-sdk/types';
import type { AwsTarget } from '../collect/aws-target.js';
import type { Plan } from '../collect/sections.js';
import type { CallEvent } from '../collect/session.js';
import type { TrailRecord } from '../inventory/types.js';
import { redactHeld } from '../util/held-secrets.js';
import { startWorker } from '../util/worker-thread.js';
import type { AccountRead, AccountReader, ReferencesRead } from './reader.js';

/** Above this, another thread's SDK modules (about 150 MB) cost more memory than its core gains. */
export const MAX_DEFAULT_WORKERS = 4;

/** `--workers` when not given: one per core, at most MAX_DEFAULT_WORKERS. */
export function defaultWorkers(): number {
  return Math.min(availableParallelism(), MAX_DEFAULT_WORKERS);
}

/** What a worker is started with: the target without its credentials (they are asked for per account). */
export interface WorkerInit {
  target: Omit<AwsTarget, 'credentials'>;
  roleName: string;
  plan: Plan;
  regions?: readonly string[];
  keepRaw: boolean;
  reportCalls: boolean;
}

/** A credentials failure as it crosses to a worker: what checkCredentials reports. */
export interface CredentialsFailure {
  name: string;
  message: string;
}

export type ToWorker =
  | { kind: 'read'; id: number; accountId: string; knownTrails?: ReadonlyMap<string, TrailRecord> }
  | { kind: 'references'; id: number; owner: string; buckets: readonly string[]; keys: readonly string[] }
  | { kind: 'credentials'; id: number; identity?: AwsCredentialIdentity; failure?: CredentialsFailure };

export type FromWorker =
  | { kind: 'done'; id: number; value: AccountRead | ReferencesRead | undefined }
  | { kind: 'failed'; id: number; message: string }
  | { kind: 'calls'; events: CallEvent[] }
  | { kind: 'credentials'; id: number; accountId: string };

/** Starts `count` workers; `targetFor` gives the main thread's target (and credentials) for an account. */
export function startWorkers(count: number, init: WorkerInit, targetFor: (accountId: string) => AwsTarget, onCall?: (event: CallEvent) => void): WorkerReader[] {
  return Array.from({ length: count }, () => new WorkerReader(spawn(init), targetFor, onCall));
}

/**
 * A worker holds its SDK modules and the accounts in flight: tens of MB live. V8 grows a heap
 * by a factor that rises with its maximum size (up to 4× the live data at the default maximum),
 * so a modest cap keeps each worker's footprint close to what it uses.
 *
 * The young generation is larger than V8's default instead: a call's objects live as long as
 * its round trip, and with hundreds of calls in flight the default one promoted most of them to
 * the old generation before they died, where collecting them cost a fifth of a worker's CPU.
 * bench/sweep.ts, 1,000 accounts, quiet machine: default 41.4 s, 0.64 ms CPU per call, 449 MB;
 * 32 MB 39.3 s; 48 MB 41.0–41.7 s; 56 MB 35.5–37.2 s, 0.54–0.57 ms, 499–518 MB; 64 MB 33.5 s
 * but 520–530 MB, over the sweep's 512 MB budget.
 */
const HEAP = { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 56 };

function spawn(init: WorkerInit): Worker {
  return startWorker(import.meta.url, 'worker', init, { resourceLimits: HEAP });
}

/** The main thread's handle on one worker: the same reader interface, over messages. */
export class WorkerReader implements AccountReader {
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (value: never) => void; reject: (error: Error) => void }>();
  private failure: Error | undefined;

  constructor(
    private readonly worker: Worker,
    private readonly targetFor: (accountId: string) => AwsTarget,
    private readonly onCall?: (event: CallEvent) => void,
  ) {
    worker.on('message', (message: FromWorker) => this.receive(message));
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', (code) => this.fail(new Error(`a sweep worker stopped (exit code ${code})`)));
  }

  read(accountId: string, knownTrails?: ReadonlyMap<string, TrailRecord>): Promise<AccountRead> {
    return this.request({ kind: 'read', accountId, ...(knownTrails ? { knownTrails } : {}) });
  }

  readReferences(owner: string, buckets: readonly string[], keys: readonly string[]): Promise<ReferencesRead | undefined> {
    return this.request({ kind: 'references', owner, buckets, keys });
  }

  async close(): Promise<void> {
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }

  private request<T>(
    message: { kind: 'read'; accountId: string; knownTrails?: ReadonlyMap<string, TrailRecord> } | { kind: 'references'; owner: string; buckets: readonly string[]; keys: readonly string[] },
  ): Promise<T> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve, reject });
      this.worker.postMessage({ ...message, id } satisfies ToWorker);
    });
  }

  private receive(message: FromWorker): void {
    if (message.kind === 'calls') {
      for (const event of message.events) this.onCall?.(event);
    } else if (message.kind === 'credentials') {
      void this.credentials(message.id, message.accountId);
    } else {
      const waiting = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.kind === 'done') waiting?.resolve(message.value as never);
      else waiting?.reject(new Error(message.message));
    }
  }

  /** Resolves an account's credentials here, where every AssumeRole of the sweep is made and cached. */
  private async credentials(id: number, accountId: string): Promise<void> {
    const { credentials } = this.targetFor(accountId);
    let reply: ToWorker;
    try {
      const identity = typeof credentials === 'function' ? await credentials() : credentials;
      const { accessKeyId, secretAccessKey, sessionToken, expiration } = identity;
      reply = { kind: 'credentials', id, identity: { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}), ...(expiration ? { expiration } : {}) } };
    } catch (thrown) {
      const e = thrown as { name?: string; Code?: string; message?: string };
      reply = { kind: 'credentials', id, failure: { name: e.Code ?? e.name ?? 'CredentialsError', message: redactHeld(e.message ?? String(thrown)) } };
    }
    this.worker.postMessage(reply);
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const { reject } of this.pending.values()) reject(error);
    this.pending.clear();
  }
}
