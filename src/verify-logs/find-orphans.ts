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
import { HOUR_MS, dayFolders } from './time.js';

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
  isListed: (bucket: string, key: string) => boolean,
): Promise<LogVerdict[]> {
  const orphans: LogVerdict[] = [];
  for (const day of dayFolders(span.from, span.to)) {
    for await (const page of listObjectPages(s3, bucket, logDayFolder(scope.folder, scope.region, day))) {
      for (const { key } of page) {
        const info = parseLogKey(key);
        if (!info || info.time < span.from || info.time > span.to || isListed(bucket, key)) continue;
        orphans.push({
          bucket,
          key,
          accountId: scope.accountId,
          region: scope.region,
          outcome: 'log file not in any digest',
          reason: 'in the bucket, inside the span the digests cover, but listed by no digest',
        });
      }
    }
  }
  return orphans;
}
