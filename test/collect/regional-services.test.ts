/**
 * The config-recorders, vpc-flow-logs and security-hub sections against the simulator, through
 * the real SDK clients: what lands in the inventory, "not subscribed" as an answer, failures
 * recorded per region without losing the others, and the calls the documented plan promises.
 */
import { describe, expect, it } from 'vitest';
import { collectInventory } from '../../src/collect/inventory.js';
import { closePlan } from '../../src/collect/sections.js';
import { plannedCalls } from '../../src/plan/call-count.js';
import { callsByOperation, simTarget } from '../helpers/sim-target.js';
import { useSimulator } from '../helpers/simulator.js';
import { GAPS, GOOD, REGIONAL_SERVICES_WORLD } from '../simulator/helpers.js';

const PLAN = closePlan(['config-recorders', 'vpc-flow-logs', 'security-hub']);
const tool = { name: 'trailguard', version: 'test' };

const sim = useSimulator(REGIONAL_SERVICES_WORLD, { resetEachTest: true });

const collect = async (account: string) => (await collectInventory({ target: simTarget(sim, account), plan: PLAN, tool })).inventory.accounts[0]!;
const regionalCalls = () => Object.fromEntries(Object.entries(callsByOperation(sim)).filter(([op]) => /^(config|ec2:Describe(Vpcs|FlowLogs)|securityhub)/.test(op)));

describe('regional services collection', () => {
  it('reads every enabled region (opt-in included, not-enabled left out) into the inventory', async () => {
    const account = await collect(GOOD);
    const regions = ['af-south-1', 'ap-southeast-2', 'eu-west-1', 'us-east-1'];
    expect(Object.keys(account.configRecorders ?? {})).toEqual(regions);
    expect(Object.keys(account.vpcs ?? {})).toEqual(regions);
    expect(Object.keys(account.securityHub ?? {})).toEqual(regions);
    expect(account.configRecorders?.['us-east-1']).toMatchObject({
      ConfigurationRecorders: [{ name: 'default', recordingGroup: { allSupported: true, includeGlobalResourceTypes: true } }],
      ConfigurationRecordersStatus: [{ name: 'default', recording: true, lastStatus: 'Success', lastStartTime: '2024-01-01T00:00:00.000Z' }],
    });
    const flowLogs = account.vpcs?.['us-east-1']?.FlowLogs?.map((f) => `${f.ResourceId} ${f.TrafficType} ${f.FlowLogStatus} ${f.LogDestinationType}`);
    expect(flowLogs?.sort()).toEqual(['vpc-0a000000000000001 ALL ACTIVE s3', 'vpc-0a000000000000002 REJECT ACTIVE cloud-watch-logs']);
    expect(account.vpcs?.['eu-west-1']).toEqual({
      Vpcs: [{ VpcId: 'vpc-0a000000000000003', OwnerId: '999999999999', State: 'available', IsDefault: false, CidrBlock: '10.0.0.0/16' }],
      FlowLogs: [],
    });
    expect(account.securityHub?.['us-east-1']?.Hub).toMatchObject({ HubArn: 'arn:aws:securityhub:us-east-1:111111111111:hub/default', SubscribedAt: '2025-03-01T10:00:00.000Z' });
    expect(account.errors).toEqual([]);
  });

  it('records "no recorder", "no VPC" and "not subscribed" as answers, and skips the calls they make pointless', async () => {
    const account = await collect(GAPS);
    expect(account.configRecorders?.['ap-southeast-2']).toEqual({ ConfigurationRecorders: [] });
    expect(account.securityHub?.['eu-west-1']).toEqual({});
    expect(account.errors).toEqual([]);
    // 3 enabled regions; a status read where a recorder exists (2), flow logs where a VPC exists (3).
    expect(regionalCalls()).toEqual({
      'config:DescribeConfigurationRecorderStatus': 2,
      'config:DescribeConfigurationRecorders': 3,
      'ec2:DescribeFlowLogs': 3,
      'ec2:DescribeVpcs': 3,
      'securityhub:DescribeHub': 3,
    });
  });

  it('makes exactly the calls the documented plan counts for the account', async () => {
    await collect(GOOD);
    const planned = plannedCalls(PLAN, { enabledRegions: 4, trails: 0, regionsWithConfigRecorder: 4, regionsWithVpcs: 2, management: false });
    const expected = Object.fromEntries(planned.filter((c) => /^(config|ec2:Describe(Vpcs|FlowLogs)|securityhub)/.test(c.operation)).map((c) => [c.operation, c.calls]));
    expect(regionalCalls()).toEqual(expected);
  });

  it('an AccessDenied in one region is recorded for that region only; the other regions and services are intact', async () => {
    sim.faults.add({ kind: 'accessDenied', service: 'ec2', operation: 'DescribeFlowLogs', account: GAPS, region: 'eu-west-1' });
    sim.faults.add({ kind: 'accessDenied', service: 'config', operation: 'DescribeConfigurationRecorderStatus', account: GAPS, region: 'us-east-1' });
    sim.faults.add({ kind: 'accessDenied', service: 'securityhub', account: GAPS, region: 'us-east-1' });
    const account = await collect(GAPS);
    expect(account.errors.map((e) => `${e.region} ${e.service}:${e.operation} ${e.errorName}`)).toEqual([
      'eu-west-1 ec2:DescribeFlowLogs UnauthorizedOperation',
      'us-east-1 config:DescribeConfigurationRecorderStatus AccessDeniedException',
      'us-east-1 securityhub:DescribeHub AccessDeniedException',
    ]);
    expect(account.vpcs?.['eu-west-1']).toEqual({ Vpcs: [expect.objectContaining({ VpcId: 'vpc-0b000000000000003' })] });
    expect(account.vpcs?.['us-east-1']?.FlowLogs).toHaveLength(1);
    expect(account.configRecorders?.['us-east-1']?.ConfigurationRecordersStatus).toBeUndefined();
    expect(account.configRecorders?.['us-east-1']?.ConfigurationRecorders).toHaveLength(1);
    expect(account.configRecorders?.['eu-west-1']?.ConfigurationRecordersStatus?.[0]?.recording).toBe(false);
    expect(account.securityHub).toEqual({ 'ap-southeast-2': {}, 'eu-west-1': {}, 'us-east-1': {} });
  });

  it('follows pagination to the same VPCs and flow logs', async () => {
    const whole = await collect(GOOD);
    sim.reset();
    sim.setPageSize(1);
    try {
      const paged = await collect(GOOD);
      expect(paged.vpcs).toEqual(whole.vpcs);
      expect(callsByOperation(sim)['ec2:DescribeVpcs']).toBe(5);
    } finally {
      sim.setPageSize(undefined);
    }
  });
});
