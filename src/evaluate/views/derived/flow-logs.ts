/**
 * derived.flowLogs on the account view (CIS "Ensure VPC flow logging is enabled in all VPCs"):
 * the account's own VPCs in its enabled regions and which of them have an active VPC-level flow
 * log capturing rejected traffic (TrafficType REJECT or ALL) or all traffic. A flow log counts
 * when its FlowLogStatus is ACTIVE and its delivery has not failed (DeliverLogsStatus FAILED
 * records nothing). VPCs shared with the account by another (OwnerId) are the owner's to log.
 */
import type { AccountInventory, ApiError, FlowLog } from '../../../inventory/types.js';
import type { SectionErrors } from './errors.js';
import { doubtfulLists, regionalReads } from './regional-reads.js';

export interface FlowLogFacts {
  /** `region/vpc-id` of every VPC the account owns in a readable region. */
  ownedVpcs: string[];
  /** Owned VPCs with no working flow log at all. */
  vpcsWithout: string[];
  /** Owned VPCs with no working flow log of REJECT or ALL traffic. */
  vpcsWithoutRejected: string[];
  /** Owned VPCs with no working flow log of ALL traffic. */
  vpcsWithoutAll: string[];
  /** Owned VPCs whose only active flow logs fail to deliver. */
  vpcsDeliveryFailing: string[];
  /** VPCs another account shares with this one (left to their owner). */
  sharedVpcs: string[];
  /** Enabled regions whose VPCs or flow logs could not be read. */
  regionsUnread: string[];
}

const active = (f: FlowLog) => (f.FlowLogStatus ?? 'ACTIVE') === 'ACTIVE';
const working = (f: FlowLog) => active(f) && f.DeliverLogsStatus !== 'FAILED';

export function flowLogFacts(
  account: AccountInventory | undefined,
  accountId: string,
  regions: readonly string[],
  failures: readonly ApiError[],
): { facts: FlowLogFacts; errors: SectionErrors } {
  // A region with VPCs needs its flow logs too; one without VPCs needs nothing more.
  const readable = (r: string) => {
    const record = account?.vpcs?.[r];
    return record?.Vpcs !== undefined && (record.Vpcs.length === 0 || record.FlowLogs !== undefined);
  };
  const reads = regionalReads(accountId, regions, failures, 'flowLogs', readable, { service: 'ec2', operation: 'DescribeVpcs', what: 'VPCs and flow logs' });
  const facts: FlowLogFacts = { ownedVpcs: [], vpcsWithout: [], vpcsWithoutRejected: [], vpcsWithoutAll: [], vpcsDeliveryFailing: [], sharedVpcs: [], regionsUnread: reads.unread };
  for (const region of regions.filter(readable)) {
    const record = account!.vpcs![region]!;
    for (const vpc of record.Vpcs!) {
      const id = `${region}/${vpc.VpcId}`;
      if (vpc.OwnerId && vpc.OwnerId !== accountId) {
        facts.sharedVpcs.push(id);
        continue;
      }
      facts.ownedVpcs.push(id);
      const logs = (record.FlowLogs ?? []).filter((f) => f.ResourceId === vpc.VpcId);
      const good = logs.filter(working);
      if (good.length === 0) facts.vpcsWithout.push(id);
      if (!good.some((f) => f.TrafficType === 'REJECT' || f.TrafficType === 'ALL')) facts.vpcsWithoutRejected.push(id);
      if (!good.some((f) => f.TrafficType === 'ALL')) facts.vpcsWithoutAll.push(id);
      if (good.length === 0 && logs.some(active)) facts.vpcsDeliveryFailing.push(id);
    }
  }
  const { regionsUnread: _unread, sharedVpcs: _shared, ...lists } = facts;
  return { facts, errors: doubtfulLists('derived.flowLogs', lists, reads) };
}
