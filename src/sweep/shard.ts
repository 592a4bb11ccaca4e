/**
 * Sharding for existing batch engines: `--shard I/N` (0-based, as Kubernetes Indexed Jobs and
 * AWS Batch array jobs number their workers), or `--shard N` with I read from
 * JOB_COMPLETION_INDEX or AWS_BATCH_JOB_ARRAY_INDEX. An account's shard is a hash of its id,
 * so a shard keeps its accounts when others join or leave the organization.
 */
import { createHash } from 'node:crypto';
import { InputError } from '../errors.js';

export interface Shard {
  index: number;
  count: number;
}

export function parseShard(value: string | undefined, env: NodeJS.ProcessEnv): Shard | undefined {
  if (!value) return undefined;
  const match = /^(?:(\d+)\/)?(\d+)$/.exec(value.trim());
  if (!match) throw new InputError(`--shard "${value}" must be I/N (0 <= I < N) or N with the index in JOB_COMPLETION_INDEX or AWS_BATCH_JOB_ARRAY_INDEX`);
  const count = Number(match[2]);
  const fromEnv = env.JOB_COMPLETION_INDEX ?? env.AWS_BATCH_JOB_ARRAY_INDEX;
  const indexText = match[1] ?? fromEnv;
  if (indexText === undefined) throw new InputError(`--shard ${value}: no shard index given and neither JOB_COMPLETION_INDEX nor AWS_BATCH_JOB_ARRAY_INDEX is set`);
  const index = Number(indexText);
  if (!Number.isInteger(index) || count < 1 || index < 0 || index >= count) {
    throw new InputError(`--shard: index ${indexText} is outside 0..${count - 1}`);
  }
  return { index, count };
}

export function shardOf(accountId: string, count: number): number {
  return createHash('sha256').update(accountId).digest().readUInt32BE(0) % count;
}
