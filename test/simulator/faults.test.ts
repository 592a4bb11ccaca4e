/** Every fault kind, as the real SDK clients see it. Retries are off unless a test counts them. */
import { afterEach, describe, expect, it } from 'vitest';
import { CloudTrailClient, DescribeTrailsCommand } from '@aws-sdk/client-cloudtrail';
import { DescribeOrganizationCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { GetBucketVersioningCommand, S3Client } from '@aws-sdk/client-s3';
import { ListTopicsCommand, SNSClient } from '@aws-sdk/client-sns';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { ARCHIVE, clientFor, failure, FIXTURE_WORLD, MEMBER, MGMT } from './helpers.js';
import { useSimulator } from '../helpers/simulator.js';

const sim = useSimulator(FIXTURE_WORLD, { seed: 7 });
const trails = (account = MGMT, region = 'us-east-1', extra = {}) => clientFor(sim, CloudTrailClient, account, region, extra);
const describeTrails = (client = trails()) => client.send(new DescribeTrailsCommand({}));

afterEach(() => sim.reset());

describe('latency', () => {
  it('adds a fixed delay, plus jitter within bounds', async () => {
    sim.faults.add({ kind: 'latency', ms: 150, service: 'cloudtrail' });
    const started = Date.now();
    await describeTrails();
    expect(Date.now() - started).toBeGreaterThanOrEqual(145);
    sim.reset();
    sim.faults.add({ kind: 'latency', ms: 20, jitterMs: 40, service: 'cloudtrail' });
    for (let i = 0; i < 5; i++) await describeTrails();
    for (const r of sim.requests) {
      expect(r.latencyMs).toBeGreaterThanOrEqual(19);
      // 20 ms + up to 40 ms of jitter, plus slack for timers firing late on a busy machine.
      expect(r.latencyMs).toBeLessThan(20 + 40 + 200);
    }
  });
});

describe('throttling', () => {
  it('answers each protocol’s throttling error', async () => {
    sim.faults.add({ kind: 'throttle' });
    const json = await failure(describeTrails());
    expect([json.name, json.$metadata.httpStatusCode]).toEqual(['ThrottlingException', 400]);
    const query = await failure(clientFor(sim, SNSClient, MGMT).send(new ListTopicsCommand({})));
    expect([query.name, query.$metadata.httpStatusCode]).toEqual(['Throttling', 400]);
    const s3 = await failure(clientFor(sim, S3Client, ARCHIVE).send(new GetBucketVersioningCommand({ Bucket: 'archive-logs' })));
    expect([s3.name, s3.$metadata.httpStatusCode]).toEqual(['SlowDown', 503]);
    const org = await failure(clientFor(sim, OrganizationsClient, MGMT).send(new DescribeOrganizationCommand({})));
    expect(org.name).toBe('TooManyRequestsException');
  });

  it('has an HTTP 429 variant', async () => {
    sim.faults.add({ kind: 'throttle', status: 429, service: 'cloudtrail' });
    expect((await failure(describeTrails())).$metadata.httpStatusCode).toBe(429);
  });

  it('throttles a seeded, reproducible share of calls at a rate', async () => {
    const outcomes = async (s: Simulator) => {
      s.faults.add({ kind: 'throttle', rate: 0.3, service: 'cloudtrail' });
      const client = clientFor(s, CloudTrailClient, MGMT);
      const seen: boolean[] = [];
      for (let i = 0; i < 40; i++)
        seen.push(
          await client.send(new DescribeTrailsCommand({})).then(
            () => true,
            () => false,
          ),
        );
      return seen;
    };
    const first = await outcomes(sim);
    const throttled = first.filter((ok) => !ok).length;
    expect(throttled).toBeGreaterThan(4);
    expect(throttled).toBeLessThan(24);
    const again = await startSimulator({ world: FIXTURE_WORLD, seed: 7 });
    try {
      expect(await outcomes(again)).toEqual(first);
    } finally {
      await again.close();
    }
  });

  it('throttles after N calls per (account, region, service) only', async () => {
    sim.faults.add({ kind: 'throttle', afterCalls: 2, service: 'cloudtrail' });
    await describeTrails();
    await describeTrails();
    expect((await failure(describeTrails())).name).toBe('ThrottlingException');
    await describeTrails(trails(MGMT, 'eu-west-1'));
    await describeTrails(trails(MEMBER, 'us-east-1'));
  });

  it('is retried by the SDK, and the retries are visible in the counters', async () => {
    sim.faults.add({ kind: 'throttle', times: 2, service: 'cloudtrail' });
    const out = await describeTrails(trails(MGMT, 'us-east-1', { maxAttempts: 3 }));
    expect(out.trailList).toHaveLength(1);
    expect(out.$metadata.attempts).toBe(3);
    expect(sim.counters.count({ service: 'cloudtrail', operation: 'DescribeTrails' })).toBe(3);
    expect(sim.requests.map((r) => r.errorCode)).toEqual(['ThrottlingException', 'ThrottlingException', undefined]);
  });
});

describe('server errors', () => {
  it('500 InternalFailure and 503 ServiceUnavailable', async () => {
    sim.faults.add({ kind: 'error', status: 500, operation: 'DescribeTrails', times: 1 });
    sim.faults.add({ kind: 'error', status: 503, operation: 'DescribeTrails', times: 1 });
    const a = await failure(describeTrails());
    expect([a.name, a.$metadata.httpStatusCode]).toEqual(['InternalFailure', 500]);
    const b = await failure(describeTrails());
    expect([b.name, b.$metadata.httpStatusCode]).toEqual(['ServiceUnavailable', 503]);
    await describeTrails();
  });

  it('S3 answers InternalError', async () => {
    sim.faults.add({ kind: 'error', service: 's3' });
    const e = await failure(clientFor(sim, S3Client, ARCHIVE).send(new GetBucketVersioningCommand({ Bucket: 'archive-logs' })));
    expect([e.name, e.$metadata.httpStatusCode]).toEqual(['InternalError', 500]);
  });
});

describe('AccessDenied', () => {
  it('for one operation', async () => {
    sim.faults.add({ kind: 'accessDenied', service: 'cloudtrail', operation: 'DescribeTrails' });
    const e = await failure(describeTrails());
    expect([e.name, e.$metadata.httpStatusCode]).toEqual(['AccessDeniedException', 400]);
    expect(e.message).toContain('cloudtrail:DescribeTrails');
    await clientFor(sim, SNSClient, MGMT).send(new ListTopicsCommand({}));
  });

  it('for one account, in each protocol’s shape', async () => {
    sim.faults.add({ kind: 'accessDenied', account: MEMBER });
    expect((await failure(describeTrails(trails(MEMBER)))).name).toBe('AccessDeniedException');
    const q = await failure(clientFor(sim, SNSClient, MEMBER).send(new ListTopicsCommand({})));
    expect([q.name, q.$metadata.httpStatusCode]).toEqual(['AccessDenied', 403]);
    const s3 = await failure(clientFor(sim, S3Client, MEMBER).send(new GetBucketVersioningCommand({ Bucket: 'archive-logs' })));
    expect([s3.name, s3.$metadata.httpStatusCode]).toEqual(['AccessDenied', 403]);
    await describeTrails();
  });

  it('for one region', async () => {
    sim.faults.add({ kind: 'accessDenied', region: 'eu-west-1' });
    expect((await failure(describeTrails(trails(MGMT, 'eu-west-1')))).name).toBe('AccessDeniedException');
    await describeTrails(trails(MGMT, 'us-west-2'));
  });
});

describe('connection faults', () => {
  it('reset: the connection drops with no answer', async () => {
    sim.faults.add({ kind: 'reset', service: 'cloudtrail', times: 1 });
    const e = await failure(describeTrails());
    expect(`${e.name} ${e.message} ${(e as { code?: string }).code ?? ''}`).toMatch(/ECONNRESET|socket hang up/i);
    expect(sim.requests.at(-1)?.errorCode).toBe('ConnectionReset');
    await describeTrails();
  });

  it('hang: never answers, so the client times out', async () => {
    sim.faults.add({ kind: 'hang', service: 'cloudtrail', times: 1 });
    const client = new CloudTrailClient({ ...sim.clientConfigFor(MGMT, 'us-east-1', { timeoutMs: 300 }), maxAttempts: 1 });
    const started = Date.now();
    const e = await failure(client.send(new DescribeTrailsCommand({})));
    expect(e.name).toMatch(/Timeout/i);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(sim.requests.at(-1)?.errorCode).toBe('Hang');
  });
});

describe('world faults', () => {
  it('are loaded from the world and come back after reset', async () => {
    const world = await startSimulator({
      world: { accounts: [{ Id: MGMT }], faults: [{ kind: 'accessDenied', service: 'sns' }] },
    });
    try {
      const call = () => clientFor(world, SNSClient, MGMT).send(new ListTopicsCommand({}));
      expect((await failure(call())).name).toBe('AccessDenied');
      world.reset();
      expect((await failure(call())).name).toBe('AccessDenied');
    } finally {
      await world.close();
    }
  });
});
