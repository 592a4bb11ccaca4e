/**
 * The log-group view: one per trail log group, with its metric filters, the alarms on their
 * metrics (same account and region as the log group) and the alarms' SNS topics and subscriptions.
 */
import { logGroupArnKey, parseArn } from '../../inventory/arn.js';
import type { LogGroupRecord, MetricFilter } from '../../inventory/types.js';
import type { ViewOf } from '../types.js';
import { notCollected, sectionErrors, type SectionErrors } from './derived/errors.js';
import { errorsAbout, type Found, type ViewContext } from './context.js';
import { viewData } from './data.js';
import type { LogGroupViewData, TopicFacts } from './view-data.generated.js';

/** The log group's unreadable sections: its own calls, and DescribeAlarms in its account and region. */
export function logGroupSectionErrors(ctx: ViewContext, record: LogGroupRecord, accountId: string): SectionErrors {
  const arn = record.LogGroup.arn ? logGroupArnKey(record.LogGroup.arn) : undefined;
  const own = errorsAbout(ctx, arn, record.LogGroup.arn, record.LogGroup.logGroupName).filter((e) => e.accountId === accountId);
  const regional = (ctx.accountErrors.get(accountId) ?? []).filter((e) => e.region === record.Region);
  return sectionErrors([...own, ...regional], 'log-group', () => true);
}

function alarmsFor(ctx: ViewContext, filter: MetricFilter, accountId: string, region: string) {
  const metrics = filter.metricTransformations ?? [];
  return ctx.alarms
    .filter(({ alarm, accountId: a, region: r }) => a === accountId && r === region && metrics.some((m) => m.metricName === alarm.MetricName && m.metricNamespace === alarm.Namespace))
    .map(({ alarm }) => alarm)
    .sort((x, y) => x.AlarmArn.localeCompare(y.AlarmArn))
    .map((alarm) => ({
      AlarmName: alarm.AlarmName,
      AlarmArn: alarm.AlarmArn,
      ActionsEnabled: alarm.ActionsEnabled,
      AlarmActions: alarm.AlarmActions ?? [],
      topics: (alarm.AlarmActions ?? []).filter((a) => parseArn(a)?.service === 'sns').map((topicArn) => topicFacts(ctx, topicArn)),
    }));
}

function topicFacts(ctx: ViewContext, topicArn: string) {
  const found = ctx.topics.get(topicArn);
  const owner = parseArn(topicArn)?.accountId;
  const errors = sectionErrors(errorsAbout(ctx, topicArn), 'topic', (e) => e.accountId === (found?.readBy ?? owner));
  if (!found) {
    const missing = errors.subscriptions ?? notCollected('ListSubscriptionsByTopic', 'sns', `SNS topic ${topicArn} was not read`, owner, parseArn(topicArn)?.region, topicArn);
    return { TopicArn: topicArn, $errors: { subscriptions: missing, confirmedSubscriptions: missing } };
  }
  const subscriptions = found.record.Subscriptions ?? [];
  return viewData<TopicFacts>({
    TopicArn: topicArn,
    Attributes: found.record.Attributes,
    subscriptions: errors.subscriptions ? undefined : subscriptions,
    // A subscription is confirmed once its ARN replaces the PendingConfirmation placeholder.
    confirmedSubscriptions: errors.subscriptions ? undefined : subscriptions.filter((s) => s.SubscriptionArn !== 'PendingConfirmation').length,
    $errors: errors,
  });
}

export function logGroupView(ctx: ViewContext, found: Found<LogGroupRecord>, arnKey: string): ViewOf<'log-group'> {
  const record = found.record;
  const accountId = parseArn(arnKey)?.accountId || found.readBy;
  const trails = (ctx.trailsByLogGroup.get(arnKey) ?? []).map((t) => t.record.Trail.TrailARN);
  const errors = logGroupSectionErrors(ctx, record, accountId);
  const filters = (record.MetricFilters ?? []).map((f) => ({
    filterName: f.filterName,
    filterPattern: f.filterPattern,
    metricTransformations: f.metricTransformations ?? [],
    alarms: alarmsFor(ctx, f, accountId, record.Region),
  }));
  return {
    type: 'log-group',
    arn: arnKey,
    name: record.LogGroup.logGroupName,
    accountId,
    region: record.Region,
    data: viewData<LogGroupViewData>({
      LogGroup: record.LogGroup,
      MetricFilters: record.MetricFilters,
      derived: viewData<LogGroupViewData['derived']>({ trails, filters: errors['derived.filters'] ? undefined : filters }),
      $errors: errors,
    }),
    related: trails,
  };
}
