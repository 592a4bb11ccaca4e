/**
 * derived.monitoring on the account view: is the account's activity monitored for each CIS
 * monitoring control? For each control variant (see cis-monitoring-controls.ts) and each
 * strictness level, the chain
 *   trail covering the account (multi-region, logging, all management events)
 *   → its CloudWatch Logs group (found in whichever account of the inventory owns it)
 *   → a metric filter implementing the control → an alarm on the filter's metric (name and
 *   namespace, in the log group's account and region) with actions enabled
 *   → an SNS topic among its AlarmActions → at least one confirmed subscription;
 * and, separately, the EventBridge alternative (an enabled rule matching the control's events,
 * with a target, in every region where the events arrive).
 *
 * Three-valued: a chain that is satisfied anywhere wins; otherwise a link that could not be read
 * makes the answer unknown (an $errors entry naming the call); otherwise it is unsatisfied and
 * `missing` names the furthest link any chain reached.
 */
import { logGroupArnKey, logGroupNameFromArn, parseArn } from '../../../inventory/arn.js';
import type { SectionError } from '../../../rules/types.js';
import type { ViewOf } from '../../types.js';
import { errorsAbout, regionsOf, type ViewContext } from '../context.js';
import { logGroupView } from '../log-group.js';
import type { TrailSummary } from '../trail.js';
import { GLOBAL_EVENTS_REGION, MONITORING_CONTROLS, type ControlVariant, type MonitoringControl } from './cis-monitoring-controls.js';
import { notCollected, toSectionError, type SectionErrors } from './errors.js';
import { monitoringByEventBridge, type EventBridgeOutcome } from './monitoring-eventbridge.js';
import { filterImplements, STRICTNESS_LEVELS, type Strictness } from './monitoring-match.js';

/** The links of the metric-filter chain, in order: `missing` names the furthest one reached. */
const MISSING_LINKS = ['no-trail', 'no-log-group', 'no-filter', 'no-alarm', 'alarm-actions-disabled', 'no-topic', 'no-confirmed-subscription'] as const;
export type MissingLink = (typeof MISSING_LINKS)[number];

export interface MetricFilterOutcome {
  /** One word for messages: `monitored`, the missing link, or `unknown`. */
  state: 'monitored' | MissingLink | 'unknown';
  /** Absent when the answer is unknown (then $errors names the call that failed). */
  satisfied?: boolean;
  via: 'metric-filter' | 'none';
  missing?: MissingLink;
  trailArn?: string;
  logGroup?: string;
  filterName?: string | undefined;
  alarmName?: string;
  topicArn?: string;
}

export type ControlFacts = Record<Strictness, MetricFilterOutcome> & {
  eventbridge: EventBridgeOutcome;
  /** False for a member account of an organization when the control's events are recorded in the management account only. */
  applies: boolean;
};

/** A chain's answer for one trail: satisfied, unknown (with the error), or the link it stopped at. */
type TrailAnswer =
  { kind: 'satisfied'; outcome: MetricFilterOutcome } | { kind: 'unknown'; error: SectionError } | { kind: 'missing'; outcome: MetricFilterOutcome & { missing: MissingLink } };

/** Per trail: the answer when it holds for every control (the trail does not count, or has no log group), else one per control and strictness. */
interface TrailAnswers {
  every?: TrailAnswer;
  byControl: Map<string, TrailAnswer>;
}

interface Cache {
  logGroups: Map<string, ViewOf<'log-group'> | SectionError>;
  trails: Map<string, TrailAnswers>;
}
const caches = new WeakMap<ViewContext, Cache>();

function cacheOf(ctx: ViewContext): Cache {
  let cache = caches.get(ctx);
  if (!cache) {
    cache = { logGroups: new Map(), trails: new Map() };
    caches.set(ctx, cache);
  }
  return cache;
}

/**
 * Every control variant's facts for the account, and the $errors entries for the unknown ones.
 * `unlisted` is the failure that may hide trails of the account: then only a satisfied chain is an answer.
 */
export function monitoringFacts(
  ctx: ViewContext,
  accountId: string,
  trails: TrailSummary[],
  unlisted: SectionError | undefined,
): { monitoring: Record<string, ControlFacts>; errors: SectionErrors } {
  const monitoring: Record<string, ControlFacts> = {};
  const errors: SectionErrors = {};
  for (const control of MONITORING_CONTROLS) {
    for (const variant of control.variants) {
      const facts = { applies: applies(ctx, accountId, control) } as ControlFacts;
      for (const strictness of STRICTNESS_LEVELS) {
        const found = accountAnswer(ctx, trails, variant, strictness);
        const answer = unlisted && found.kind !== 'satisfied' ? { kind: 'unknown' as const, error: unlisted } : found;
        facts[strictness] = answer.kind === 'unknown' ? { state: 'unknown', via: 'none' } : answer.outcome;
        if (answer.kind === 'unknown') errors[`derived.monitoring.${variant.key}.${strictness}`] = answer.error;
      }
      const eventBridge = monitoringByEventBridge(ctx, accountId, eventRegions(ctx, accountId, control), variant);
      facts.eventbridge = eventBridge.outcome;
      if (eventBridge.error) errors[`derived.monitoring.${variant.key}.eventbridge`] = eventBridge.error;
      monitoring[variant.key] = facts;
    }
  }
  return { monitoring, errors };
}

function applies(ctx: ViewContext, accountId: string, control: MonitoringControl): boolean {
  if (control.recordedIn === 'every-account') return true;
  // A standalone account, or one the inventory's organization does not list, records its own calls.
  return accountId === ctx.org.managementAccountId || !ctx.org.memberIds.has(accountId);
}

/** Where the control's events reach EventBridge for this account. */
function eventRegions(ctx: ViewContext, accountId: string, control: MonitoringControl): string[] {
  if (control.eventBridgeScope === 'global') return [GLOBAL_EVENTS_REGION[ctx.partition] ?? 'us-east-1'];
  return regionsOf(ctx, accountId);
}

const NO_TRAIL: TrailAnswer = { kind: 'missing', outcome: { state: 'no-trail', satisfied: false, via: 'none', missing: 'no-trail' } };

function accountAnswer(ctx: ViewContext, trails: TrailSummary[], variant: ControlVariant, strictness: Strictness): TrailAnswer {
  const answers = trails.filter((t) => t.Trail.IsMultiRegionTrail === true).map((t) => trailAnswer(ctx, t, variant, strictness));
  const satisfied = answers.find((a) => a.kind === 'satisfied');
  if (satisfied) return satisfied;
  // A trail whose configuration could not be read (GetTrail) may be the multi-region one that monitors.
  const unread = trails.find((t) => t.$errors.Trail);
  if (unread) return { kind: 'unknown', error: unread.$errors.Trail! };
  const unknown = answers.find((a) => a.kind === 'unknown');
  if (unknown) return unknown;
  const furthest = answers
    .filter((a): a is Extract<TrailAnswer, { kind: 'missing' }> => a.kind === 'missing')
    .sort((a, b) => MISSING_LINKS.indexOf(b.outcome.missing) - MISSING_LINKS.indexOf(a.outcome.missing))[0];
  return furthest ?? NO_TRAIL;
}

/** The trail's answer for a control at a strictness, computed once per inventory (members share their organization trail's). */
function trailAnswer(ctx: ViewContext, trail: TrailSummary, variant: ControlVariant, strictness: Strictness): TrailAnswer {
  const cache = cacheOf(ctx).trails;
  const trailArn = trail.Trail.TrailARN;
  let answers = cache.get(trailArn);
  if (!answers) {
    answers = { byControl: new Map() };
    const counts = qualifies(trail);
    if (counts === false) answers.every = stop('no-trail', { trailArn });
    else if (!trail.Trail.CloudWatchLogsLogGroupArn) answers.every = stop('no-log-group', { trailArn });
    cache.set(trailArn, answers);
  }
  if (answers.every) return answers.every;
  const memo = `${variant.key} ${strictness}`;
  let answer = answers.byControl.get(memo);
  if (!answer) {
    answer = chainAnswer(ctx, trail, variant, strictness);
    answers.byControl.set(memo, answer);
  }
  return answer;
}

function stop(missing: MissingLink, found: Partial<MetricFilterOutcome> = {}): TrailAnswer {
  return { kind: 'missing', outcome: { state: missing, satisfied: false, via: 'none', missing, ...found } };
}

/**
 * Does the trail count for CIS (multi-region is filtered before): logging and recording all management
 * events. An unreadable status or selectors leave it unknown, which only matters if its chain holds.
 */
function qualifies(trail: TrailSummary): boolean | SectionError {
  const statusError = trail.$errors.Status;
  const selectorsError = trail.$errors['derived.logsAllManagementEvents'];
  if (!statusError && trail.Status?.IsLogging !== true) return false;
  if (!selectorsError && trail.derived.logsAllManagementEvents !== true) return false;
  return statusError ?? selectorsError ?? true;
}

/** The chain through a trail that counts (or may: its status is unknown) and has a log group. */
function chainAnswer(ctx: ViewContext, trail: TrailSummary, variant: ControlVariant, strictness: Strictness): TrailAnswer {
  const trailArn = trail.Trail.TrailARN;
  const counts = qualifies(trail);
  const chain = logGroupChain(ctx, logGroupArnKey(trail.Trail.CloudWatchLogsLogGroupArn!), variant, strictness);
  if (chain.kind === 'unknown') return chain;
  if (chain.kind === 'missing') return { kind: 'missing', outcome: { ...chain.outcome, trailArn } };
  return counts === true ? { kind: 'satisfied', outcome: { ...chain.outcome, trailArn } } : { kind: 'unknown', error: counts as SectionError };
}

/** From the log group on: a metric filter implementing the control, an enabled alarm on its metric, a topic with a confirmed subscriber. */
function logGroupChain(ctx: ViewContext, arnKey: string, variant: ControlVariant, strictness: Strictness): TrailAnswer {
  const logGroup = logGroupFacts(ctx, arnKey);
  if (!('data' in logGroup)) return { kind: 'unknown', error: logGroup };
  const found = { logGroup: logGroup.arn };
  const data = logGroup.data;
  const filtersError = data.$errors.MetricFilters;
  if (filtersError) return { kind: 'unknown', error: filtersError };
  const matching = (data.MetricFilters ?? []).filter((f) => filterImplements(f.filterPattern, variant, strictness)).map((f) => f.filterName);
  if (matching.length === 0) return stop('no-filter', found);
  const alarmsError = data.$errors['derived.filters'];
  if (alarmsError) return { kind: 'unknown', error: alarmsError };

  let furthest = stop('no-alarm', { ...found, filterName: matching[0] });
  let unknown: TrailAnswer | undefined;
  const reach = (missing: MissingLink, at: Partial<MetricFilterOutcome>) => {
    if (furthest.kind === 'missing' && MISSING_LINKS.indexOf(missing) > MISSING_LINKS.indexOf(furthest.outcome.missing)) furthest = stop(missing, { ...found, ...at });
  };
  for (const filter of (data.derived.filters ?? []).filter((f) => matching.includes(f.filterName))) {
    for (const alarm of filter.alarms) {
      const at = { filterName: filter.filterName, alarmName: alarm.AlarmName };
      if (alarm.ActionsEnabled !== true) {
        reach('alarm-actions-disabled', at);
        continue;
      }
      if (alarm.topics.length === 0) reach('no-topic', at);
      for (const topic of alarm.topics) {
        const subscriptionsError = topic.$errors.confirmedSubscriptions;
        if (subscriptionsError) unknown ??= { kind: 'unknown', error: subscriptionsError };
        else if ((topic.confirmedSubscriptions ?? 0) > 0) {
          return { kind: 'satisfied', outcome: { state: 'monitored', satisfied: true, via: 'metric-filter', ...found, ...at, topicArn: topic.TopicArn } };
        } else reach('no-confirmed-subscription', { ...at, topicArn: topic.TopicArn });
      }
    }
  }
  return unknown ?? furthest;
}

/**
 * The log group's view (built once per inventory), or the error saying why it is missing: the
 * failed DescribeLogGroups call, or NotCollected when its account is not in the inventory.
 */
function logGroupFacts(ctx: ViewContext, arnKey: string): ViewOf<'log-group'> | SectionError {
  const cache = cacheOf(ctx).logGroups;
  let facts = cache.get(arnKey);
  if (!facts) {
    const found = ctx.logGroups.get(arnKey);
    const parsed = parseArn(arnKey);
    if (found) facts = logGroupView(ctx, found, arnKey);
    else {
      const failed = errorsAbout(ctx, arnKey, `${arnKey}:*`, logGroupNameFromArn(arnKey)).find((e) => e.accountId === parsed?.accountId);
      const why =
        parsed && ctx.accountById.has(parsed.accountId) ? `the collection of account ${parsed.accountId} did not read it` : `its account ${parsed?.accountId ?? ''} is not in this inventory`;
      facts = failed ? toSectionError(failed) : notCollected('DescribeLogGroups', 'logs', `log group ${arnKey} was not read: ${why}`, parsed?.accountId, parsed?.region, arnKey);
    }
    cache.set(arnKey, facts);
  }
  return facts;
}
