/**
 * The account view's per-region facts: derived.configRecorders, derived.flowLogs and
 * derived.securityHub, through buildViews, with the cases other scanners get wrong: an opt-in
 * region not enabled is not required, a stopped or failing recorder, a recorder of chosen types,
 * global types recorded in one region, a shared VPC, an accept-only or undeliverable flow log,
 * "not subscribed" versus AccessDenied, and an unreadable region (error, unless another readable
 * region already decides).
 */
import { describe, expect, it } from 'vitest';
import type { ViewOf } from '../../../src/evaluate/types.js';
import { buildViews } from '../../../src/evaluate/views/index.js';
import type { AccountViewData } from '../../../src/evaluate/views/view-data.generated.js';
import type { AccountInventory, ApiError, ConfigRecordersRecord, VpcsRecord } from '../../../src/inventory/types.js';
import { account, inventory } from './inventory-builder.js';

const ID = '111111111111';
const denied = (region: string, service: string, operation: string, errorName = 'AccessDeniedException'): ApiError => ({
  accountId: ID,
  region,
  service,
  operation,
  errorName,
  message: 'denied',
});

function accountData(extra: Partial<AccountInventory>): AccountViewData {
  const view = buildViews(inventory([account(ID, extra)])).find((v): v is ViewOf<'account'> => v.type === 'account')!;
  return view.data;
}

const recording = (extra: Partial<NonNullable<ConfigRecordersRecord['ConfigurationRecorders']>[number]> = {}, global = false): ConfigRecordersRecord => ({
  ConfigurationRecorders: [{ name: 'default', recordingGroup: { allSupported: true, includeGlobalResourceTypes: global }, ...extra }],
  ConfigurationRecordersStatus: [{ name: 'default', recording: true, lastStatus: 'Success' }],
});

describe('derived.configRecorders', () => {
  it('a recorder of every type that is recording passes the region; ap-east-1 (not enabled) is not required', () => {
    const linkedRole = `arn:aws:iam::${ID}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig`;
    const data = accountData({ configRecorders: { 'us-east-1': recording({ roleARN: linkedRole }, true), 'eu-west-1': recording({ roleARN: `arn:aws:iam::${ID}:role/my-config-role` }) } });
    expect(data.derived.configRecorders).toEqual({
      regionsRecordingAll: ['eu-west-1', 'us-east-1'],
      regionsMissing: [],
      regionsWithoutRecorder: [],
      regionsPartialRecording: [],
      regionsNotRecording: [],
      regionsRecordingGlobalTypes: ['us-east-1'],
      regionsWithoutGlobalTypes: ['eu-west-1'],
      regionsWithoutServiceLinkedRole: ['eu-west-1'],
      regionsUnread: [],
    });
    expect(Object.keys(data.$errors).filter((k) => k.includes('configRecorders'))).toEqual([]);
  });

  it('the recording strategy ALL_SUPPORTED_RESOURCE_TYPES counts as all; inclusion and exclusion lists do not; no recorder, stopped or failing is missing', () => {
    const strategy = recording({ recordingGroup: { recordingStrategy: { useOnly: 'ALL_SUPPORTED_RESOURCE_TYPES' } } });
    expect(accountData({ configRecorders: { 'us-east-1': strategy, 'eu-west-1': strategy } }).derived.configRecorders!.regionsMissing).toEqual([]);
    const facts = accountData({
      configRecorders: {
        'us-east-1': recording({
          recordingGroup: { allSupported: false, recordingStrategy: { useOnly: 'EXCLUSION_BY_RESOURCE_TYPES' }, exclusionByResourceTypes: { resourceTypes: ['AWS::EC2::Instance'] } },
        }),
        'eu-west-1': { ConfigurationRecorders: [] },
      },
    }).derived.configRecorders!;
    expect([facts.regionsPartialRecording, facts.regionsWithoutRecorder, facts.regionsMissing]).toEqual([['us-east-1'], ['eu-west-1'], ['eu-west-1', 'us-east-1']]);
    const stopped = { ...recording(), ConfigurationRecordersStatus: [{ name: 'default', recording: false, lastStatus: 'Success' }] };
    const failing = { ...recording(), ConfigurationRecordersStatus: [{ name: 'default', recording: true, lastStatus: 'Failure', lastErrorCode: 'AccessDenied' }] };
    expect(accountData({ configRecorders: { 'us-east-1': stopped, 'eu-west-1': failing } }).derived.configRecorders!.regionsNotRecording).toEqual(['eu-west-1', 'us-east-1']);
  });

  it('a service-linked recorder alone is no recorder of the account', () => {
    const linked: ConfigRecordersRecord = {
      ConfigurationRecorders: [{ name: 'AWSConfigurationRecorderForSecurityHub', servicePrincipal: 'securityhub.amazonaws.com', recordingGroup: { allSupported: false } }],
      ConfigurationRecordersStatus: [],
    };
    expect(accountData({ configRecorders: { 'us-east-1': linked, 'eu-west-1': recording() } }).derived.configRecorders!.regionsWithoutRecorder).toEqual(['us-east-1']);
  });

  it('an unread region makes empty lists unknown (naming the call), but a region already missing stays certain', () => {
    const errors = [denied('eu-west-1', 'config', 'DescribeConfigurationRecorderStatus')];
    const doubt = accountData({ configRecorders: { 'us-east-1': recording({}, true), 'eu-west-1': { ConfigurationRecorders: recording().ConfigurationRecorders! } }, errors });
    expect(doubt.derived.configRecorders!.regionsUnread).toEqual(['eu-west-1']);
    expect(doubt.$errors['derived.configRecorders.regionsMissing']).toMatchObject({
      operation: 'DescribeConfigurationRecorderStatus',
      region: 'eu-west-1',
      errorName: 'AccessDeniedException',
    });
    // us-east-1 records the global types: that is certain whatever eu-west-1 holds.
    expect(doubt.$errors['derived.configRecorders.regionsRecordingGlobalTypes']).toBeUndefined();
    const certain = accountData({
      configRecorders: { 'us-east-1': { ConfigurationRecorders: [] }, 'eu-west-1': {} },
      errors: [denied('eu-west-1', 'config', 'DescribeConfigurationRecorders')],
    });
    expect(certain.derived.configRecorders!.regionsMissing).toEqual(['us-east-1']);
    expect(certain.$errors['derived.configRecorders.regionsMissing']).toBeUndefined();
  });

  it('an inventory collected without the section is NotCollected, never "no recorder"', () => {
    const data = accountData({});
    expect(data.derived.configRecorders!.regionsUnread).toEqual(['eu-west-1', 'us-east-1']);
    expect(data.$errors['derived.configRecorders.regionsMissing']).toMatchObject({ operation: 'DescribeConfigurationRecorders', errorName: 'NotCollected' });
  });
});

describe('derived.flowLogs', () => {
  const vpc = (VpcId: string, OwnerId = ID) => ({ VpcId, OwnerId });
  const log = (ResourceId: string, TrafficType: string, extra = {}) => ({
    FlowLogId: `fl-${ResourceId}`,
    ResourceId,
    TrafficType,
    FlowLogStatus: 'ACTIVE',
    DeliverLogsStatus: 'SUCCESS',
    ...extra,
  });

  it('sorts owned VPCs by what their working flow logs capture; shared VPCs are left to their owner', () => {
    const vpcs: Record<string, VpcsRecord> = {
      'us-east-1': {
        Vpcs: [vpc('vpc-all'), vpc('vpc-rej'), vpc('vpc-acc'), vpc('vpc-none'), vpc('vpc-fail')],
        FlowLogs: [log('vpc-all', 'ALL'), log('vpc-rej', 'REJECT'), log('vpc-acc', 'ACCEPT'), log('vpc-fail', 'ALL', { DeliverLogsStatus: 'FAILED' })],
      },
      'eu-west-1': { Vpcs: [vpc('vpc-shared', '999999999999')], FlowLogs: [] },
    };
    const facts = accountData({ vpcs }).derived.flowLogs!;
    expect(facts).toEqual({
      ownedVpcs: ['us-east-1/vpc-all', 'us-east-1/vpc-rej', 'us-east-1/vpc-acc', 'us-east-1/vpc-none', 'us-east-1/vpc-fail'],
      vpcsWithout: ['us-east-1/vpc-none', 'us-east-1/vpc-fail'],
      vpcsWithoutRejected: ['us-east-1/vpc-acc', 'us-east-1/vpc-none', 'us-east-1/vpc-fail'],
      vpcsWithoutAll: ['us-east-1/vpc-rej', 'us-east-1/vpc-acc', 'us-east-1/vpc-none', 'us-east-1/vpc-fail'],
      vpcsDeliveryFailing: ['us-east-1/vpc-fail'],
      sharedVpcs: ['eu-west-1/vpc-shared'],
      regionsUnread: [],
    });
  });

  it('an AccessDenied on DescribeFlowLogs leaves that region unknown: error unless a readable VPC already lacks flow logs', () => {
    const errors = [denied('eu-west-1', 'ec2', 'DescribeFlowLogs', 'UnauthorizedOperation')];
    const doubt = accountData({ vpcs: { 'us-east-1': { Vpcs: [vpc('vpc-a')], FlowLogs: [log('vpc-a', 'ALL')] }, 'eu-west-1': { Vpcs: [vpc('vpc-b')] } }, errors });
    expect(doubt.derived.flowLogs!.regionsUnread).toEqual(['eu-west-1']);
    expect(doubt.$errors['derived.flowLogs.vpcsWithoutRejected']).toMatchObject({ operation: 'DescribeFlowLogs', errorName: 'UnauthorizedOperation', region: 'eu-west-1' });
    const certain = accountData({ vpcs: { 'us-east-1': { Vpcs: [vpc('vpc-a')], FlowLogs: [] }, 'eu-west-1': { Vpcs: [vpc('vpc-b')] } }, errors });
    expect(certain.derived.flowLogs!.vpcsWithoutRejected).toEqual(['us-east-1/vpc-a']);
    expect(certain.$errors['derived.flowLogs.vpcsWithoutRejected']).toBeUndefined();
  });

  it('regions without VPCs need no flow logs; no VPC anywhere leaves ownedVpcs empty', () => {
    const data = accountData({ vpcs: { 'us-east-1': { Vpcs: [] }, 'eu-west-1': { Vpcs: [] } } });
    expect(data.derived.flowLogs!.ownedVpcs).toEqual([]);
    expect(Object.keys(data.$errors).filter((k) => k.includes('flowLogs'))).toEqual([]);
  });
});

describe('derived.securityHub', () => {
  it('a hub is enabled; no hub is disabled; a failed DescribeHub is unread, never disabled', () => {
    const data = accountData({
      securityHub: { 'us-east-1': { Hub: { HubArn: 'arn:aws:securityhub:us-east-1:111111111111:hub/default' } }, 'eu-west-1': {} },
    });
    expect(data.derived.securityHub).toEqual({ regionsEnabled: ['us-east-1'], regionsDisabled: ['eu-west-1'], regionsUnread: [] });
    const doubt = accountData({ securityHub: { 'us-east-1': { Hub: {} }, 'eu-west-1': {} }, errors: [denied('eu-west-1', 'securityhub', 'DescribeHub')] });
    expect(doubt.derived.securityHub).toEqual({ regionsEnabled: ['us-east-1'], regionsDisabled: [], regionsUnread: ['eu-west-1'] });
    expect(doubt.$errors['derived.securityHub.regionsDisabled']).toMatchObject({ operation: 'DescribeHub', errorName: 'AccessDeniedException' });
  });

  it('a NotCollected marker (a rule selection that left the section out) makes every region unread', () => {
    const notCollected: ApiError = { accountId: ID, region: 'global', service: 'securityhub', operation: 'DescribeHub', errorName: 'NotCollected', message: 'not collected' };
    const data = accountData({ errors: [notCollected] });
    expect(data.derived.securityHub!.regionsUnread).toEqual(['eu-west-1', 'us-east-1']);
    expect(data.$errors['derived.securityHub.regionsDisabled']).toMatchObject({ errorName: 'NotCollected', operation: 'DescribeHub' });
  });
});

describe('an unreadable region list', () => {
  it('makes every per-region fact unknown: zero regions read is not "no region lacks it"', () => {
    const listRegions: ApiError = { accountId: ID, region: 'us-east-1', service: 'account', operation: 'ListRegions', errorName: 'AccessDeniedException', message: 'denied' };
    const describeRegions: ApiError = { ...listRegions, service: 'ec2', operation: 'DescribeRegions', errorName: 'UnauthorizedOperation' };
    const data = accountData({ Regions: [], errors: [listRegions, describeRegions], securityHub: {}, vpcs: {}, configRecorders: {} });
    for (const fact of ['configRecorders', 'flowLogs', 'securityHub']) expect(data.$errors[`derived.${fact}`], fact).toMatchObject({ operation: 'ListRegions' });
  });
});
