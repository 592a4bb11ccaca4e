/**
 * `scan --evidence --verify-logs`: every trail the scan saw gets a line in the bundle. The
 * trails the calling account owns are verified over the 24 hours before the scan with the
 * caller's credentials (in a sweep, that is the organization trail); a member's own trails would
 * need that member's role and its bucket owner's, so they are recorded as not verified, with the
 * reason, and left to `trailguard verify-logs` run with those credentials.
 */
import type { AwsTarget } from '../collect/aws-target.js';
import { TOOL } from '../package-info.js';
import type { Inventory } from '../inventory/types.js';
import { parseTrailArn } from './locate.js';
import { unreadableReport, type VerifyLogsReport } from './report.js';
import { HOUR_MS, displayTime } from './time.js';
import { verifyTrailLogs } from './verify.js';

/** A trail's verification for the evidence bundle: its report, or why it has none. */
export type TrailVerification = { trailArn: string; report: VerifyLogsReport } | { trailArn: string; notVerified: string };

export async function verifyOwnedTrails(target: AwsTarget, inventory: Inventory, caller: string, end: Date): Promise<TrailVerification[]> {
  const trails = new Map<string, string>();
  for (const account of inventory.accounts) for (const { Trail } of account.trails) trails.set(Trail.TrailARN, Trail.Name);
  const out: TrailVerification[] = [];
  for (const [trailArn, name] of [...trails].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const owner = parseTrailArn(trailArn)?.accountId;
    if (owner !== caller) {
      out.push({
        trailArn,
        notVerified: `owned by account ${owner ?? '(unknown)'}, not the scanning account ${caller}: run trailguard verify-logs with credentials that can read its bucket`,
      });
      continue;
    }
    try {
      out.push({ trailArn, report: await verifyTrailLogs({ trail: trailArn, target, end }) });
    } catch (error) {
      // A bad-input error here (the trail vanished since it was listed) is still an outcome to record.
      const message = error instanceof Error ? error.message : String(error);
      const requested = { start: displayTime(new Date(end.getTime() - 24 * HOUR_MS)), end: displayTime(end) };
      out.push({ trailArn, report: unreadableReport(TOOL, { name, arn: trailArn }, requested, message, { operation: 'GetTrail', errorName: 'Error', message }) });
    }
  }
  return out;
}
