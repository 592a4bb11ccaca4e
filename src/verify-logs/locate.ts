/**
 * Where CloudTrail puts a trail's files in its bucket (CloudTrail user guide, "CloudTrail digest
 * file structure", section "Digest file location"; log files: "Finding your CloudTrail log files"):
 *
 *   <prefix/>AWSLogs/[<o-id>/]<account>/CloudTrail-Digest/<region>/YYYY/MM/DD/
 *       <account>_CloudTrail-Digest_<region>_<trail-name>_<home-region>_<YYYYMMDDTHHmmssZ>[_backfill].json.gz
 *   <prefix/>AWSLogs/[<o-id>/]<account>/CloudTrail/<region>/YYYY/MM/DD/
 *       <account>_CloudTrail_<region>_<YYYYMMDDTHHmmZ>_<unique>.json.gz
 */
import { dayFolder, digestKeyTime, logKeyTime, parseKeyTime } from './time.js';

export interface TrailArn {
  partition: string;
  region: string;
  accountId: string;
  name: string;
}

/** `arn:<partition>:cloudtrail:<region>:<account>:trail/<name>`. */
export function parseTrailArn(text: string): TrailArn | undefined {
  const m = /^arn:(aws[a-z-]*):cloudtrail:([a-z0-9-]+):(\d{12}):trail\/([A-Za-z0-9._-]{3,128})$/.exec(text);
  if (!m) return undefined;
  const [, partition, region, accountId, name] = m as unknown as [string, string, string, string, string];
  return { partition, region, accountId, name };
}

/** Trail names: 3-128 letters, digits, periods, underscores and dashes, starting and ending with a letter or digit. */
export const TRAIL_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9._-]{1,126})[A-Za-z0-9]$/;

export const ORGANIZATION_ID = /^o-[a-z0-9]{10,32}$/;

/** `<prefix/>AWSLogs/`: the root every account's (or organization's) folder hangs from. */
export function logsRoot(prefix: string | undefined): string {
  const clean = (prefix ?? '').replace(/^\/+|\/+$/g, '');
  return clean ? `${clean}/AWSLogs/` : 'AWSLogs/';
}

/** One account's folder: `<root><account>/` or, for an organization trail, `<root><o-id>/<account>/`. */
export function accountFolder(root: string, accountId: string, organizationId?: string): string {
  return organizationId ? `${root}${organizationId}/${accountId}/` : `${root}${accountId}/`;
}

export function digestRegionsFolder(account: string): string {
  return `${account}CloudTrail-Digest/`;
}

export function digestDayFolder(account: string, region: string, day: string): string {
  return `${account}CloudTrail-Digest/${region}/${day}/`;
}

export function logDayFolder(account: string, region: string, day: string): string {
  return `${account}CloudTrail/${region}/${day}/`;
}

/** What identifies one trail's digest chain in a bucket. */
export interface DigestIdentity {
  accountId: string;
  trailName: string;
  homeRegion: string;
}

export interface DigestKeyInfo {
  accountId: string;
  region: string;
  /** `<trail-name>_<home-region>`: which trail's chain the digest belongs to. */
  trailTag: string;
  endTime: Date;
  backfill: boolean;
}

/** Reads a digest key's file name (any trail's); undefined when it is not a digest key. */
export function parseDigestKey(key: string): DigestKeyInfo | undefined {
  const name = key.slice(key.lastIndexOf('/') + 1);
  const m = /^(\d{12})_CloudTrail-Digest_([a-z0-9-]+)_(.+)_(\d{8}T\d{6}Z)(_backfill)?\.json\.gz$/.exec(name);
  const endTime = m ? parseKeyTime(m[4] as string) : undefined;
  if (!m || !endTime) return undefined;
  return { accountId: m[1] as string, region: m[2] as string, trailTag: m[3] as string, endTime, backfill: Boolean(m[5]) };
}

/** Other trails may share the bucket and prefix: this one's digests carry its name and home region. */
export function isDigestOf(info: DigestKeyInfo, trail: DigestIdentity): boolean {
  return info.accountId === trail.accountId && info.trailTag === `${trail.trailName}_${trail.homeRegion}`;
}

export interface LogKeyInfo {
  accountId: string;
  region: string;
  time: Date;
}

export function parseLogKey(key: string): LogKeyInfo | undefined {
  const name = key.slice(key.lastIndexOf('/') + 1);
  const m = /^(\d{12})_CloudTrail_([a-z0-9-]+)_(\d{8}T\d{4}Z)_[A-Za-z0-9]+\.json\.gz$/.exec(name);
  const time = m ? parseKeyTime(m[3] as string) : undefined;
  return m && time ? { accountId: m[1] as string, region: m[2] as string, time } : undefined;
}

export function digestKey(account: string, trail: DigestIdentity, region: string, endTime: Date): string {
  const file = `${trail.accountId}_CloudTrail-Digest_${region}_${trail.trailName}_${trail.homeRegion}_${digestKeyTime(endTime)}.json.gz`;
  return `${digestDayFolder(account, region, dayFolder(endTime))}${file}`;
}

export function logKey(account: string, accountId: string, region: string, time: Date, unique: string): string {
  const file = `${accountId}_CloudTrail_${region}_${logKeyTime(time)}_${unique}.json.gz`;
  return `${logDayFolder(account, region, dayFolder(time))}${file}`;
}
