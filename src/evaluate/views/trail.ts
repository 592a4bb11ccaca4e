/** The trail view: one per trail, in its owner account at its home region, with its bucket, key and log group joined. */
import { logGroupArnKey, logGroupNameFromArn, parseArn } from '../../inventory/arn.js';
import type { TrailRecord } from '../../inventory/types.js';
import type { SectionError } from '../../rules/types.js';
import type { ViewOf } from '../types.js';
import { effectiveSelectors } from './derived/basic-selectors.js';
import { dataEventTypes, s3DataEvents } from './derived/data-events.js';
import { notCollected, rebase, sectionErrors, type SectionErrors } from './derived/errors.js';
import { trailKeyPolicyFact } from './derived/key-policy.js';
import { trailLogPrefix } from './derived/lifecycle.js';
import { logsAllManagementEvents, managementEvents } from './derived/management-events.js';
import { trailOwner } from './derived/ownership.js';
import { coversRegions } from './derived/regions.js';
import { hoursSince } from './derived/status-age.js';
import { bucketSectionErrors } from './bucket.js';
import { errorsAbout, regionsOf, type TrailEntry, type ViewContext } from './context.js';
import { viewData } from './data.js';
import type { TrailSummary, TrailViewData } from './view-data.generated.js';
import { join } from './join.js';
import { keySectionErrors } from './key.js';
import { logGroupSectionErrors } from './log-group.js';

/** The trail's facts (docs/views.md, trail view); a fact whose inputs could not be read is absent, its error in `$errors`. */
export interface TrailFacts {
  derived: TrailSummary['derived'];
  $errors: SectionErrors;
}

/** The facts that do not depend on who looks. */
type OwnFacts = { derived: Omit<TrailFacts['derived'], 'isShadow' | 'coversRegions'>; $errors: SectionErrors };

/** A trail as an account or organization view lists it. */
export type { TrailSummary } from './view-data.generated.js';

/** The trail's facts as seen from `viewAccountId` (its owner for the trail view; a covered member in account views). */
export function trailFacts(ctx: ViewContext, entry: TrailEntry, viewAccountId: string): TrailFacts {
  const own = ownFacts(ctx, entry);
  const trail = entry.record.Trail;
  return {
    derived: {
      ...own.derived,
      isShadow: viewAccountId !== trailOwner(trail),
      coversRegions: coversRegions(trail, regionsOf(ctx, viewAccountId, entry.readBy)),
    },
    $errors: { ...own.$errors, ...unreadReferences(own.$errors.Trail, SETTING_FACTS) },
  };
}

/** Facts that do not depend on who looks, computed once per trail: an organization trail is listed by every account view. */
const ownFactsCache = new WeakMap<TrailEntry, OwnFacts>();

function ownFacts(ctx: ViewContext, entry: TrailEntry): OwnFacts {
  const cached = ownFactsCache.get(entry);
  if (cached) return cached;
  const facts = computeOwnFacts(ctx, entry);
  ownFactsCache.set(entry, facts);
  return facts;
}

function computeOwnFacts(ctx: ViewContext, entry: TrailEntry): OwnFacts {
  const { record, readBy } = entry;
  const trail = record.Trail;
  const owner = trailOwner(trail);
  const errors = sectionErrors(
    errorsAbout(ctx, trail.TrailARN, readBy === owner ? trail.Name : undefined).filter((e) => e.accountId === readBy),
    'trail',
    () => true,
  );
  // Insights are read only when GetTrail says the trail has them: without GetTrail, they are unknown.
  if (errors.Trail && record.InsightSelectors === undefined) errors.InsightSelectors ??= errors.Trail;
  if (record.Status === undefined)
    errors.Status ??= notCollected('GetTrailStatus', 'cloudtrail', `the status of trail ${trail.TrailARN} was not read`, owner, trail.HomeRegion, trail.TrailARN);

  const derived: OwnFacts['derived'] = {
    ownerAccountId: owner,
    isOrganizationTrail: trail.IsOrganizationTrail === true,
    coversAccounts: coveredAccounts(ctx, entry),
    logPrefix: trailLogPrefix(trail.S3KeyPrefix),
    hoursSince: hoursSince(record.Status, ctx.inventory.collectedAt),
  };
  if (errors.Status) errors['derived.hoursSince'] = errors.Status;
  const selectors = errors.EventSelectors ? undefined : effectiveSelectors(record);
  if (selectors === undefined) {
    const missing =
      errors.EventSelectors ?? notCollected('GetEventSelectors', 'cloudtrail', `the event selectors of trail ${trail.TrailARN} were not read`, owner, trail.HomeRegion, trail.TrailARN);
    for (const section of ['EventSelectors', 'AdvancedEventSelectors', 'derived.managementEvents', 'derived.logsAllManagementEvents', 'derived.s3DataEvents', 'derived.dataEventTypes'])
      errors[section] ??= missing;
  } else {
    const partition = parseArn(trail.TrailARN)?.partition ?? ctx.partition;
    const management = managementEvents(selectors);
    derived.managementEvents = management;
    derived.logsAllManagementEvents = logsAllManagementEvents(management);
    derived.s3DataEvents = s3DataEvents(selectors, partition, trail.TrailARN);
    derived.dataEventTypes = dataEventTypes(selectors, partition);
  }
  return { derived, $errors: errors };
}

/** The accounts whose events the trail records: its owner, and for an organization trail every known member. */
function coveredAccounts(ctx: ViewContext, entry: TrailEntry): string[] {
  const owner = trailOwner(entry.record.Trail);
  if (!entry.record.Trail.IsOrganizationTrail) return [owner];
  return [...new Set([owner, ...ctx.org.memberIds, ...entry.seenIn])].sort();
}

export function trailSummary(ctx: ViewContext, entry: TrailEntry, viewAccountId: string): TrailSummary {
  const { Trail, Status } = entry.record;
  return { Trail, ...(Status !== undefined ? { Status } : {}), ...trailFacts(ctx, entry, viewAccountId) };
}

export function trailView(ctx: ViewContext, entry: TrailEntry): ViewOf<'trail'> {
  const { record } = entry;
  const trail = record.Trail;
  const owner = trailOwner(trail);
  const facts = trailFacts(ctx, entry, owner);
  const bucket = joinBucket(ctx, trail);
  const key = joinKey(ctx, trail);
  const logGroup = joinLogGroup(ctx, trail);
  const keyPolicy = trailKeyPolicyFact(trail.TrailARN, key);
  const data = viewData<TrailViewData>({
    Trail: trail,
    Status: record.Status,
    EventSelectors: record.EventSelectors,
    AdvancedEventSelectors: record.AdvancedEventSelectors,
    InsightSelectors: record.InsightSelectors,
    Tags: record.Tags,
    Bucket: bucket?.value,
    KmsKey: key?.value,
    LogGroup: logGroup?.value,
    derived: keyPolicy?.value ? { ...facts.derived, keyPolicy: keyPolicy.value } : facts.derived,
    $errors: { ...facts.$errors, ...unreadReferences(facts.$errors.Trail), ...bucket?.errors, ...key?.errors, ...keyPolicy?.errors, ...logGroup?.errors },
  });
  const related = [
    trail.S3BucketName ? `arn:${ctx.partition}:s3:::${trail.S3BucketName}` : undefined,
    key?.value?.KeyMetadata.Arn,
    trail.CloudWatchLogsLogGroupArn ? logGroupArnKey(trail.CloudWatchLogsLogGroupArn) : undefined,
  ].filter((x): x is string => x !== undefined);
  return { type: 'trail', arn: trail.TrailARN, name: trail.Name, accountId: owner, region: trail.HomeRegion, data, related };
}

/**
 * Without the trail's configuration (GetTrail failed), what it names is unknown too: its bucket,
 * key and log group, and the facts drawn from its settings. Never "not configured".
 */
function unreadReferences(trailError: SectionError | undefined, sections = ['Bucket', 'KmsKey', 'LogGroup', 'derived.keyPolicy']): SectionErrors {
  if (!trailError) return {};
  return Object.fromEntries(sections.map((section) => [section, trailError]));
}

/** The facts drawn from the trail's settings, in the trail view and every summary. */
const SETTING_FACTS = ['derived.isOrganizationTrail', 'derived.coversRegions', 'derived.coversAccounts', 'derived.logPrefix'];

function joinBucket(ctx: ViewContext, trail: TrailRecord['Trail']) {
  const name = trail.S3BucketName;
  if (!name) return undefined;
  const found = ctx.buckets.get(name);
  return join(
    'Bucket',
    found?.record,
    () => (found ? bucketSectionErrors(ctx, found) : {}),
    errorsAbout(ctx, name, `arn:${ctx.partition}:s3:::${name}`),
    () => notCollected('GetBucketLocation', 's3', `bucket ${name} was not read: no account in this inventory holds it, and ${whyNotRead(ctx)}`, undefined, undefined, name),
  );
}

function joinKey(ctx: ViewContext, trail: TrailRecord['Trail']) {
  const id = trail.KmsKeyId;
  if (!id) return undefined;
  const found = ctx.keys.get(id);
  const arn = parseArn(id);
  const where = arn ? ` (account ${arn.accountId}, region ${arn.region})` : '';
  return join(
    'KmsKey',
    found?.record,
    () => (found ? keySectionErrors(ctx, found.record) : {}),
    errorsAbout(ctx, id),
    () => notCollected('DescribeKey', 'kms', `KMS key ${id}${where} was not read: ${whyNotRead(ctx, arn?.accountId)}`, arn?.accountId, arn?.region, id),
  );
}

function joinLogGroup(ctx: ViewContext, trail: TrailRecord['Trail']) {
  const arn = trail.CloudWatchLogsLogGroupArn;
  if (!arn) return undefined;
  const key = logGroupArnKey(arn);
  const found = ctx.logGroups.get(key);
  const parsed = parseArn(key);
  return join(
    'LogGroup',
    found?.record,
    () => (found ? rebase(logGroupSectionErrors(ctx, found.record, parsed?.accountId ?? found.readBy), 'LogGroup') : {}),
    errorsAbout(ctx, key, arn, logGroupNameFromArn(arn)).filter((e) => e.accountId === parsed?.accountId),
    () => notCollected('DescribeLogGroups', 'logs', `log group ${key} was not read: ${whyNotRead(ctx, parsed?.accountId)}`, parsed?.accountId, parsed?.region, key),
  );
}

/** Why a referenced resource of `accountId` is missing from the inventory. */
function whyNotRead(ctx: ViewContext, accountId?: string): string {
  if (!accountId) return 'its owner account is unknown';
  return ctx.accountById.has(accountId) ? `the collection of account ${accountId} did not read it` : `its account ${accountId} is not in this inventory`;
}
