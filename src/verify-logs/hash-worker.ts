/**
 * Worker thread of HashPool: the main thread streams each log file's gzip bytes in, this thread
 * inflates and hashes them with the same sha256OfGzipStream the rest of verify-logs uses.
 */
import { PassThrough } from 'node:stream';
import { parentPort } from 'node:worker_threads';
import { sha256OfGzipStream } from './hash-stream.js';
import type { ToPool, ToWorker } from './hash-pool.js';

const port = parentPort;
if (!port) throw new Error('hash-worker runs only as a worker thread');
const post = (message: ToPool): void => port.postMessage(message);
const files = new Map<number, PassThrough>();

port.on('message', (message: ToWorker) => {
  if (message.kind === 'start') {
    const body = new PassThrough();
    files.set(message.id, body);
    sha256OfGzipStream(body).then(
      (hashed) => post({ kind: 'done', id: message.id, ...hashed }),
      (error: unknown) => post({ kind: 'failed', id: message.id, code: (error as { code?: string }).code ?? '', message: error instanceof Error ? error.message : String(error) }),
    ).finally(() => files.delete(message.id));
    return;
  }
  const body = files.get(message.id);
  if (!body) return;
  // The ack comes once the chunk has gone on towards zlib: the main thread keeps only a few chunks in flight.
  if (message.kind === 'chunk') body.write(message.bytes, () => post({ kind: 'ack', id: message.id }));
  else if (message.kind === 'end') body.end();
  else body.destroy();
});
