/** The two CloudTrail reads verify-logs needs: the trail (bucket, prefix, flags) and the public keys. */
import { CloudTrailClient, GetTrailCommand, paginateListPublicKeys, type Trail } from '@aws-sdk/client-cloudtrail';

/** A ListPublicKeys entry. */
export interface CloudTrailPublicKey {
  Value: Uint8Array;
  Fingerprint: string;
  ValidityStartTime?: Date;
  ValidityEndTime?: Date;
}

/** GetTrail by name (in the client's region) or by ARN; throws TrailNotFoundException when absent. */
export async function getTrail(cloudtrail: CloudTrailClient, nameOrArn: string): Promise<Trail> {
  const out = await cloudtrail.send(new GetTrailCommand({ Name: nameOrArn }));
  if (!out.Trail) throw Object.assign(new Error(`GetTrail returned no trail for ${nameOrArn}`), { name: 'TrailNotFoundException' });
  return out.Trail;
}

/** ListPublicKeys for [start, end] in the client's region: the keys whose private halves signed digests then. */
export async function listPublicKeys(cloudtrail: CloudTrailClient, start: Date, end: Date): Promise<CloudTrailPublicKey[]> {
  const keys: CloudTrailPublicKey[] = [];
  for await (const page of paginateListPublicKeys({ client: cloudtrail }, { StartTime: start, EndTime: end })) {
    for (const k of page.PublicKeyList ?? []) {
      if (!k.Value || !k.Fingerprint) continue;
      keys.push({
        Value: k.Value,
        Fingerprint: k.Fingerprint,
        ...(k.ValidityStartTime ? { ValidityStartTime: k.ValidityStartTime } : {}),
        ...(k.ValidityEndTime ? { ValidityEndTime: k.ValidityEndTime } : {}),
      });
    }
  }
  return keys;
}
