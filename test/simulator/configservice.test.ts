/** AWS Config (AWS JSON 1.1): DescribeConfigurationRecorders and DescribeConfigurationRecorderStatus through the real SDK client. */
import { describe, expect, it } from 'vitest';
import { ConfigServiceClient, DescribeConfigurationRecordersCommand, DescribeConfigurationRecorderStatusCommand } from '@aws-sdk/client-config-service';
import { InputError } from '../../src/errors.js';
import { parseWorld } from '../../src/simulator/index.js';
import { clientFor, failure, GAPS, GOOD, REGIONAL_SERVICES_WORLD } from './helpers.js';
import { useSimulator } from '../helpers/simulator.js';

const sim = useSimulator(REGIONAL_SERVICES_WORLD, { resetEachTest: true });

describe('AWS Config', () => {
  it('DescribeConfigurationRecorders gives the recording group and mode with AWS defaults filled in', async () => {
    const config = clientFor(sim, ConfigServiceClient, GOOD, 'us-east-1');
    const { ConfigurationRecorders } = await config.send(new DescribeConfigurationRecordersCommand({}));
    expect(ConfigurationRecorders).toHaveLength(1);
    expect(ConfigurationRecorders![0]).toMatchObject({
      name: 'default',
      arn: expect.stringMatching(/^arn:aws:config:us-east-1:111111111111:configuration-recorder\/default\/[0-9a-f]{16}$/),
      recordingGroup: { allSupported: true, includeGlobalResourceTypes: true, resourceTypes: [], recordingStrategy: { useOnly: 'ALL_SUPPORTED_RESOURCE_TYPES' } },
      recordingMode: { recordingFrequency: 'CONTINUOUS', recordingModeOverrides: [] },
    });
    const sydney = await clientFor(sim, ConfigServiceClient, GOOD, 'ap-southeast-2').send(new DescribeConfigurationRecordersCommand({}));
    expect(sydney.ConfigurationRecorders?.[0]?.recordingMode?.recordingModeOverrides).toEqual([
      { description: 'daily for instances', resourceTypes: ['AWS::EC2::Instance'], recordingFrequency: 'DAILY' },
    ]);
    const partial = await clientFor(sim, ConfigServiceClient, GAPS, 'us-east-1').send(new DescribeConfigurationRecordersCommand({}));
    expect(partial.ConfigurationRecorders?.[0]?.recordingGroup).toMatchObject({
      allSupported: false,
      resourceTypes: ['AWS::S3::Bucket'],
      recordingStrategy: { useOnly: 'INCLUSION_BY_RESOURCE_TYPES' },
    });
  });

  it('a region without a recorder answers empty lists; naming a missing recorder is NoSuchConfigurationRecorderException', async () => {
    const config = clientFor(sim, ConfigServiceClient, GAPS, 'ap-southeast-2');
    expect((await config.send(new DescribeConfigurationRecordersCommand({}))).ConfigurationRecorders).toEqual([]);
    expect((await config.send(new DescribeConfigurationRecorderStatusCommand({}))).ConfigurationRecordersStatus).toEqual([]);
    const e = await failure(config.send(new DescribeConfigurationRecordersCommand({ ConfigurationRecorderNames: ['default'] })));
    expect(e.name).toBe('NoSuchConfigurationRecorderException');
  });

  it('DescribeConfigurationRecorderStatus gives recording, last status and times as dates', async () => {
    const ok = await clientFor(sim, ConfigServiceClient, GOOD, 'eu-west-1').send(new DescribeConfigurationRecorderStatusCommand({ ConfigurationRecorderNames: ['default'] }));
    expect(ok.ConfigurationRecordersStatus?.[0]).toMatchObject({ name: 'default', recording: true, lastStatus: 'Success' });
    expect(ok.ConfigurationRecordersStatus?.[0]?.lastStartTime).toBeInstanceOf(Date);
    const stopped = await clientFor(sim, ConfigServiceClient, GAPS, 'eu-west-1').send(new DescribeConfigurationRecorderStatusCommand({}));
    expect(stopped.ConfigurationRecordersStatus?.[0]).toMatchObject({
      recording: false,
      lastStatus: 'Failure',
      lastErrorCode: 'AccessDenied',
      lastStopTime: new Date('2025-06-01T00:00:00Z'),
    });
  });

  it('a region the account has not opted into refuses the credentials, as AWS does', async () => {
    const e = await failure(clientFor(sim, ConfigServiceClient, GOOD, 'me-south-1').send(new DescribeConfigurationRecordersCommand({})));
    expect(e.name).toBe('UnrecognizedClientException');
  });
});

describe('world file', () => {
  it('allows one recorder and one Security Hub per region, and says where a second one is', () => {
    const text = [
      'accounts:',
      '  - Id: "111111111111"',
      '    configurationRecorders: [{ Region: us-east-1 }, { Region: us-east-1, name: second }]',
      '    securityHub: [{ Region: eu-west-1 }, { Region: eu-west-1 }]',
    ].join('\n');
    let problems: string[] = [];
    try {
      parseWorld(text, 'w.yaml');
    } catch (e) {
      problems = e instanceof InputError ? e.message.split('\n') : [];
    }
    expect(problems).toEqual([
      'w.yaml:3:63: an AWS Config recorder is already defined for us-east-1: one per region',
      'w.yaml:4:52: Security Hub is already defined for eu-west-1: one per region',
    ]);
  });
});
