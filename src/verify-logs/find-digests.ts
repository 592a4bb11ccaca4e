/**
 * Finds what a trail left in its bucket: the account folders (one, or one per member account
 * under the organization's folder), the regions each delivered digests from, and the digest keys
 * of this trail whose end time falls in the requested range.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { listFolders, listObjectPages } from '../collect/s3-objects.js';
import { ORGANIZATION_ID, accountFolder, digestDayFolder, digestRegionsFolder, isDigestOf, parseDigestKey, type DigestIdentity, type DigestKeyInfo } from './locate.js';
import { dayFolders } from './time.js';

/** One digest chain: an account's digests from one region. */
export interface ChainScope {
  /** `<prefix/>AWSLogs/[<o-id>/]<account>/` */
  folder: string;
  accountId: string;
  region: string;
}

export interface TrailShape {
  ownerAccountId: string;
  homeRegion: string;
  organizationTrail: boolean;
  multiRegionTrail: boolean;
}

const lastSegment = (folder: string): string => folder.replace(/\/$/, '').split('/').pop() ?? '';

/** The account folders the trail writes to: the owner's, or every member's under each o-id folder. */
export async function findAccountFolders(s3: S3Client, bucket: string, root: string, trail: TrailShape): Promise<Array<{ folder: string; accountId: string }>> {
  if (!trail.organizationTrail) return [{ folder: accountFolder(root, trail.ownerAccountId), accountId: trail.ownerAccountId }];
  const found: Array<{ folder: string; accountId: string }> = [];
  for (const orgFolder of await listFolders(s3, bucket, root)) {
    const organizationId = lastSegment(orgFolder);
    if (!ORGANIZATION_ID.test(organizationId)) continue;
    for (const folder of await listFolders(s3, bucket, orgFolder)) {
      const accountId = lastSegment(folder);
      if (/^\d{12}$/.test(accountId)) found.push({ folder, accountId });
    }
  }
  return found;
}

/** Regions with a CloudTrail-Digest folder for this account; only the home region for a single-region trail. */
export async function findScopes(s3: S3Client, bucket: string, account: { folder: string; accountId: string }, trail: TrailShape): Promise<ChainScope[]> {
  const regions = (await listFolders(s3, bucket, digestRegionsFolder(account.folder))).map(lastSegment);
  return regions.filter((r) => trail.multiRegionTrail || r === trail.homeRegion).map((region) => ({ ...account, region }));
}

export interface FoundDigest {
  key: string;
  info: DigestKeyInfo;
}

export interface FoundDigests {
  /** This trail's digests, oldest first. */
  own: FoundDigest[];
  /** Digests of other trails sharing the folder: their lists say which log files are theirs. */
  others: FoundDigest[];
}

/** Digest keys in the scope whose end time is in [from, to]. */
export async function listDigestKeys(s3: S3Client, bucket: string, scope: ChainScope, identity: DigestIdentity, from: Date, to: Date): Promise<FoundDigests> {
  const found: FoundDigests = { own: [], others: [] };
  for (const day of dayFolders(from, to)) {
    for await (const page of listObjectPages(s3, bucket, digestDayFolder(scope.folder, scope.region, day))) {
      for (const { key } of page) {
        const info = parseDigestKey(key);
        if (!info || info.region !== scope.region || info.endTime < from || info.endTime > to) continue;
        (isDigestOf(info, identity) ? found.own : found.others).push({ key, info });
      }
    }
  }
  found.own.sort((a, b) => a.info.endTime.getTime() - b.info.endTime.getTime());
  return found;
}
