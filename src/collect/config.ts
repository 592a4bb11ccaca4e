/**
 * AWS Config: each scanned region's customer-managed configuration recorder (what it records)
 * and its status (whether it records, and how its last attempt went). Status is read only where
 * a recorder exists: a region without one has nothing to report.
 */
import { ConfigServiceClient, DescribeConfigurationRecordersCommand, DescribeConfigurationRecorderStatusCommand } from '@aws-sdk/client-config-service';
import type { ConfigRecordersRecord, ConfigurationRecorder, ConfigurationRecorderStatus } from '../inventory/types.js';
import { plain } from './plain.js';
import type { Session } from './session.js';

export async function collectConfigRecorders(session: Session, regions: string[]): Promise<Record<string, ConfigRecordersRecord>> {
  const entries = await Promise.all(
    regions.map(async (region): Promise<[string, ConfigRecordersRecord]> => {
      const config = session.clients.get(ConfigServiceClient, region);
      const record: ConfigRecordersRecord = {};
      const recorders = await session.call({ service: 'config', operation: 'DescribeConfigurationRecorders', region }, () => config.send(new DescribeConfigurationRecordersCommand({})));
      if (recorders.kind !== 'ok') return [region, record];
      record.ConfigurationRecorders = plain<ConfigurationRecorder[]>(recorders.value.ConfigurationRecorders ?? []);
      if (record.ConfigurationRecorders.length === 0) return [region, record];
      const status = await session.call({ service: 'config', operation: 'DescribeConfigurationRecorderStatus', region }, () =>
        config.send(new DescribeConfigurationRecorderStatusCommand({})),
      );
      if (status.kind === 'ok') record.ConfigurationRecordersStatus = plain<ConfigurationRecorderStatus[]>(status.value.ConfigurationRecordersStatus ?? []);
      return [region, record];
    }),
  );
  return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
}
