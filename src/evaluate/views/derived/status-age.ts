/**
 * derived.hoursSince: for each time GetTrailStatus reports, how many hours before the collection
 * it was. Freshness is judged against `collectedAt` (when AWS answered), not the evaluation time,
 * so re-evaluating a saved inventory later does not turn a fresh delivery into a stale one.
 */
import type { TrailRecord } from '../../../inventory/types.js';

const STATUS_TIMES = ['LatestDeliveryTime', 'LatestDigestDeliveryTime', 'LatestCloudWatchLogsDeliveryTime', 'LatestNotificationTime', 'StartLoggingTime', 'StopLoggingTime'] as const;

export type StatusTime = (typeof STATUS_TIMES)[number];

const HOUR_MS = 3_600_000;

/** Hours (two decimals) from each status time to `collectedAt`; a time that is absent or unparsable is left out. */
export function hoursSince(status: TrailRecord['Status'], collectedAt: string): Partial<Record<StatusTime, number>> {
  const now = Date.parse(collectedAt);
  const out: Partial<Record<StatusTime, number>> = {};
  if (!status || Number.isNaN(now)) return out;
  for (const field of STATUS_TIMES) {
    const at = Date.parse(status[field] ?? '');
    if (!Number.isNaN(at)) out[field] = Math.round(((now - at) / HOUR_MS) * 100) / 100;
  }
  return out;
}
