/**
 * EC2: each scanned region's VPCs and the flow logs attached to them (CIS "VPC flow logging is
 * enabled in all VPCs"). Flow logs are read only where there is a VPC, and only VPC-level ones
 * are kept: subnet and interface flow logs do not satisfy the control.
 */
import { DescribeFlowLogsCommand, DescribeVpcsCommand, EC2Client } from '@aws-sdk/client-ec2';
import type { FlowLog, VpcsRecord } from '../inventory/types.js';
import { plain } from './plain.js';
import { paginate, type Session } from './session.js';

type Vpc = NonNullable<VpcsRecord['Vpcs']>[number];

export async function collectVpcs(session: Session, regions: string[]): Promise<Record<string, VpcsRecord>> {
  const entries = await Promise.all(
    regions.map(async (region): Promise<[string, VpcsRecord]> => {
      const ec2 = session.clients.get(EC2Client, region);
      const vpcs = await paginate(
        session,
        { service: 'ec2', operation: 'DescribeVpcs', region },
        (NextToken) => ec2.send(new DescribeVpcsCommand({ NextToken })),
        (o) => o.NextToken,
        (o) => o.Vpcs,
      );
      // A partial listing can't say which VPCs lack flow logs.
      if (!vpcs.complete) return [region, {}];
      const record: VpcsRecord = {
        Vpcs: vpcs.items
          .filter((v) => v.VpcId)
          .map((v) => plain<Vpc>({ VpcId: v.VpcId, OwnerId: v.OwnerId, State: v.State, IsDefault: v.IsDefault, CidrBlock: v.CidrBlock, Tags: v.Tags }))
          .sort((a, b) => a.VpcId.localeCompare(b.VpcId)),
      };
      if (record.Vpcs!.length === 0) return [region, record];
      const flowLogs = await paginate(
        session,
        { service: 'ec2', operation: 'DescribeFlowLogs', region },
        (NextToken) => ec2.send(new DescribeFlowLogsCommand({ NextToken })),
        (o) => o.NextToken,
        (o) => o.FlowLogs,
      );
      if (flowLogs.complete) {
        record.FlowLogs = flowLogs.items
          .filter((f) => f.ResourceId?.startsWith('vpc-'))
          .map((f) =>
            plain<FlowLog>({
              FlowLogId: f.FlowLogId,
              ResourceId: f.ResourceId,
              TrafficType: f.TrafficType,
              FlowLogStatus: f.FlowLogStatus,
              DeliverLogsStatus: f.DeliverLogsStatus,
              DeliverLogsErrorMessage: f.DeliverLogsErrorMessage,
              LogDestinationType: f.LogDestinationType,
              LogDestination: f.LogDestination,
              LogGroupName: f.LogGroupName,
              CreationTime: f.CreationTime,
              MaxAggregationInterval: f.MaxAggregationInterval,
            }),
          )
          .sort((a, b) => (a.FlowLogId ?? '').localeCompare(b.FlowLogId ?? ''));
      }
      return [region, record];
    }),
  );
  return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
}
