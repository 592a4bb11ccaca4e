/** Security Hub (REST-JSON): DescribeHub through the real SDK client. */
import { describe, expect, it } from 'vitest';
import { DescribeHubCommand, EnableSecurityHubCommand, SecurityHubClient } from '@aws-sdk/client-securityhub';
import { MUTATION_REFUSED } from '../../src/simulator/index.js';
import { clientFor, failure, GAPS, GOOD, REGIONAL_SERVICES_WORLD } from './helpers.js';
import { useSimulator } from '../helpers/simulator.js';

const sim = useSimulator(REGIONAL_SERVICES_WORLD, { resetEachTest: true });

describe('Security Hub', () => {
  it('DescribeHub answers where Security Hub is enabled', async () => {
    const hub = await clientFor(sim, SecurityHubClient, GOOD, 'us-east-1').send(new DescribeHubCommand({}));
    expect(hub).toMatchObject({
      HubArn: 'arn:aws:securityhub:us-east-1:111111111111:hub/default',
      SubscribedAt: '2025-03-01T10:00:00.000Z',
      AutoEnableControls: true,
      ControlFindingGenerator: 'SECURITY_CONTROL',
    });
    const byArn = await clientFor(sim, SecurityHubClient, GOOD, 'eu-west-1').send(new DescribeHubCommand({ HubArn: 'arn:aws:securityhub:eu-west-1:111111111111:hub/default' }));
    expect(byArn.HubArn).toBe('arn:aws:securityhub:eu-west-1:111111111111:hub/default');
  });

  it('a region where it is not enabled is InvalidAccessException "not subscribed" (HTTP 401); an IAM denial is AccessDeniedException', async () => {
    const hub = clientFor(sim, SecurityHubClient, GAPS, 'eu-west-1');
    const e = await failure(hub.send(new DescribeHubCommand({})));
    expect([e.name, e.$metadata.httpStatusCode]).toEqual(['InvalidAccessException', 401]);
    expect(e.message).toMatch(/not subscribed to AWS Security Hub/);
    sim.faults.add({ kind: 'accessDenied', service: 'securityhub', account: GAPS });
    expect((await failure(clientFor(sim, SecurityHubClient, GAPS, 'us-east-1').send(new DescribeHubCommand({})))).name).toBe('AccessDeniedException');
  });

  it('EnableSecurityHub is refused and counted as a mutation', async () => {
    const e = await failure(clientFor(sim, SecurityHubClient, GAPS, 'eu-west-1').send(new EnableSecurityHubCommand({})));
    expect(e.name).toBe(MUTATION_REFUSED);
    expect(sim.mutations).toEqual([{ account: GAPS, region: 'eu-west-1', service: 'securityhub', operation: 'EnableSecurityHub' }]);
  });
});
