/**
 * The account view: one per account of the inventory, with every trail that records its events
 * (its own, and organization trails of the management account or a CloudTrail delegated
 * administrator) and what they cover together.
 */
import type { AccountInventory, ApiError } from '../../inventory/types.js';
import type { SectionError } from '../../rules/types.js';
import type { ViewOf } from '../types.js';
import { fullyLogged, readWriteType, type S3BucketDataEvents, type S3DataEvents } from './derived/data-events.js';
import { configRecorderFacts } from './derived/config-recorders.js';
import { recordedDataEventTypes } from './derived/data-event-types-recorded.js';
import { marksLiveOnly, sectionErrors, toSectionError, type SectionErrors } from './derived/errors.js';
import { derive, listFact, partial, put, unknown, valueFact, type FactSink } from './fact.js';
import { flowLogFacts } from './derived/flow-logs.js';
import { excludedBuckets } from './derived/s3-excluded-buckets.js';
import { monitoringFacts } from './derived/monitoring.js';
import { trailCoversAccount } from './derived/ownership.js';
import { closedRegions } from './derived/regions.js';
import { securityHubFacts } from './derived/security-hub.js';
import { errorsAbout, regionsOf, type ViewContext } from './context.js';
import { viewData } from './data.js';
import type { AccountViewData } from './view-data.generated.js';
import { accountGaps } from './gaps.js';
import { trailSummary, type TrailSummary } from './trail.js';

export function accountView(ctx: ViewContext, account: AccountInventory): ViewOf<'account'> {
  const id = account.AccountId;
  const candidates = [...new Set([...(ctx.trailsByOwner.get(id) ?? []), ...ctx.organizationTrails])];
  const summaries = candidates
    .filter((t) => trailCoversAccount(t.record.Trail, id, t.seenIn, ctx.org))
    .sort((a, b) => (a.record.Trail.TrailARN < b.record.Trail.TrailARN ? -1 : 1))
    .map((t) => trailSummary(ctx, t, id));
  const failures = ctx.accountErrors.get(id) ?? [];
  const sink: FactSink = { $errors: sectionErrors(failures, 'account', () => true), $partial: {} };
  // The account's own trail listing failed: the trails found (an organization trail seen from the
  // management account) are known, but more may exist.
  const unlisted = trailListingError(failures) ?? unreadOrganizationTrail(ctx, id);
  const trails = listFact(summaries, unlisted);
  const regionList = regionsOf(ctx, id);
  const regions = valueFact(regionList, sink.$errors.Regions);
  const covered = derive([trails, regions], (ts, rs) => rs.filter((r) => coveredBy(ts).has(r)), { fromPartial: 'partial' });
  // Uncovered regions are known only when no trail that might exist could cover them.
  const uncovered = derive([trails, regions], (ts, rs) => rs.filter((r) => !coveredBy(ts).has(r)), { fromPartial: 'unknown', decided: (u) => u.length === 0 });
  const logging = summaries.filter((t) => t.Status?.IsLogging === true || t.$errors.Status);
  const unreadable = logging.find((t) => t.$errors.Status ?? t.$errors['derived.s3DataEvents']);
  const s3DataEvents = derive([trails], () => aggregateS3DataEvents(logging.filter((t) => !t.$errors.Status)), { fromPartial: 'unknown' });
  const dataEventTypes = recordedDataEventTypes(summaries);
  const dataEventTypesRecorded = derive([trails, valueFact(dataEventTypes.value, dataEventTypes.error)], (_, v) => v, { fromPartial: 'partial' });
  const monitoring = monitoringFacts(ctx, id, summaries, unlisted);
  const config = configRecorderFacts(account, id, regionList, failures);
  const flowLogs = flowLogFacts(account, id, regionList, failures);
  const securityHub = securityHubFacts(account, id, regionList, failures);
  // Without the region list, "no region lacks it" is not known either.
  const regionalErrors: SectionErrors = { ...config.errors, ...flowLogs.errors, ...securityHub.errors };
  if (regions.state === 'unknown') for (const fact of ['configRecorders', 'flowLogs', 'securityHub']) regionalErrors[`derived.${fact}`] = regions.error;
  const closed = closedRegions(account);
  const unsure = uncovered.state === 'known' && uncovered.value.length > 0 ? summaries.map((t) => coverageDoubt(t, uncovered.value)).find((e) => e !== undefined) : undefined;
  const derived = {
    trails: put(sink, 'derived.trails', trails),
    coveredRegions: put(sink, 'derived.coveredRegions', unsure && covered.state === 'known' ? partial(covered.value, unsure) : covered),
    // A region left uncovered by the known trails may be covered by one whose status could not be
    // read, or by any region of one whose configuration could not be read.
    uncoveredRegions: put(sink, 'derived.uncoveredRegions', unsure ? unknown<string[]>(unsure) : uncovered),
    s3DataEvents: put(sink, 'derived.s3DataEvents', unreadable ? unknown<AccountS3DataEvents>(unreadable.$errors.Status ?? unreadable.$errors['derived.s3DataEvents']!) : s3DataEvents),
    dataEventTypesRecorded: put(sink, 'derived.dataEventTypesRecorded', dataEventTypesRecorded),
    monitoring: monitoring.monitoring,
    configRecorders: config.facts,
    flowLogs: flowLogs.facts,
    securityHub: securityHub.facts,
  };
  return {
    type: 'account',
    arn: `arn:${ctx.partition}:::${id}`,
    name: id,
    accountId: id,
    region: 'global',
    data: viewData<AccountViewData>({
      AccountId: id,
      Regions: regionList,
      IsManagementAccount: id === ctx.org.managementAccountId,
      derived: viewData<AccountViewData['derived']>(derived),
      $errors: { ...sink.$errors, ...monitoring.errors, ...regionalErrors },
      ...(Object.keys(sink.$partial).length > 0 ? { $partial: sink.$partial } : {}),
    }),
    related: summaries.map((t) => t.Trail.TrailARN),
    ...gapsOf(ctx, account),
    ...(closed.length > 0 ? { closedRegions: closed } : {}),
  };
}

function gapsOf(ctx: ViewContext, account: AccountInventory): Pick<ViewOf<'account'>, 'gaps'> {
  const gaps = accountGaps(ctx.inventory, account);
  return Object.keys(gaps).length > 0 ? { gaps } : {};
}

/**
 * A trail of an account that may own organization trails, whose configuration (GetTrail) could not
 * be read, may be an organization trail recording this account too.
 */
export function unreadOrganizationTrail(ctx: ViewContext, viewAccountId?: string): SectionError | undefined {
  const owners = [ctx.org.managementAccountId, ...ctx.org.cloudTrailAdmins].filter((x): x is string => x !== undefined && x !== viewAccountId);
  for (const owner of owners) {
    for (const entry of ctx.trailsByOwner.get(owner) ?? []) {
      const failed = errorsAbout(ctx, entry.record.Trail.TrailARN).find((e) => e.operation === 'GetTrail');
      if (failed && entry.record.Trail.IsOrganizationTrail === undefined) return toSectionError(failed);
    }
  }
  return undefined;
}

const TRAIL_LISTING = new Set(['ListTrails', 'DescribeTrails']);

/** The failure that may hide trails of the account (its own ListTrails), if any. */
export function trailListingError(failures: readonly ApiError[]): SectionError | undefined {
  const failed = failures.find((e) => TRAIL_LISTING.has(e.operation) && !marksLiveOnly(e));
  return failed ? toSectionError(failed) : undefined;
}

/** The regions the logging trails cover. */
function coveredBy(trails: readonly TrailSummary[]): Set<string> {
  return new Set(trails.filter((t) => t.Status?.IsLogging === true).flatMap((t) => t.derived.coversRegions));
}

/** The error that leaves open whether the trail covers one of these regions. */
function coverageDoubt(trail: TrailSummary, regions: string[]): SectionError | undefined {
  if (trail.$errors.Trail) return trail.$errors.Trail;
  const reaches = trail.derived.coversRegions.some((r) => regions.includes(r));
  return reaches ? trail.$errors.Status : undefined;
}

/** S3 data events recorded for the account by its logging trails together, one entry per bucket (and key prefix). */
export interface AccountS3DataEvents extends Omit<S3DataEvents, 'buckets' | 'allBuckets'> {
  allBuckets: S3DataEvents['allBuckets'] & { excludedBuckets: string[] };
  buckets: Array<S3BucketDataEvents & { TrailArns: string[] }>;
}

export function aggregateS3DataEvents(trails: TrailSummary[]): AccountS3DataEvents {
  const all = trails.map((t) => t.derived.s3DataEvents).filter((x): x is S3DataEvents => x !== undefined);
  // An object's read (write) events are excluded for the account only when every trail recording
  // read (write) events for all buckets excludes it: a read-only trail does not restore the
  // write events another trail leaves out.
  const excludedFor = (kind: 'read' | 'write') => {
    const [first, ...rest] = all.filter((s) => s.allBuckets[kind]).map((s) => s.allBuckets.excludedPrefixes);
    return (first ?? []).filter((p) => rest.every((list) => list.includes(p)));
  };
  const excludedPrefixes = [...new Set([...excludedFor('read'), ...excludedFor('write')])].sort();
  const byBucket = new Map<string, { Name: string; Prefix?: string; read: boolean; write: boolean; TrailArns: Set<string> }>();
  for (const s of all) {
    for (const b of s.buckets) {
      // A whole-bucket entry and one for part of the bucket (Prefix, possibly '') stay apart.
      const key = JSON.stringify([b.Name, b.Prefix ?? null]);
      const entry = byBucket.get(key) ?? { Name: b.Name, ...(b.Prefix !== undefined ? { Prefix: b.Prefix } : {}), read: false, write: false, TrailArns: new Set<string>() };
      entry.read ||= b.ReadWriteType !== 'WriteOnly';
      entry.write ||= b.ReadWriteType !== 'ReadOnly';
      if (b.TrailArn) entry.TrailArns.add(b.TrailArn);
      byBucket.set(key, entry);
    }
  }
  const buckets = [...byBucket.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, e]) => ({ Name: e.Name, ...(e.Prefix !== undefined ? { Prefix: e.Prefix } : {}), ReadWriteType: readWriteType(e.read, e.write) ?? 'All', TrailArns: [...e.TrailArns].sort() }));
  const fullyLoggedBuckets = fullyLogged(buckets);
  return {
    allBuckets: {
      read: all.some((s) => s.allBuckets.read),
      write: all.some((s) => s.allBuckets.write),
      excludedPrefixes,
      excludedBuckets: excludedBuckets(excludedPrefixes, fullyLoggedBuckets),
    },
    buckets,
    fullyLoggedBuckets,
  };
}
