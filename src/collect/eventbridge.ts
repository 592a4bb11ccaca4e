/** EventBridge: rules on the default bus whose pattern matches CloudTrail events, with their targets. */
import { EventBridgeClient, ListRulesCommand, ListTargetsByRuleCommand } from '@aws-sdk/client-eventbridge';
import type { EventRuleRecord } from '../inventory/types.js';
import { plain } from './plain.js';
import { paginate, type Session } from './session.js';

/**
 * API calls reach EventBridge through CloudTrail with these detail-types; a pattern on the
 * CloudTrail record's own fields (detail.eventName / eventSource) is one too.
 */
export function matchesCloudTrailEvents(pattern: string | undefined): boolean {
  if (!pattern) return false;
  return /via CloudTrail|"eventName"|"eventSource"/.test(pattern);
}

export async function collectEventRules(session: Session, regions: string[]): Promise<EventRuleRecord[]> {
  const perRegion = await Promise.all(
    regions.map(async (region) => {
      const events = session.clients.get(EventBridgeClient, region);
      const listed = await paginate(
        session,
        { service: 'events', operation: 'ListRules', region },
        (NextToken) => events.send(new ListRulesCommand({ NextToken })),
        (o) => o.NextToken,
        (o) => o.Rules,
      );
      const matching = listed.items.filter((r) => r.Name && r.Arn && matchesCloudTrailEvents(r.EventPattern));
      return Promise.all(
        matching.map(async (rule): Promise<EventRuleRecord> => {
          const targets = await paginate(
            session,
            { service: 'events', operation: 'ListTargetsByRule', region, resource: rule.Arn, params: { Rule: rule.Name } },
            (NextToken) => events.send(new ListTargetsByRuleCommand({ Rule: rule.Name, NextToken })),
            (o) => o.NextToken,
            (o) => o.Targets,
          );
          return {
            Rule: plain(rule),
            Region: region,
            ...(targets.complete ? { Targets: plain<Array<{ Id: string; Arn: string }>>(targets.items) } : {}),
          };
        }),
      );
    }),
  );
  return perRegion.flat().sort((a, b) => a.Rule.Arn.localeCompare(b.Rule.Arn));
}
