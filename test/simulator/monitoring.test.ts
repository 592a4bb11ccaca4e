/** CloudWatch Logs, CloudWatch, SNS, EventBridge, Account and EC2: every served operation. */
import { describe, expect, it } from 'vitest';
import { AccountClient, ListRegionsCommand } from '@aws-sdk/client-account';
import { CloudWatchClient, DescribeAlarmsCommand, DescribeAlarmsForMetricCommand } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient, DescribeLogGroupsCommand, DescribeMetricFiltersCommand, paginateDescribeMetricFilters } from '@aws-sdk/client-cloudwatch-logs';
import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { DescribeRuleCommand, EventBridgeClient, ListRulesCommand, ListTargetsByRuleCommand } from '@aws-sdk/client-eventbridge';
import { GetTopicAttributesCommand, ListSubscriptionsByTopicCommand, ListTopicsCommand, SNSClient } from '@aws-sdk/client-sns';
import { clientFor, failure, FIXTURE_WORLD, MEMBER, MGMT } from './helpers.js';
import { useSimulator } from '../helpers/simulator.js';

const sim = useSimulator(FIXTURE_WORLD, { pageSize: 2 });

describe('CloudWatch Logs', () => {
  it('DescribeLogGroups pages, filters by prefix and gives both ARN forms', async () => {
    const logs = clientFor(sim, CloudWatchLogsClient, MGMT);
    const first = await logs.send(new DescribeLogGroupsCommand({}));
    expect(first.logGroups?.map((g) => g.logGroupName)).toEqual(['other-a', 'other-b']);
    const second = await logs.send(new DescribeLogGroupsCommand({ nextToken: first.nextToken }));
    expect(second.logGroups?.[0]).toMatchObject({
      logGroupName: 'trail-group',
      retentionInDays: 90,
      metricFilterCount: 3,
      arn: `arn:aws:logs:us-east-1:${MGMT}:log-group:trail-group:*`,
      logGroupArn: `arn:aws:logs:us-east-1:${MGMT}:log-group:trail-group`,
    });
    expect(second.nextToken).toBeUndefined();
    expect((await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: 'other-b' }))).logGroups?.[0]?.kmsKeyId).toBe('arn:aws:kms:us-east-1:111111111111:key/x');
  });

  it('DescribeMetricFilters follows nextToken and filters by metric', async () => {
    const logs = clientFor(sim, CloudWatchLogsClient, MGMT);
    const names: string[] = [];
    for await (const page of paginateDescribeMetricFilters({ client: logs }, { logGroupName: 'trail-group' })) names.push(...(page.metricFilters ?? []).map((f) => f.filterName ?? ''));
    expect(names).toEqual(['f-root', 'f-trail', 'f-unauth']);
    const byMetric = await logs.send(new DescribeMetricFiltersCommand({ metricName: 'Root', metricNamespace: 'CIS' }));
    expect(byMetric.metricFilters).toEqual([
      expect.objectContaining({
        filterName: 'f-root',
        filterPattern: '{ $.userIdentity.type = "Root" }',
        logGroupName: 'trail-group',
        metricTransformations: [{ metricName: 'Root', metricNamespace: 'CIS', metricValue: '1' }],
      }),
    ]);
    expect((await failure(logs.send(new DescribeMetricFiltersCommand({ logGroupName: 'missing' })))).name).toBe('ResourceNotFoundException');
  });
});

describe('CloudWatch', () => {
  it('DescribeAlarms pages and filters', async () => {
    const cw = clientFor(sim, CloudWatchClient, MGMT);
    const first = await cw.send(new DescribeAlarmsCommand({ AlarmTypes: ['MetricAlarm'] }));
    const second = await cw.send(new DescribeAlarmsCommand({ AlarmTypes: ['MetricAlarm'], NextToken: first.NextToken }));
    expect([...(first.MetricAlarms ?? []), ...(second.MetricAlarms ?? [])].map((a) => a.AlarmName)).toEqual(['root-alarm', 'trail-alarm', 'unauth-alarm']);
    expect(first.MetricAlarms?.[0]).toMatchObject({
      AlarmArn: `arn:aws:cloudwatch:us-east-1:${MGMT}:alarm:root-alarm`,
      MetricName: 'Root',
      Namespace: 'CIS',
      ActionsEnabled: true,
      AlarmActions: ['arn:aws:sns:us-east-1:111111111111:alerts'],
      StateValue: 'OK',
      Statistic: 'Sum',
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
    expect((await cw.send(new DescribeAlarmsCommand({ StateValue: 'ALARM' }))).MetricAlarms?.map((a) => a.AlarmName)).toEqual(['trail-alarm']);
  });

  it('DescribeAlarmsForMetric', async () => {
    const cw = clientFor(sim, CloudWatchClient, MGMT);
    const out = await cw.send(new DescribeAlarmsForMetricCommand({ MetricName: 'Unauth', Namespace: 'CIS' }));
    expect(out.MetricAlarms?.map((a) => [a.AlarmName, a.ActionsEnabled])).toEqual([['unauth-alarm', false]]);
  });
});

describe('SNS', () => {
  const alerts = `arn:aws:sns:us-east-1:${MGMT}:alerts`;
  it('ListTopics pages', async () => {
    const sns = clientFor(sim, SNSClient, MGMT);
    const first = await sns.send(new ListTopicsCommand({}));
    const second = await sns.send(new ListTopicsCommand({ NextToken: first.NextToken }));
    expect([...(first.Topics ?? []), ...(second.Topics ?? [])].map((t) => t.TopicArn)).toEqual([alerts, `arn:aws:sns:us-east-1:${MGMT}:t3`, `arn:aws:sns:us-east-1:${MGMT}:trail-topic`]);
  });

  it('GetTopicAttributes counts confirmed and pending subscriptions', async () => {
    const { Attributes } = await clientFor(sim, SNSClient, MGMT).send(new GetTopicAttributesCommand({ TopicArn: alerts }));
    expect(Attributes).toMatchObject({ TopicArn: alerts, Owner: MGMT, DisplayName: 'Alerts', SubscriptionsConfirmed: '2', SubscriptionsPending: '1' });
    expect(JSON.parse(Attributes?.Policy ?? '{}')).toHaveProperty('Statement');
  });

  it('ListSubscriptionsByTopic shows pending ones as PendingConfirmation', async () => {
    const sns = clientFor(sim, SNSClient, MGMT);
    const first = await sns.send(new ListSubscriptionsByTopicCommand({ TopicArn: alerts }));
    const second = await sns.send(new ListSubscriptionsByTopicCommand({ TopicArn: alerts, NextToken: first.NextToken }));
    const subs = [...(first.Subscriptions ?? []), ...(second.Subscriptions ?? [])];
    expect(subs.map((s) => [s.Endpoint, s.SubscriptionArn === 'PendingConfirmation'])).toEqual([
      ['a@example.com', false],
      ['b@example.com', true],
      ['arn:aws:sqs:us-east-1:111111111111:q', false],
    ]);
    expect(subs[0]?.SubscriptionArn).toMatch(new RegExp(`^${alerts}:[0-9a-f-]{36}$`));
  });

  it('NotFound for a missing topic, AuthorizationError for another account’s', async () => {
    const sns = clientFor(sim, SNSClient, MGMT);
    const missing = await failure(sns.send(new GetTopicAttributesCommand({ TopicArn: `arn:aws:sns:us-east-1:${MGMT}:nope` })));
    expect([missing.name, missing.$metadata.httpStatusCode]).toEqual(['NotFoundException', 404]);
    const foreign = await failure(clientFor(sim, SNSClient, MEMBER).send(new GetTopicAttributesCommand({ TopicArn: alerts })));
    expect(foreign.name).toBe('AuthorizationErrorException');
  });
});

describe('EventBridge', () => {
  it('ListRules pages; DescribeRule and ListTargetsByRule read one rule', async () => {
    const eb = clientFor(sim, EventBridgeClient, MGMT);
    const first = await eb.send(new ListRulesCommand({}));
    const second = await eb.send(new ListRulesCommand({ NextToken: first.NextToken }));
    expect([...(first.Rules ?? []), ...(second.Rules ?? [])].map((r) => [r.Name, r.State])).toEqual([
      ['ct-rule', 'ENABLED'],
      ['ct-rule-2', 'DISABLED'],
      ['nightly', 'ENABLED'],
    ]);
    expect(JSON.parse(first.Rules?.[0]?.EventPattern ?? '{}')).toEqual({ source: ['aws.cloudtrail'] });
    const rule = await eb.send(new DescribeRuleCommand({ Name: 'ct-rule' }));
    expect(rule).toMatchObject({ Name: 'ct-rule', Arn: `arn:aws:events:us-east-1:${MGMT}:rule/ct-rule`, EventBusName: 'default', CreatedBy: MGMT });
    const t1 = await eb.send(new ListTargetsByRuleCommand({ Rule: 'ct-rule' }));
    const t2 = await eb.send(new ListTargetsByRuleCommand({ Rule: 'ct-rule', NextToken: t1.NextToken }));
    expect([...(t1.Targets ?? []), ...(t2.Targets ?? [])].map((t) => t.Id)).toEqual(['t1', 't2', 't3']);
    expect((await failure(eb.send(new DescribeRuleCommand({ Name: 'nope' })))).name).toBe('ResourceNotFoundException');
  });
});

describe('regions', () => {
  it('account:ListRegions gives each region’s opt-in status, paginated', async () => {
    const account = clientFor(sim, AccountClient, MEMBER);
    const first = await account.send(new ListRegionsCommand({ MaxResults: 10 }));
    const rest = [];
    let token = first.NextToken;
    while (token) {
      const page = await account.send(new ListRegionsCommand({ NextToken: token }));
      rest.push(...(page.Regions ?? []));
      token = page.NextToken;
    }
    expect([...(first.Regions ?? []), ...rest]).toEqual([
      { RegionName: 'af-south-1', RegionOptStatus: 'ENABLED' },
      { RegionName: 'eu-west-1', RegionOptStatus: 'ENABLED_BY_DEFAULT' },
      { RegionName: 'me-south-1', RegionOptStatus: 'DISABLED' },
      { RegionName: 'us-east-1', RegionOptStatus: 'ENABLED_BY_DEFAULT' },
      { RegionName: 'us-west-2', RegionOptStatus: 'ENABLED_BY_DEFAULT' },
    ]);
  });

  it('account:ListRegions for a member from the management account only', async () => {
    const fromMgmt = await clientFor(sim, AccountClient, MGMT).send(new ListRegionsCommand({ AccountId: MEMBER, RegionOptStatusContains: ['ENABLED'] }));
    expect(fromMgmt.Regions).toEqual([{ RegionName: 'af-south-1', RegionOptStatus: 'ENABLED' }]);
    const e = await failure(clientFor(sim, AccountClient, MEMBER).send(new ListRegionsCommand({ AccountId: MGMT })));
    expect([e.name, e.$metadata.httpStatusCode]).toEqual(['AccessDeniedException', 403]);
  });

  it('ec2:DescribeRegions lists enabled regions, or all with AllRegions', async () => {
    const ec2 = clientFor(sim, EC2Client, MEMBER);
    const enabled = await ec2.send(new DescribeRegionsCommand({}));
    expect(enabled.Regions?.map((r) => [r.RegionName, r.OptInStatus])).toEqual([
      ['af-south-1', 'opted-in'],
      ['eu-west-1', 'opt-in-not-required'],
      ['us-east-1', 'opt-in-not-required'],
      ['us-west-2', 'opt-in-not-required'],
    ]);
    const all = await ec2.send(new DescribeRegionsCommand({ AllRegions: true }));
    expect(all.Regions?.find((r) => r.RegionName === 'me-south-1')?.OptInStatus).toBe('not-opted-in');
  });

  it('a call to a region the account has not enabled is refused like AWS refuses it', async () => {
    const e = await failure(clientFor(sim, CloudWatchLogsClient, MGMT, 'af-south-1').send(new DescribeLogGroupsCommand({})));
    expect(e.name).toBe('UnrecognizedClientException');
  });
});
