/** CloudWatch Logs: a trail's log group and its metric filters, read in the log group's region. */
import { CloudWatchLogsClient, DescribeLogGroupsCommand, DescribeMetricFiltersCommand } from '@aws-sdk/client-cloudwatch-logs';
import type { LogGroupRecord, MetricFilter } from '../inventory/types.js';
import { arnRegion, plain } from './plain.js';
import type { Plan } from './sections.js';
import { paginate, type Session } from './session.js';

/** The log group ARN without CloudTrail's trailing `:*`, which is how the inventory keys it. */
export function logGroupKey(arn: string): string {
  return arn.replace(/:\*$/, '');
}

/** arn:aws:logs:<region>:<account>:log-group:<name>[:*] → name. */
function logGroupName(arn: string): string {
  return logGroupKey(arn).split(':log-group:')[1] ?? '';
}

export async function collectLogGroup(session: Session, plan: Plan, arn: string): Promise<LogGroupRecord | undefined> {
  const key = logGroupKey(arn);
  const region = arnRegion(key) ?? session.globalRegion;
  const name = logGroupName(key);
  const logs = session.clients.get(CloudWatchLogsClient, region);
  const listed = await paginate(
    session,
    { service: 'logs', operation: 'DescribeLogGroups', region, resource: key, params: { logGroupNamePrefix: name } },
    (nextToken) => logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: name, nextToken })),
    (o) => o.nextToken,
    (o) => o.logGroups,
  );
  const found = listed.items.find((g) => g.logGroupName === name);
  if (!found) {
    if (listed.complete) {
      // The trail points at a log group that does not exist: say so where the views look.
      session.errors.push({
        accountId: session.accountId,
        region,
        service: 'logs',
        operation: 'DescribeLogGroups',
        resource: key,
        errorName: 'ResourceNotFoundException',
        message: `log group ${name} does not exist in ${region}`,
      });
    }
    return undefined;
  }
  const record: LogGroupRecord = { LogGroup: plain(found), Region: region };
  if (plan.has('metric-filters')) {
    const filters = await paginate(
      session,
      { service: 'logs', operation: 'DescribeMetricFilters', region, resource: key, params: { logGroupName: name } },
      (nextToken) => logs.send(new DescribeMetricFiltersCommand({ logGroupName: name, nextToken })),
      (o) => o.nextToken,
      (o) => o.metricFilters,
    );
    if (filters.complete) record.MetricFilters = plain<MetricFilter[]>(filters.items);
  }
  return record;
}
