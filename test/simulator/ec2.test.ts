/** EC2 (EC2 Query): DescribeVpcs and DescribeFlowLogs through the real SDK client (DescribeRegions is in monitoring.test.ts). */
import { describe, expect, it } from 'vitest';
import { DescribeFlowLogsCommand, DescribeVpcsCommand, EC2Client, paginateDescribeFlowLogs, paginateDescribeVpcs } from '@aws-sdk/client-ec2';
import { clientFor, failure, GAPS, GOOD, REGIONAL_SERVICES_WORLD } from './helpers.js';
import { useSimulator } from '../helpers/simulator.js';

const sim = useSimulator(REGIONAL_SERVICES_WORLD, { resetEachTest: true });

describe('EC2 VPCs and flow logs', () => {
  it("DescribeVpcs lists the region's VPCs with owner and default flag, and pages", async () => {
    sim.setPageSize(1);
    try {
      const ec2 = clientFor(sim, EC2Client, GOOD, 'us-east-1');
      const first = await ec2.send(new DescribeVpcsCommand({}));
      expect(first.Vpcs).toEqual([expect.objectContaining({ VpcId: 'vpc-0a000000000000001', OwnerId: GOOD, IsDefault: true, CidrBlock: '172.31.0.0/16', State: 'available' })]);
      expect(first.NextToken).toBeDefined();
      const all: string[] = [];
      for await (const page of paginateDescribeVpcs({ client: ec2 }, {})) all.push(...(page.Vpcs ?? []).map((v) => v.VpcId!));
      expect(all).toEqual(['vpc-0a000000000000001', 'vpc-0a000000000000002']);
      const tagged = await ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'is-default', Values: ['false'] }] }));
      expect(tagged.Vpcs?.[0]?.Tags).toEqual([{ Key: 'Name', Value: 'app' }]);
    } finally {
      sim.setPageSize(undefined);
    }
  });

  it('a shared VPC shows its owner; a region without VPCs answers an empty list; an unknown id or filter is refused', async () => {
    const eu = await clientFor(sim, EC2Client, GOOD, 'eu-west-1').send(new DescribeVpcsCommand({}));
    expect(eu.Vpcs).toEqual([expect.objectContaining({ VpcId: 'vpc-0a000000000000003', OwnerId: '999999999999' })]);
    const ec2 = clientFor(sim, EC2Client, GOOD, 'ap-southeast-2');
    expect((await ec2.send(new DescribeVpcsCommand({}))).Vpcs).toEqual([]);
    expect((await failure(ec2.send(new DescribeVpcsCommand({ VpcIds: ['vpc-0123'] })))).name).toBe('InvalidVpcID.NotFound');
    expect((await failure(ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'colour', Values: ['red'] }] })))).name).toBe('InvalidParameterValue');
  });

  it('DescribeFlowLogs gives each VPC flow log with traffic type, status and destination, filters by resource and pages', async () => {
    sim.setPageSize(1);
    try {
      const ec2 = clientFor(sim, EC2Client, GOOD, 'us-east-1');
      const logs = [];
      for await (const page of paginateDescribeFlowLogs({ client: ec2 }, {})) logs.push(...(page.FlowLogs ?? []));
      expect(logs).toHaveLength(2);
      expect(logs.find((f) => f.ResourceId === 'vpc-0a000000000000001')).toMatchObject({
        FlowLogId: 'fl-0a000000000000001',
        TrafficType: 'ALL',
        FlowLogStatus: 'ACTIVE',
        DeliverLogsStatus: 'SUCCESS',
        LogDestinationType: 's3',
        LogDestination: 'arn:aws:s3:::flow-logs-111111111111',
      });
      expect(logs.find((f) => f.ResourceId === 'vpc-0a000000000000002')).toMatchObject({
        FlowLogId: expect.stringMatching(/^fl-[0-9a-f]{17}$/),
        TrafficType: 'REJECT',
        LogDestinationType: 'cloud-watch-logs',
        LogGroupName: 'vpc-flow-logs/vpc-0a000000000000002',
      });
      const one = await ec2.send(new DescribeFlowLogsCommand({ Filter: [{ Name: 'resource-id', Values: ['vpc-0a000000000000002'] }] }));
      expect(one.FlowLogs?.map((f) => f.TrafficType)).toEqual(['REJECT']);
    } finally {
      sim.setPageSize(undefined);
    }
    const failing = await clientFor(sim, EC2Client, GAPS, 'eu-west-1').send(new DescribeFlowLogsCommand({}));
    expect(failing.FlowLogs?.[0]).toMatchObject({ DeliverLogsStatus: 'FAILED', DeliverLogsErrorMessage: 'Access error' });
    expect((await clientFor(sim, EC2Client, GOOD, 'eu-west-1').send(new DescribeFlowLogsCommand({}))).FlowLogs).toEqual([]);
  });

  it('an injected AccessDenied is UnauthorizedOperation, as EC2 says it', async () => {
    sim.faults.add({ kind: 'accessDenied', service: 'ec2', operation: 'DescribeFlowLogs', account: GAPS });
    const e = await failure(clientFor(sim, EC2Client, GAPS, 'us-east-1').send(new DescribeFlowLogsCommand({})));
    expect([e.name, e.$metadata.httpStatusCode]).toEqual(['UnauthorizedOperation', 403]);
  });
});
