/** ReceivesOrganizationTrails: false, an account the organization trail's rollout missed. */
import { describe, expect, it } from 'vitest';
import { CloudTrailClient, DescribeTrailsCommand, ListTrailsCommand } from '@aws-sdk/client-cloudtrail';
import { useSimulator } from '../helpers/simulator.js';
import { clientFor } from './helpers.js';

const MANAGEMENT = '100000000000';
const REACHED = '100000000001';
const MISSED = '100000000002';
const ORG_TRAIL = `arn:aws:cloudtrail:us-east-1:${MANAGEMENT}:trail/org-trail`;

const sim = useSimulator({
  organization: { Id: 'o-rollout0001', MasterAccountId: MANAGEMENT },
  accounts: [
    { Id: MANAGEMENT, trails: [{ Name: 'org-trail', HomeRegion: 'us-east-1', S3BucketName: 'org-logs', IsMultiRegionTrail: true, IsOrganizationTrail: true }] },
    { Id: REACHED },
    { Id: MISSED, ReceivesOrganizationTrails: false },
  ],
});

describe('an account the organization trail does not reach', () => {
  it('lists no organization trail, while the other members do', async () => {
    const arns = async (account: string) => ((await clientFor(sim, CloudTrailClient, account, 'eu-west-1').send(new DescribeTrailsCommand({}))).trailList ?? []).map((t) => t.TrailARN);
    expect(await arns(REACHED)).toEqual([ORG_TRAIL]);
    expect(await arns(MISSED)).toEqual([]);
    const listed = await clientFor(sim, CloudTrailClient, MISSED, 'us-east-1').send(new ListTrailsCommand({}));
    expect(listed.Trails).toEqual([]);
  });
});
