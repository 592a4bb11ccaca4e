/**
 * A fetch worker thread: its own S3 client (and keep-alive pool) downloads, inflates, hashes and
 * parses the files the main thread names, and posts back only what verification needs (see
 * read-files.ts). The SDK's per-request work, not hashing, is what limits one thread, so the
 * downloads themselves run here. Credentials come from the main thread, on demand, so that a
 * refreshing provider (an assumed role) keeps working past expiry.
 */
import { doesIdentityRequireRefresh, isIdentityExpired, memoizeIdentityProvider } from '@smithy/core';
import type { AwsCredentialIdentity } from '@aws-sdk/types';
import { parentPort, workerData } from 'node:worker_threads';
import { ClientCache } from '../collect/clients.js';
import { BucketS3Client } from '../collect/s3-objects.js';
import { errorNameOf } from '../collect/session.js';
import type { FetchTask, FromMain, FromWorker, WorkerConfig } from './fetch-protocol.js';
import { readDigestFile, readLogFile } from './read-files.js';

const port = parentPort!;
const config = workerData as WorkerConfig;

let waiting: Array<{ resolve: (c: AwsCredentialIdentity) => void; reject: (e: Error) => void }> = [];
const credentials = memoizeIdentityProvider(
  () =>
    new Promise<AwsCredentialIdentity>((resolve, reject) => {
      waiting.push({ resolve, reject });
      if (waiting.length === 1) post({ type: 'credentials?' });
    }),
  isIdentityExpired,
  doesIdentityRequireRefresh,
)!;
/**
 * GetObject without S3's flexible checksums. By default the SDK asks S3 for each object's checksum
 * (x-amz-checksum-mode: ENABLED) and computes a CRC over every body it receives to compare.
 * verify-logs checks every body itself, a log file against the SHA-256 its signed digest lists and
 * a digest against CloudTrail's signature, which no changed byte passes: the CRC would only cost
 * CPU per file.
 */
class LogBucketS3Client extends BucketS3Client {
  constructor(config: ConstructorParameters<typeof BucketS3Client>[0]) {
    super({ ...config, responseChecksumValidation: 'WHEN_REQUIRED' });
  }
}

const s3 = new ClientCache({ ...config.target, credentials }).get(LogBucketS3Client, config.region);

port.on('message', (batch: FromMain[]) => {
  for (const message of batch) {
    if (message.type === 'task') void run(message.task);
    else {
      const answered = waiting;
      waiting = [];
      for (const w of answered) {
        if (message.type === 'credentials') w.resolve(message.credentials);
        else w.reject(Object.assign(new Error(message.message), { name: message.name }));
      }
    }
  }
});

async function run(task: FetchTask): Promise<void> {
  try {
    const result = task.kind === 'log' ? await readLogFile(s3, task.bucket, task.key) : await readDigestFile(s3, task.bucket, task.key);
    post({ type: 'done', id: task.id, result });
  } catch (error) {
    post({ type: 'failed', id: task.id, name: errorNameOf(error), message: error instanceof Error ? error.message : String(error) });
  }
}

let outbox: FromWorker[] = [];

/** Messages go out in batches, once per turn of the event loop: a postMessage per file costs more than the file's bookkeeping. */
function post(message: FromWorker): void {
  if (outbox.push(message) > 1) return;
  setImmediate(() => {
    port.postMessage(outbox);
    outbox = [];
  });
}
