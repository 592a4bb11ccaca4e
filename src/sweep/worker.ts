/**
 * A sweep worker thread (started by src/sweep/parallel.ts): reads the accounts the main thread
 * hands it with its own clients and connections. Credentials come from the main thread, account
 * by account; the calls it made go back in batches, ahead of each result, for progress.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { AwsCredentialIdentity } from '@aws-sdk/types';
import { sharedCredentials, type AwsTarget } from '../collect/aws-target.js';
import type { CallEvent } from '../collect/session.js';
import type { FromWorker, ToWorker, WorkerInit } from './parallel.js';
import { LocalReader } from './reader.js';

const init = workerData as WorkerInit;
const port = parentPort!;

const asked = new Map<number, { resolve: (identity: AwsCredentialIdentity) => void; reject: (error: Error) => void }>();
let nextAsk = 0;

/** The account's credentials, as the main thread resolved them (a failed AssumeRole as the error it raised). */
function askCredentials(accountId: string): Promise<AwsCredentialIdentity> {
  const id = nextAsk++;
  return new Promise((resolve, reject) => {
    asked.set(id, { resolve, reject });
    port.postMessage({ kind: 'credentials', id, accountId } satisfies FromWorker);
  });
}

const targets = new Map<string, AwsTarget>();
function targetFor(accountId: string): AwsTarget {
  let target = targets.get(accountId);
  if (!target) targets.set(accountId, (target = { ...init.target, credentials: sharedCredentials(() => askCredentials(accountId)) }));
  return target;
}

let calls: CallEvent[] = [];
let flushTimer: NodeJS.Timeout | undefined;
function flushCalls(): void {
  if (flushTimer) clearTimeout(flushTimer);
  flushTimer = undefined;
  if (calls.length) port.postMessage({ kind: 'calls', events: calls } satisfies FromWorker);
  calls = [];
}
function onCall(event: CallEvent): void {
  calls.push(event);
  flushTimer ??= setTimeout(flushCalls, 100);
}

const reader = new LocalReader({
  targetFor,
  globalRegion: init.target.globalRegion,
  roleName: init.roleName,
  plan: init.plan,
  ...(init.regions ? { regions: init.regions } : {}),
  keepRaw: init.keepRaw,
  ...(init.reportCalls ? { onCall } : {}),
});

port.on('message', (message: ToWorker) => {
  if (message.kind === 'credentials') {
    const waiting = asked.get(message.id);
    asked.delete(message.id);
    if (message.identity) waiting?.resolve(message.identity);
    else waiting?.reject(Object.assign(new Error(message.failure?.message), { name: message.failure?.name }));
    return;
  }
  const work = message.kind === 'read' ? reader.read(message.accountId, message.knownTrails) : reader.readReferences(message.owner, message.buckets, message.keys);
  work.then(
    (value) => {
      flushCalls();
      port.postMessage({ kind: 'done', id: message.id, value } satisfies FromWorker);
    },
    (error: unknown) => port.postMessage({ kind: 'failed', id: message.id, message: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies FromWorker),
  );
});
