/**
 * Security Hub: whether it is enabled in each scanned region. DescribeHub answers
 * InvalidAccessException ("not subscribed") where it is not: an answer, recorded as no Hub.
 */
import { DescribeHubCommand, SecurityHubClient } from '@aws-sdk/client-securityhub';
import type { SecurityHubRecord } from '../inventory/types.js';
import type { Session } from './session.js';

export async function collectSecurityHub(session: Session, regions: string[]): Promise<Record<string, SecurityHubRecord>> {
  const entries = await Promise.all(
    regions.map(async (region): Promise<[string, SecurityHubRecord]> => {
      const outcome = await session.call({ service: 'securityhub', operation: 'DescribeHub', region, absentOn: ['InvalidAccessException'] }, () =>
        session.clients.get(SecurityHubClient, region).send(new DescribeHubCommand({})),
      );
      if (outcome.kind !== 'ok') return [region, {}];
      const { HubArn, SubscribedAt, AutoEnableControls, ControlFindingGenerator } = outcome.value;
      return [
        region,
        {
          Hub: {
            ...(HubArn ? { HubArn } : {}),
            ...(SubscribedAt ? { SubscribedAt } : {}),
            ...(AutoEnableControls !== undefined ? { AutoEnableControls } : {}),
            ...(ControlFindingGenerator ? { ControlFindingGenerator } : {}),
          },
        },
      ];
    }),
  );
  return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
}
