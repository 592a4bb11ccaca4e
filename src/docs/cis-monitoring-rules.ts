/**
 * rules/cloudwatch/cw-monitor-<id>.yaml: the 15 CIS monitoring rules, rendered from the control
 * table (patterns, variants, prose) in src/evaluate/views/derived/cis-monitoring-controls.ts.
 * They differ only in what the table says, so they are written from one template and committed
 * as ordinary rule files: editors, `rules test` and evidence bundles see them like any other.
 */
import { Document, isMap, isScalar, isSeq, visit, type YAMLMap, type YAMLSeq } from 'yaml';
import { CIS_VERSIONS, CONTROL_PROSE, MONITORING_CONTROLS, type ControlProse, type ControlVariant, type MonitoringControl } from '../evaluate/views/derived/cis-monitoring-controls.js';

const HEADER = [
  '# Generated from src/evaluate/views/derived/cis-monitoring-controls.ts by src/docs/cis-monitoring-rules.ts: do not edit, run `npm run docs`.',
  '# yaml-language-server: $schema=../../schemas/rule.schema.json',
];
/** The cis_version a rule uses unless the config or a benchmark sets one. */
const DEFAULT_CIS_VERSION = '5.0.0';
const STRICTNESS = ['exact-cis', 'superset-ok', 'covers-events'] as const;
const LOG_GROUP = 'arn:aws:logs:us-east-1:111111111111:log-group:aws-cloudtrail-logs-org';
/** Description and rationale lines are wrapped at this width, as the hand-written rules are. */
const WIDTH = 104;

/** Repository-relative path → file content. */
export function renderCisMonitoringRules(): Record<string, string> {
  return Object.fromEntries(MONITORING_CONTROLS.map((control) => [`rules/cloudwatch/cw-monitor-${control.id}.yaml`, renderRule(control)]));
}

function renderRule(control: MonitoringControl): string {
  const prose = CONTROL_PROSE[control.id];
  if (!prose) throw new Error(`cis-monitoring-controls.ts: control ${control.id} has no CONTROL_PROSE entry`);
  const doc = new Document(ruleOf(control, prose), { aliasDuplicateObjects: false });
  visit(doc, {
    Map: (_, node) => void (node.flow = fitsOnOneLine(node)),
    Seq: (_, node) => void (node.flow = fitsOnOneLine(node)),
  });
  // A blank line before each section, as in the hand-written rules.
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      if (isScalar(pair.key) && ['description', 'parameters', 'applies_when', 'assert', 'messages', 'tests'].includes(String(pair.key.value))) pair.key.spaceBefore = true;
    }
  }
  return `${HEADER.join('\n')}\n${doc.toString({ lineWidth: 0, blockQuote: 'literal', flowCollectionPadding: true })}`;
}

/** Flow style for a collection of scalars (or of short lists) that reads on one line. */
function fitsOnOneLine(node: YAMLMap | YAMLSeq): boolean {
  const children: unknown[] = isMap(node) ? node.items.map((pair) => pair.value) : node.items;
  const simple = children.every((child) => isScalar(child) || (isSeq(child) && child.items.every((item) => isScalar(item))));
  return simple && JSON.stringify(node.toJSON()).length <= 130;
}

function ruleOf(control: MonitoringControl, prose: ControlProse): Record<string, unknown> {
  const variants = control.variants;
  const multi = variants.length > 1;
  const newest = variants.at(-1)!;
  const pattern = newest.patterns[prose.remediationPattern ?? 0];
  if (pattern === undefined) throw new Error(`cis-monitoring-controls.ts: ${control.id} has no pattern ${prose.remediationPattern}`);
  const is = prose.plural ? 'are' : 'is';
  const Subject = capitalise(prose.subject);
  return {
    id: `cw-monitor-${control.id}`,
    schemaVersion: 1,
    title: `${prose.title} ${is} monitored by a metric filter and an alarm that notifies a confirmed subscriber`,
    severity: prose.severity,
    resource: 'account',
    tags: ['monitoring', 'alarms', 'cloudwatch', 'cis-monitoring'],
    description: wrap(description(control, prose)),
    rationale: wrap(`${prose.risk} A metric filter without an alarm, an alarm with actions disabled, or a topic nobody confirmed a subscription to, records the event but tells no one.`),
    impact: wrap(
      'Each metric filter adds a custom CloudWatch metric and each alarm is billed monthly; CloudWatch Logs ingestion of the trail is billed per GB. Noisy alarms train people to ignore them: tune thresholds, not the pattern.',
    ),
    remediation: remediation(control.id, prose, pattern),
    references: [
      'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudwatch-alarms-for-cloudtrail.html',
      'https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html',
      'https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html',
      'https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html',
      'https://docs.aws.amazon.com/sns/latest/api/API_ListSubscriptionsByTopic.html',
      'https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html',
    ],
    frameworks: {
      ...Object.fromEntries(CIS_VERSIONS.map((v) => [`cis-aws-foundations@${v}`, [`${v === '6.0.0' ? 5 : 4}.${prose.cis}`]])),
      ...(prose.fsbp !== undefined ? { 'aws-foundational-security-best-practices': [`CloudWatch.${prose.fsbp}`] } : {}),
      ...prose.frameworks,
    },
    parameters: {
      strictness: {
        description:
          'How a metric filter pattern must match the control - exact-cis (the CIS pattern, in any order, quoting and whitespace), superset-ok (the CIS clauses plus extra OR-ed alternatives) or covers-events (any pattern matching every event the control names and none of the benign ones).',
        schema: { type: 'string', enum: [...STRICTNESS] },
        default: 'covers-events',
      },
      ...(multi
        ? {
            cis_version: {
              description: 'The CIS AWS Foundations Benchmark version whose pattern applies.',
              schema: { type: 'string', enum: [...CIS_VERSIONS] },
              default: DEFAULT_CIS_VERSION,
            },
          }
        : {}),
      external_monitoring: {
        description:
          'The SIEM or other solution that monitors these events instead of CloudWatch or EventBridge (CIS 4.0.1 and later accept one). When set (per account in the config file if needed), the rule is skipped for manual verification; trailguard cannot see into that solution.',
        schema: { type: 'string' },
        default: '',
      },
      accept_eventbridge: {
        description:
          'Accept an enabled EventBridge rule with a target, matching the same events in every region where they arrive, instead of a metric filter and alarm (CIS 4.0.1 and later allow other monitoring solutions).',
        schema: { type: 'boolean' },
        default: false,
      },
    },
    applies_when:
      control.recordedIn === 'management-account'
        ? {
            all: [
              { path: `derived.monitoring.${newest.key}.applies`, op: 'is_true' },
              { param: 'external_monitoring', op: 'empty' },
            ],
            reason:
              "AWS Organizations calls are recorded by the management account's trails only (a member account has none to monitor), or the events are declared monitored by an external solution (external_monitoring); verify that one manually.",
          }
        : {
            param: 'external_monitoring',
            op: 'empty',
            reason: 'The events are declared monitored by an external solution (parameter external_monitoring); verify it manually.',
          },
    assert: { any: assertions(variants), because: `${Subject} must be monitored.` },
    messages: {
      pass: `Account {{AccountId}}: ${prose.subject} ${is} monitored (strictness {{params.strictness}}).`,
      fail: `Account {{AccountId}}: ${prose.subject} ${is} not monitored at strictness {{params.strictness}} (EventBridge accepted: {{params.accept_eventbridge}}). ${variants
        .map(
          (v) =>
            `${multi ? `CIS ${v.cisVersions.join('/')} ` : ''}metric filter chain ${STRICTNESS.map((s) => `${s} {{derived.monitoring.${v.key}.${s}.state}}`).join(', ')}; EventBridge {{derived.monitoring.${v.key}.eventbridge.state}}`,
        )
        .join('; ')}.`,
    },
    tests: tests(control),
  };
}

function description(control: MonitoringControl, prose: ControlProse): string {
  const multi = control.variants.length > 1;
  const read = multi ? '<variant>' : control.variants[0]!.key;
  const picks = multi ? ` \`cis_version\` picks the pattern: ${control.variants.map((v) => `${v.cisVersions.join(', ')} → \`derived.monitoring.${v.key}\``).join('; ')}.` : '';
  const managementOnly =
    control.recordedIn === 'management-account'
      ? ` Organizations calls are recorded by the management account's trails only, so member accounts are skipped (\`derived.monitoring.${control.variants[0]!.key}.applies\`).`
      : '';
  return [
    `The account's ${prose.subject} ${prose.plural ? 'are' : 'is'} caught and reported: ${prose.events}`,
    `Read from \`derived.monitoring.${read}\` of the account view, which follows the chain CIS audits: a trail that records the account's events (its own or an organization trail) and is multi-region (\`Trail.IsMultiRegionTrail\`), logging (\`Status.IsLogging\`, \`cloudtrail:GetTrailStatus\`) and records all management events (\`cloudtrail:GetEventSelectors\`) delivers to a CloudWatch Logs group (\`Trail.CloudWatchLogsLogGroupArn\`, looked up in whichever account of the inventory owns it); a metric filter of that group (\`filterPattern\`, \`logs:DescribeMetricFilters\`) implements the control; an alarm (\`cloudwatch:DescribeAlarms\`) watches the filter's \`metricName\` and \`metricNamespace\` in the log group's account and region, has \`ActionsEnabled\` and an SNS topic in \`AlarmActions\`; and the topic has at least one confirmed subscription (\`SubscriptionArn\` other than \`PendingConfirmation\`, \`sns:ListSubscriptionsByTopic\`).`,
    'The filter pattern is parsed, not matched as text. `strictness` chooses how: `exact-cis` wants the pattern CIS prescribes (as Security Hub does) in any order, quoting and whitespace; `superset-ok` also accepts extra alternatives OR-ed in; `covers-events` (default) accepts any filter that matches every event the control names and none of its benign counterparts.',
    `With \`accept_eventbridge\`, an enabled EventBridge rule with a target whose \`EventPattern\` matches the same events, in every region where they arrive (\`events:ListRules\`, \`events:ListTargetsByRule\`), is accepted instead.${picks}`,
    `With \`external_monitoring\` set (a SIEM or other solution, which CIS 4.0.1 and later accept), the rule is skipped for manual verification.${managementOnly}`,
  ].join(' ');
}

function remediation(id: string, prose: ControlProse, pattern: string): Record<string, string> {
  const name = `cis-${id}`;
  const resource = `Cis${id.split('-').map(capitalise).join('')}`;
  const tf = id.replaceAll('-', '_');
  const quoted = JSON.stringify(pattern);
  return {
    summary: `In the CloudWatch Logs group of a multi-region trail, create a metric filter for ${prose.subject}, an alarm on its metric that notifies an SNS topic, and confirm a subscription to the topic.`,
    cli: lines(
      `aws logs put-metric-filter --log-group-name <trail-log-group> --filter-name ${name} \\`,
      `  --filter-pattern '${pattern}' \\`,
      `  --metric-transformations metricName=${name},metricNamespace=CISBenchmark,metricValue=1`,
      'aws sns create-topic --name security-alerts',
      'aws sns subscribe --topic-arn arn:aws:sns:<region>:{{AccountId}}:security-alerts --protocol email --notification-endpoint <address>',
      `aws cloudwatch put-metric-alarm --alarm-name ${name} --metric-name ${name} --namespace CISBenchmark \\`,
      '  --statistic Sum --period 300 --evaluation-periods 1 --threshold 1 \\',
      '  --comparison-operator GreaterThanOrEqualToThreshold --treat-missing-data notBreaching \\',
      '  --alarm-actions arn:aws:sns:<region>:{{AccountId}}:security-alerts',
    ),
    cloudformation: lines(
      `${resource}Filter:`,
      '  Type: AWS::Logs::MetricFilter',
      '  Properties:',
      '    LogGroupName: !Ref TrailLogGroup',
      `    FilterPattern: ${quoted}`,
      '    MetricTransformations:',
      `      - { MetricName: ${name}, MetricNamespace: CISBenchmark, MetricValue: "1" }`,
      `${resource}Alarm:`,
      '  Type: AWS::CloudWatch::Alarm',
      '  Properties:',
      `    AlarmName: ${name}`,
      `    MetricName: ${name}`,
      '    Namespace: CISBenchmark',
      '    Statistic: Sum',
      '    Period: 300',
      '    EvaluationPeriods: 1',
      '    Threshold: 1',
      '    ComparisonOperator: GreaterThanOrEqualToThreshold',
      '    TreatMissingData: notBreaching',
      '    ActionsEnabled: true',
      '    AlarmActions: [!Ref SecurityAlertsTopic]',
    ),
    terraform: lines(
      `resource "aws_cloudwatch_log_metric_filter" "${tf}" {`,
      `  name           = "${name}"`,
      '  log_group_name = aws_cloudwatch_log_group.trail.name',
      `  pattern        = ${quoted}`,
      '  metric_transformation {',
      `    name      = "${name}"`,
      '    namespace = "CISBenchmark"',
      '    value     = "1"',
      '  }',
      '}',
      `resource "aws_cloudwatch_metric_alarm" "${tf}" {`,
      `  alarm_name          = "${name}"`,
      `  metric_name         = aws_cloudwatch_log_metric_filter.${tf}.metric_transformation[0].name`,
      '  namespace           = "CISBenchmark"',
      '  statistic           = "Sum"',
      '  period              = 300',
      '  evaluation_periods  = 1',
      '  threshold           = 1',
      '  comparison_operator = "GreaterThanOrEqualToThreshold"',
      '  treat_missing_data  = "notBreaching"',
      '  actions_enabled     = true',
      '  alarm_actions       = [aws_sns_topic.security_alerts.arn]',
      '}',
    ),
    console:
      'CloudWatch › Log groups › <trail log group> › Metric filters › Create metric filter (pattern above, namespace CISBenchmark) › Create alarm › Notification: an SNS topic; then confirm the subscription e-mail.',
  };
}

/** Per variant (and CIS version) the three metric-filter strictness levels, then per variant EventBridge. */
function assertions(variants: readonly ControlVariant[]): unknown[] {
  const versions = (v: ControlVariant) => (variants.length > 1 ? [{ param: 'cis_version', op: 'in', value: v.cisVersions }] : []);
  const satisfied = (v: ControlVariant, chain: string, because: string) => ({ path: `derived.monitoring.${v.key}.${chain}.satisfied`, op: 'is_true', because });
  return [
    ...variants.flatMap((v) =>
      STRICTNESS.map((s) => ({
        all: [
          ...versions(v),
          { param: 'strictness', op: 'equals', value: s },
          satisfied(v, s, `${s}: a logging multi-region trail must deliver to a log group with a matching metric filter, an enabled alarm and a confirmed SNS subscriber.`),
        ],
      })),
    ),
    ...variants.map((v) => ({
      all: [
        ...versions(v),
        { param: 'accept_eventbridge', op: 'is_true' },
        satisfied(v, 'eventbridge', 'EventBridge: an enabled rule with a target must match the events in every region where they arrive.'),
      ],
    })),
  ];
}

type Chain = Record<string, unknown>;
const missing = (state: string): Chain => ({ state, satisfied: false, missing: state });
const MONITORED: Chain = { state: 'monitored', satisfied: true, logGroup: LOG_GROUP };
const NO_FILTER = missing('no-filter');
const NO_RULE = missing('no-eventbridge-rule');
const UNKNOWN: Chain = { state: 'unknown' };
const inGroup = (state: string): Chain => ({ ...missing(state), logGroup: LOG_GROUP });

/** The monitoring fact of one variant: the three strictness chains and EventBridge. */
function fact(chains: [Chain, Chain, Chain], eventbridge: Chain, applies = true): Chain {
  return { applies, 'exact-cis': chains[0], 'superset-ok': chains[1], 'covers-events': chains[2], eventbridge };
}
const all3 = (chain: Chain): [Chain, Chain, Chain] => [chain, chain, chain];

interface Case {
  name: string;
  params?: Record<string, unknown>;
  account: 'management' | 'member' | 'standalone';
  facts: Record<string, Chain>;
  errors?: Record<string, unknown>;
  expect: 'pass' | 'fail' | 'error' | 'skip';
}

const ACCOUNTS = { management: ['111111111111', true], member: ['222222222222', false], standalone: ['333333333333', false] } as const;

/** The inline tests: the same cases for every control, on the variant the default cis_version selects. */
function tests(control: MonitoringControl): unknown[] {
  const variants = control.variants;
  const main = variants.find((v) => v.cisVersions.includes(DEFAULT_CIS_VERSION))!;
  const key = main.key;
  const errors = (error: Record<string, unknown>) => Object.fromEntries(STRICTNESS.map((s) => [`derived.monitoring.${key}.${s}`, error]));
  const eventbridgeDenied = {
    [`derived.monitoring.${key}.eventbridge`]: { accountId: '222222222222', region: 'eu-west-1', service: 'events', operation: 'ListRules', errorName: 'AccessDeniedException' },
  };
  const cases: Case[] = [
    {
      name: 'a member account is monitored through the organization trail log group in the management account',
      account: 'member',
      facts: { [key]: fact([NO_FILTER, NO_FILTER, MONITORED], NO_RULE) },
      expect: 'pass',
    },
    {
      name: 'a filter that only covers the events fails at exact-cis',
      params: { strictness: 'exact-cis' },
      account: 'member',
      facts: { [key]: fact([NO_FILTER, NO_FILTER, MONITORED], NO_RULE) },
      expect: 'fail',
    },
    {
      name: 'a filter equal to the CIS pattern (in any order, quoting and whitespace) passes exact-cis',
      params: { strictness: 'exact-cis' },
      account: 'management',
      facts: { [key]: fact(all3(MONITORED), NO_RULE) },
      expect: 'pass',
    },
    {
      name: 'extra OR-ed event names pass superset-ok',
      params: { strictness: 'superset-ok' },
      account: 'management',
      facts: { [key]: fact([NO_FILTER, MONITORED, MONITORED], NO_RULE) },
      expect: 'pass',
    },
    { name: 'an alarm with actions disabled fails', account: 'management', facts: { [key]: fact(all3(inGroup('alarm-actions-disabled')), NO_RULE) }, expect: 'fail' },
    { name: 'a topic with only a pending subscription fails', account: 'management', facts: { [key]: fact(all3(inGroup('no-confirmed-subscription')), NO_RULE) }, expect: 'fail' },
    { name: 'no logging multi-region trail fails', account: 'standalone', facts: { [key]: fact(all3(missing('no-trail')), NO_RULE) }, expect: 'fail' },
    {
      name: 'an EventBridge rule is accepted when accept_eventbridge is set',
      params: { accept_eventbridge: true },
      account: 'member',
      facts: { [key]: fact(all3(NO_FILTER), { state: 'monitored', satisfied: true }) },
      expect: 'pass',
    },
    { name: 'an EventBridge rule is not accepted by default', account: 'member', facts: { [key]: fact(all3(NO_FILTER), { state: 'monitored', satisfied: true }) }, expect: 'fail' },
    {
      name: 'DescribeMetricFilters denied is an error, not a failure',
      account: 'management',
      facts: { [key]: fact(all3(UNKNOWN), NO_RULE) },
      errors: errors({ accountId: '111111111111', region: 'us-east-1', service: 'logs', operation: 'DescribeMetricFilters', errorName: 'AccessDeniedException', resource: LOG_GROUP }),
      expect: 'error',
    },
    {
      name: "the trail's log group in an account outside the inventory is an error",
      account: 'member',
      facts: { [key]: fact(all3(UNKNOWN), NO_RULE) },
      errors: errors({
        service: 'logs',
        operation: 'DescribeLogGroups',
        errorName: 'NotCollected',
        accountId: '999999999999',
        region: 'us-east-1',
        message: 'log group arn:aws:logs:us-east-1:999999999999:log-group:central was not read: its account 999999999999 is not in this inventory',
      }),
      expect: 'error',
    },
    {
      name: 'unreadable EventBridge rules do not matter when the metric filter chain is monitored',
      params: { accept_eventbridge: true },
      account: 'member',
      facts: { [key]: fact(all3(MONITORED), UNKNOWN) },
      errors: eventbridgeDenied,
      expect: 'pass',
    },
    {
      name: 'unreadable EventBridge rules are an error when they are accepted and no metric filter does the job',
      params: { accept_eventbridge: true },
      account: 'member',
      facts: { [key]: fact(all3(NO_FILTER), UNKNOWN) },
      errors: eventbridgeDenied,
      expect: 'error',
    },
  ];
  // A control whose pattern changed: the older pattern alone is enough for its own versions only.
  const older = variants[variants.indexOf(main) - 1];
  if (older) {
    const facts = { [older.key]: fact(all3(MONITORED), NO_RULE), [key]: fact(all3(NO_FILTER), NO_RULE) };
    const [first] = older.cisVersions;
    cases.push(
      {
        name: `the CIS ${first} pattern passes for cis_version ${older.cisVersions.at(-1)}`,
        params: { cis_version: older.cisVersions.at(-1) },
        account: 'management',
        facts,
        expect: 'pass',
      },
      { name: `the CIS ${first} pattern is not enough for cis_version ${main.cisVersions[0]}`, params: { cis_version: main.cisVersions[0] }, account: 'management', facts, expect: 'fail' },
    );
  }
  cases.push({
    name: 'monitoring declared to be done by a SIEM is skipped for manual verification',
    params: { external_monitoring: 'Splunk Enterprise Security' },
    account: 'management',
    facts: { [key]: fact(all3(NO_FILTER), NO_RULE) },
    expect: 'skip',
  });
  if (control.recordedIn === 'management-account') {
    cases.push({
      name: 'a member account is skipped: its Organizations calls are recorded in the management account',
      account: 'member',
      facts: { [key]: fact(all3(missing('no-trail')), NO_RULE, false) },
      expect: 'skip',
    });
  }
  return cases.map((c) => {
    const [AccountId, IsManagementAccount] = ACCOUNTS[c.account];
    return {
      name: c.name,
      ...(c.params ? { params: c.params } : {}),
      view: { AccountId, IsManagementAccount, derived: { monitoring: c.facts }, ...(c.errors ? { $errors: c.errors } : {}) },
      expect: c.expect,
    };
  });
}

const capitalise = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
const lines = (...text: string[]) => `${text.join('\n')}\n`;

/** Greedy wrap at WIDTH, each line ending in a newline (a YAML literal block). */
function wrap(text: string): string {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > WIDTH) {
      out.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  out.push(line);
  return lines(...out);
}
