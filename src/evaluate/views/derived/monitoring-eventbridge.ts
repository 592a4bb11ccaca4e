/**
 * The EventBridge alternative to a metric filter (CIS v4.0.1+ accepts "other solutions"): in
 * every region where the control's events arrive, an enabled rule on the account's default bus
 * whose pattern matches every event the control names (as CloudTrail delivers them to
 * EventBridge) and none of the benign ones, with at least one target.
 */
import type { EventRuleRecord } from '../../../inventory/types.js';
import type { SectionError } from '../../../rules/types.js';
import { errorsAbout, type ViewContext } from '../context.js';
import type { ControlVariant } from './cis-monitoring-controls.js';
import { notCollected, sectionErrors } from './errors.js';
import { matchesEventPattern, parseEventPattern, type ParsedEventPattern } from './eventbridge-pattern.js';
import { coversEvents } from './monitoring-match.js';

export interface EventBridgeOutcome {
  /** One word for messages: `monitored`, the missing link, or `unknown`. */
  state: 'monitored' | 'no-eventbridge-rule' | 'no-target' | 'unknown';
  /** Absent when the answer is unknown (then $errors names the call that failed). */
  satisfied?: boolean;
  via: 'eventbridge' | 'none';
  missing?: 'no-eventbridge-rule' | 'no-target';
  /** The rules that do the job, one per region. */
  eventRules?: string[];
  /** Regions where no rule does it. */
  regionsWithoutRule?: string[];
}

/** A CloudTrail record as EventBridge delivers it in `region`: wrapped in the event envelope. */
export function cloudTrailEnvelope(record: Record<string, unknown>, accountId: string, region: string): Record<string, unknown> {
  const detail: Record<string, unknown> = { ...record, awsRegion: region, recipientAccountId: accountId };
  const service = String(detail.eventSource).split('.')[0];
  return {
    version: '0',
    id: '00000000-0000-0000-0000-000000000000',
    'detail-type': detail.eventName === 'ConsoleLogin' ? 'AWS Console Sign In via CloudTrail' : 'AWS API Call via CloudTrail',
    source: `aws.${service}`,
    account: accountId,
    time: detail.eventTime,
    region,
    resources: [],
    detail,
  };
}

const parsedPatterns = new Map<string, ParsedEventPattern>();

function parsedPattern(text: string | undefined): ParsedEventPattern {
  if (text === undefined) return parseEventPattern(text);
  let parsed = parsedPatterns.get(text);
  if (!parsed) {
    parsed = parseEventPattern(text);
    parsedPatterns.set(text, parsed);
  }
  return parsed;
}

function matchesControl(rule: EventRuleRecord, variant: ControlVariant, accountId: string): boolean {
  const parsed = parsedPattern(rule.Rule.EventPattern);
  if (!parsed.ok || rule.Rule.State !== 'ENABLED') return false;
  return coversEvents(variant, (record) => matchesEventPattern(parsed.pattern, cloudTrailEnvelope(record, accountId, rule.Region)));
}

export function monitoringByEventBridge(ctx: ViewContext, accountId: string, regions: string[], variant: ControlVariant): { outcome: EventBridgeOutcome; error?: SectionError } {
  const account = ctx.accountById.get(accountId);
  const matching = (account?.eventRules ?? []).filter((r) => matchesControl(r, variant, accountId));
  const failures = ctx.accountErrors.get(accountId) ?? [];
  const used: string[] = [];
  const without: string[] = [];
  let missing: EventBridgeOutcome['missing'] = 'no-eventbridge-rule';
  let error: SectionError | undefined;
  for (const region of regions) {
    const here = matching.filter((r) => r.Region === region);
    const targeted = here.find((r) => (r.Targets ?? []).length > 0);
    if (targeted) {
      used.push(targeted.Rule.Arn);
      continue;
    }
    without.push(region);
    // A rule whose targets could not be listed, or a region whose rules could not be listed, may hold the answer.
    const unread = here.find((r) => r.Targets === undefined);
    if (unread) {
      error ??=
        sectionErrors(errorsAbout(ctx, unread.Rule.Arn), 'monitoring', () => true).eventbridge ??
        notCollected('ListTargetsByRule', 'events', `the targets of EventBridge rule ${unread.Rule.Arn} were not read`, accountId, region, unread.Rule.Arn);
    } else {
      error ??= sectionErrors(failures, 'monitoring', (e) => e.region === region).eventbridge;
      if (here.length > 0) missing = 'no-target';
    }
  }
  if (without.length === 0) return { outcome: { state: 'monitored', satisfied: true, via: 'eventbridge', eventRules: used.sort() } };
  if (error) return { outcome: { state: 'unknown', via: 'none' }, error };
  return { outcome: { state: missing, satisfied: false, via: 'none', missing, regionsWithoutRule: without } };
}
