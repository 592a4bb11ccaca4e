import { describe, expect, it } from 'vitest';
import { buildViews } from '../../../src/evaluate/views/index.js';
import type { ViewOf } from '../../../src/evaluate/types.js';
import type { ControlFacts } from '../../../src/evaluate/views/derived/monitoring.js';
import { loadInventory } from '../../../src/inventory/load.js';
import type { Inventory } from '../../../src/inventory/types.js';

const FIXTURES = 'test/fixtures/inventory/rulepack-monitoring';

function accounts(file: string, change: (inventory: Inventory) => void = () => {}): Map<string, ViewOf<'account'>> {
  const inventory = loadInventory(`${FIXTURES}/${file}.json`);
  change(inventory);
  const views = buildViews(inventory);
  return new Map(views.filter((v): v is ViewOf<'account'> => v.type === 'account').map((v) => [v.accountId, v]));
}
const org = accounts('organization');
const standalone = accounts('standalone');

function facts(view: ViewOf<'account'> | undefined, key: string): ControlFacts {
  return view!.data.derived.monitoring![key]!;
}
const states = (view: ViewOf<'account'> | undefined, key: string) => {
  const node = facts(view, key);
  return [node['exact-cis'].state, node['superset-ok'].state, node['covers-events'].state, node.eventbridge.state];
};
const errorOf = (view: ViewOf<'account'> | undefined, path: string) => view!.data.$errors[path];

describe('derived.monitoring: the metric-filter chain', () => {
  it('follows a member account to the organization trail log group in the management account', () => {
    const member = facts(org.get('222222222222'), 'root-usage')['covers-events'];
    expect(member).toMatchObject({
      state: 'monitored',
      satisfied: true,
      via: 'metric-filter',
      trailArn: 'arn:aws:cloudtrail:us-east-1:111111111111:trail/org-trail',
      logGroup: 'arn:aws:logs:us-east-1:111111111111:log-group:aws-cloudtrail-logs-org',
      filterName: 'cis-root-usage',
      alarmName: 'cis-root-usage-alarm',
      topicArn: 'arn:aws:sns:us-east-1:111111111111:security-alerts',
    });
    expect(states(org.get('111111111111'), 'root-usage')).toEqual(['monitored', 'monitored', 'monitored', 'no-eventbridge-rule']);
  });

  it('judges the filter by the strictness level', () => {
    // extra OR-ed event name
    expect(states(org.get('111111111111'), 'cloudtrail-config-changes').slice(0, 3)).toEqual(['no-filter', 'monitored', 'monitored']);
    // a wildcard
    expect(states(org.get('111111111111'), 'cmk-disable-delete').slice(0, 3)).toEqual(['no-filter', 'no-filter', 'monitored']);
    // another order, quoting and whitespace
    expect(states(org.get('111111111111'), 'console-signin-no-mfa').slice(0, 3)).toEqual(['monitored', 'monitored', 'monitored']);
    expect(states(org.get('111111111111'), 'iam-policy-changes').slice(0, 3)).toEqual(['monitored', 'monitored', 'monitored']);
  });

  it('uses the pattern of the CIS version (ModifySecurityGroupRules from 5.0.0, the v4 unauthorized-call exclusions)', () => {
    expect(states(org.get('111111111111'), 'security-group-changes-cis3')[2]).toBe('monitored');
    expect(states(org.get('111111111111'), 'security-group-changes-cis5')[2]).toBe('no-filter');
    expect(states(org.get('111111111111'), 'unauthorized-api-calls-cis4')[0]).toBe('monitored');
    expect(states(org.get('111111111111'), 'unauthorized-api-calls-cis3')[0]).toBe('no-filter');
  });

  it('names the link that is missing', () => {
    const m = org.get('111111111111');
    expect(facts(m, 's3-bucket-policy-changes')['covers-events']).toMatchObject({ satisfied: false, missing: 'alarm-actions-disabled', alarmName: 'cis-s3-bucket-policy-changes-alarm' });
    expect(facts(m, 'config-changes')['covers-events']).toMatchObject({
      satisfied: false,
      missing: 'no-confirmed-subscription',
      topicArn: 'arn:aws:sns:us-east-1:111111111111:security-alerts-pending',
    });
    // an alarm in another region, or on another namespace, is not an alarm on the filter's metric
    expect(facts(m, 'nacl-changes')['covers-events']).toMatchObject({ missing: 'no-alarm', filterName: 'cis-nacl-changes' });
    expect(facts(m, 'network-gateway-changes')['covers-events']).toMatchObject({ missing: 'no-alarm' });
    // a pattern that does not parse is never credited
    expect(facts(m, 'vpc-changes')['covers-events']).toMatchObject({ missing: 'no-filter' });
    expect(facts(standalone.get('500000000001'), 'root-usage')['covers-events']).toMatchObject({ satisfied: false, missing: 'no-trail' });
    expect(facts(standalone.get('500000000002'), 'root-usage')['covers-events']).toMatchObject({ satisfied: false, missing: 'no-log-group' });
    expect(facts(standalone.get('500000000007'), 'root-usage')['covers-events']).toMatchObject({ satisfied: false, missing: 'no-trail' });
    expect(facts(standalone.get('500000000008'), 'root-usage')['covers-events']).toMatchObject({ satisfied: false, missing: 'no-topic' });
  });

  it('turns unreadable links into $errors naming the call, never into a failure', () => {
    expect(errorOf(standalone.get('500000000003'), 'derived.monitoring.root-usage.covers-events')).toMatchObject({ operation: 'DescribeLogGroups', errorName: 'NotCollected' });
    expect(errorOf(standalone.get('500000000004'), 'derived.monitoring.root-usage.exact-cis')).toMatchObject({ operation: 'DescribeMetricFilters' });
    expect(errorOf(standalone.get('500000000005'), 'derived.monitoring.root-usage.superset-ok')).toMatchObject({ operation: 'DescribeAlarms' });
    expect(errorOf(standalone.get('500000000006'), 'derived.monitoring.root-usage.covers-events')).toMatchObject({ operation: 'ListSubscriptionsByTopic' });
    expect(facts(standalone.get('500000000006'), 'root-usage')['covers-events']).toEqual({ state: 'unknown', via: 'none' });
  });

  it('keeps a definite answer when the failed call does not matter', () => {
    // DescribeAlarms failed, but no filter implements the control: no alarm could help.
    expect(errorOf(standalone.get('500000000005'), 'derived.monitoring.vpc-changes.covers-events')).toBeUndefined();
    expect(facts(standalone.get('500000000005'), 'vpc-changes')['covers-events']).toMatchObject({ satisfied: false, missing: 'no-filter' });
  });
});

describe('derived.monitoring: a trail whose status could not be read', () => {
  /** GetTrailStatus denied for every trail the owner account reads. */
  const statusDenied = (inventory: Inventory) => {
    for (const account of inventory.accounts) {
      for (const trail of account.trails.filter((t) => t.Trail.TrailARN.includes(`:${account.AccountId}:`))) {
        delete trail.Status;
        account.errors.push({
          accountId: account.AccountId,
          region: 'us-east-1',
          service: 'cloudtrail',
          operation: 'GetTrailStatus',
          resource: trail.Trail.TrailARN,
          errorName: 'AccessDeniedException',
          message: 'denied',
        });
      }
    }
  };

  it('makes a chain that would hold unknown', () => {
    const denied = accounts('organization', statusDenied);
    expect(errorOf(denied.get('111111111111'), 'derived.monitoring.root-usage.covers-events')).toMatchObject({ operation: 'GetTrailStatus' });
  });

  it('does not spoil a chain that fails anyway', () => {
    const denied = accounts('standalone', statusDenied);
    expect(errorOf(denied.get('500000000002'), 'derived.monitoring.root-usage.covers-events')).toBeUndefined();
    expect(facts(denied.get('500000000002'), 'root-usage')['covers-events']).toMatchObject({ satisfied: false, missing: 'no-log-group' });
    expect(facts(accounts('organization', statusDenied).get('111111111111'), 'vpc-changes')['covers-events']).toMatchObject({ satisfied: false, missing: 'no-filter' });
  });
});

describe('derived.monitoring: where a control applies', () => {
  it('Organizations changes apply to the management account and standalone accounts, not to members', () => {
    expect(facts(org.get('111111111111'), 'organizations-changes').applies).toBe(true);
    expect(facts(org.get('222222222222'), 'organizations-changes').applies).toBe(false);
    expect(facts(standalone.get('500000000001'), 'organizations-changes').applies).toBe(true);
    expect(facts(org.get('222222222222'), 'root-usage').applies).toBe(true);
  });
});

describe('derived.monitoring: the EventBridge alternative', () => {
  it('is satisfied by an enabled, targeted rule matching the events in every enabled region', () => {
    expect(facts(org.get('222222222222'), 'vpc-changes').eventbridge).toEqual({
      state: 'monitored',
      satisfied: true,
      via: 'eventbridge',
      eventRules: ['arn:aws:events:eu-west-1:222222222222:rule/vpc-changes', 'arn:aws:events:us-east-1:222222222222:rule/vpc-changes'],
    });
  });

  it('does not count a disabled rule, names a rule without targets, and is unknown when the targets were not read', () => {
    const member = (change: (rules: Inventory['accounts'][number]['eventRules']) => void) =>
      facts(accounts('organization', (inventory) => change(inventory.accounts.find((a) => a.AccountId === '222222222222')!.eventRules)).get('222222222222'), 'vpc-changes').eventbridge;
    expect(
      member((rules) => {
        rules[0]!.Rule.State = 'DISABLED';
      }),
    ).toMatchObject({ satisfied: false, missing: 'no-eventbridge-rule', regionsWithoutRule: ['eu-west-1'] });
    expect(
      member((rules) => {
        rules[0]!.Targets = [];
      }),
    ).toMatchObject({ satisfied: false, missing: 'no-target', regionsWithoutRule: ['eu-west-1'] });
    expect(
      member((rules) => {
        delete rules[0]!.Targets;
      }),
    ).toEqual({ state: 'unknown', via: 'none' });
    expect(
      member((rules) => {
        rules[1]!.Rule.EventPattern = JSON.stringify({ source: ['aws.ec2'], detail: { eventName: ['CreateVpc'] } });
      }),
    ).toMatchObject({ satisfied: false, regionsWithoutRule: ['us-east-1'] });
  });

  it('is unknown where the rules of a region could not be listed, and global controls only need the global region', () => {
    expect(errorOf(org.get('444444444444'), 'derived.monitoring.vpc-changes.eventbridge')).toMatchObject({ operation: 'ListRules', region: 'eu-west-1' });
    expect(errorOf(org.get('444444444444'), 'derived.monitoring.iam-policy-changes.eventbridge')).toBeUndefined();
    expect(facts(org.get('444444444444'), 'iam-policy-changes').eventbridge).toMatchObject({ satisfied: false, missing: 'no-eventbridge-rule', regionsWithoutRule: ['us-east-1'] });
  });
});
