/** CloudWatch: the metric alarms in a region, kept when they watch a metric a trail's filters publish. */
import { CloudWatchClient, DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import type { MetricAlarm } from '../inventory/types.js';
import { plain } from './plain.js';
import { paginate, type Session } from './session.js';

/** One DescribeAlarms sweep per region is fewer calls than DescribeAlarmsForMetric per filter. */
export async function collectAlarms(session: Session, region: string, metrics: ReadonlySet<string>): Promise<MetricAlarm[]> {
  const cloudwatch = session.clients.get(CloudWatchClient, region);
  const listed = await paginate(
    session,
    { service: 'cloudwatch', operation: 'DescribeAlarms', region, params: { AlarmTypes: ['MetricAlarm'] } },
    (NextToken) => cloudwatch.send(new DescribeAlarmsCommand({ AlarmTypes: ['MetricAlarm'], NextToken })),
    (o) => o.NextToken,
    (o) => o.MetricAlarms,
  );
  return plain<MetricAlarm[]>(listed.items.filter((a) => metrics.has(metricKey(a.Namespace, a.MetricName))));
}

export function metricKey(namespace: string | undefined, name: string | undefined): string {
  return `${namespace ?? ''}/${name ?? ''}`;
}
