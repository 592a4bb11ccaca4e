/** trailguard must only read: the simulator refuses every mutating call, counts it, and names unknown reads. */
import { describe, expect, it } from 'vitest';
import { CloudTrailClient, CreateTrailCommand, LookupEventsCommand, StopLoggingCommand } from '@aws-sdk/client-cloudtrail';
import { KMSClient, ScheduleKeyDeletionCommand } from '@aws-sdk/client-kms';
import { DeleteObjectCommand, PutBucketPolicyCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { EC2Client, RebootInstancesCommand } from '@aws-sdk/client-ec2';
import { MUTATION_REFUSED } from '../../src/simulator/index.js';
import { ARCHIVE, clientFor, failure, FIXTURE_WORLD, MGMT } from './helpers.js';
import { useSimulator } from '../helpers/simulator.js';

const sim = useSimulator(FIXTURE_WORLD);

describe('mutating calls', () => {
  it('are refused with a distinctive error in every protocol and counted', async () => {
    const calls: Array<[string, () => Promise<unknown>]> = [
      ['cloudtrail:CreateTrail', () => clientFor(sim, CloudTrailClient, MGMT).send(new CreateTrailCommand({ Name: 'x', S3BucketName: 'b' }))],
      ['cloudtrail:StopLogging', () => clientFor(sim, CloudTrailClient, MGMT).send(new StopLoggingCommand({ Name: 'org-trail' }))],
      ['s3:PutBucketPolicy', () => clientFor(sim, S3Client, ARCHIVE).send(new PutBucketPolicyCommand({ Bucket: 'archive-logs', Policy: '{}' }))],
      ['s3:PutObject', () => clientFor(sim, S3Client, ARCHIVE).send(new PutObjectCommand({ Bucket: 'archive-logs', Key: 'k', Body: 'x' }))],
      ['s3:DeleteObject', () => clientFor(sim, S3Client, ARCHIVE).send(new DeleteObjectCommand({ Bucket: 'archive-logs', Key: 'AWSLogs/a.json.gz' }))],
      ['kms:ScheduleKeyDeletion', () => clientFor(sim, KMSClient, MGMT).send(new ScheduleKeyDeletionCommand({ KeyId: 'alias/one' }))],
      ['sns:Publish', () => clientFor(sim, SNSClient, MGMT).send(new PublishCommand({ TopicArn: `arn:aws:sns:us-east-1:${MGMT}:alerts`, Message: 'hi' }))],
      // A verb no list of writes names: anything that is not a read counts as a mutation.
      ['ec2:RebootInstances', () => clientFor(sim, EC2Client, MGMT).send(new RebootInstancesCommand({ InstanceIds: ['i-1'] }))],
    ];
    for (const [, call] of calls) {
      const e = await failure(call());
      expect(e.name).toBe(MUTATION_REFUSED);
      expect(e.$metadata.httpStatusCode).toBe(400);
    }
    expect(sim.mutations.map((m) => `${m.service}:${m.operation}`)).toEqual(calls.map(([name]) => name));
    expect(sim.world.buckets.get('archive-logs')?.objects.has('AWSLogs/a.json.gz')).toBe(true);
  });
});

describe('operations the simulator does not serve', () => {
  it('answer the protocol’s unknown-operation error and are not counted as mutations', async () => {
    const before = sim.mutations.length;
    const e = await failure(clientFor(sim, CloudTrailClient, MGMT).send(new LookupEventsCommand({})));
    expect(e.name).toBe('UnknownOperationException');
    expect(e.message).toContain('does not serve cloudtrail:LookupEvents');
    expect(sim.mutations.length).toBe(before);
  });
});

describe('request log and counters', () => {
  it('record account, region, service, operation, status and latency', async () => {
    sim.reset();
    await clientFor(sim, CloudTrailClient, MGMT, 'eu-west-1')
      .send(new LookupEventsCommand({}))
      .catch(() => undefined);
    expect(sim.requests).toEqual([
      expect.objectContaining({
        account: MGMT,
        region: 'eu-west-1',
        service: 'cloudtrail',
        operation: 'LookupEvents',
        status: 400,
        errorCode: 'UnknownOperationException',
      }),
    ]);
    expect(sim.requests[0]?.latencyMs).toBeGreaterThanOrEqual(0);
    expect(sim.counters.count({ account: MGMT, service: 'cloudtrail' })).toBe(1);
    expect(sim.counters.byOperation()).toEqual({ 'cloudtrail:LookupEvents': 1 });
  });
});
