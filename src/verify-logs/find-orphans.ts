/**
 * Log files in the bucket that no digest lists. A digest lists the files delivered during its
 * hour, so only files whose name time lies inside the span the found digests cover can be judged;
 * the last hour of that span is left out because a file named then may be delivered into the
 * next digest (CloudTrail delivers log files within minutes, digests hourly).
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { listObjectPages } from '../collect/s3-objects.js';
import type { ChainScope } from './find-digests.js';
import { logDayFolder, parseLogKey } from './locate.js';
import type { LogVerdict } from './report.js';
import { HOUR_MS, dayFolder, dayFolders } from './time.js';

export interface Coverage {
  from: Date;
  to: Date;
}

/** The span of one chain's digests within the request, or undefined when nothing can be judged. */
export function coverage(requested: Coverage, digestStarts: Date[], digestEnds: Date[]): Coverage | undefined {
  if (!digestStarts.length || !digestEnds.length) return undefined;
  const earliest = Math.min(...digestStarts.map((d) => d.getTime()));
  const latest = Math.max(...digestEnds.map((d) => d.getTime()));
  const from = Math.max(requested.from.getTime(), earliest);
  const to = Math.min(requested.to.getTime(), latest - HOUR_MS);
  return from <= to ? { from: new Date(from), to: new Date(to) } : undefined;
}

export async function findUnlistedLogFiles(
  s3: S3Client,
  bucket: string,
  scope: ChainScope,
  span: Coverage,
  /** true when a valid digest lists the file; else the key of a digest that lists it but failed its check, if any. */
  listedBy: (bucket: string, key: string) => true | string | undefined,
): Promise<LogVerdict[]> {
  const orphans: LogVerdict[] = [];
  for (const day of dayFolders(span.from, span.to)) {
    const folder = logDayFolder(scope.folder, scope.region, day);
    for await (const page of listObjectPages(s3, bucket, folder)) {
      for (const { key } of page) {
        const listed = listedBy(bucket, key);
        if (key.endsWith('/') || listed === true) continue;
        const stray = strayReason(key.slice(folder.length), scope, day);
        const time = parseLogKey(key)?.time;
        if (!stray && time && (time < span.from || time > span.to)) continue;
        orphans.push({
          bucket,
          key,
          accountId: scope.accountId,
          region: scope.region,
          outcome: 'log file not in any digest',
          reason: stray ?? (listed ? `listed only by digest ${listed}, which did not verify` : 'in the bucket, inside the span the digests cover, but listed by no digest'),
        });
      }
    }
  }
  return orphans;
}

/**
 * Why a file in a log day folder cannot be one CloudTrail delivered there, or undefined for a
 * canonical name. CloudTrail never writes such files, but Athena or a SIEM reading the folder
 * ingests them all the same, so they are reported whatever their time.
 */
function strayReason(name: string, scope: ChainScope, day: string): string | undefined {
  const info = parseLogKey(name);
  const ingested = 'CloudTrail never writes it, yet a reader of this folder (Athena, a SIEM) would ingest it';
  if (name.includes('/')) return `in a sub-folder of the log folder: ${ingested}`;
  if (!info) return `not a CloudTrail log file name: ${ingested}`;
  if (info.accountId !== scope.accountId || info.region !== scope.region || dayFolder(info.time) !== day) {
    return `named for account ${info.accountId}, ${info.region}, ${dayFolder(info.time)}, but in the folder of ${scope.accountId}, ${scope.region}, ${day}: ${ingested}`;
  }
  return undefined;
}
