/** The messages between the main thread (fetch-pool.ts) and its fetch workers (fetch-worker.ts), posted in arrays (batches). */
import type { AwsCredentialIdentity } from '@aws-sdk/types';
import type { AwsTarget } from '../collect/aws-target.js';
import type { DigestRead, LogRead } from './read-files.js';

export interface WorkerConfig {
  /** Everything but the credentials, which a worker asks for (functions do not cross threads). */
  target: Omit<AwsTarget, 'credentials'>;
  /** The S3 client's region (the trail's home region; it follows the bucket's redirect). */
  region: string;
}

export interface FetchTask {
  id: number;
  kind: 'log' | 'digest';
  bucket: string;
  key: string;
}

export type FromMain = { type: 'task'; task: FetchTask } | { type: 'credentials'; credentials: AwsCredentialIdentity } | { type: 'credentials failed'; name: string; message: string };

export type FromWorker =
  | { type: 'credentials?' }
  | { type: 'done'; id: number; result: LogRead | DigestRead }
  /** `name` as errorNameOf gives it, `message` unredacted: the main thread redacts what it records. */
  | { type: 'failed'; id: number; name: string; message: string };
