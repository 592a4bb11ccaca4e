/**
 * The account view: one per account of the inventory, with every trail that records its events
 * (its own, and organization trails of the management account or a CloudTrail delegated
 * administrator) and what they cover together.
 */
import type { AccountInventory } from '../../inventory/types.js';
import type { SectionError } from '../../rules/types.js';
import type { View } from '../types.js';
import { fullyLogged, readWriteType, type S3BucketDataEvents, type S3DataEvents } from './derived/data-events.js';
import { configRecorderFacts } from './derived/config-recorders.js';
import { recordedDataEventTypes } from './derived/data-event-types-recorded.js';
import { sectionErrors, type SectionErrors } from './derived/errors.js';
import { flowLogFacts } from './derived/flow-logs.js';
import { excludedBuckets } from './derived/s3-excluded-buckets.js';
import { monitoringFacts } from './derived/monitoring.js';
import { trailCoversAccount } from './derived/ownership.js';
import { securityHubFacts } from './derived/security-hub.js';
import { regionsOf, type ViewContext } from './context.js';
import { viewData } from './data.js';
import { trailSummary, type TrailSummary } from './trail.js';

export function accountView(ctx: ViewContext, account: AccountInventory): View {
  const id = account.AccountId;
  const candidates = [...new Set([...(ctx.trailsByOwner.get(id) ?? []), ...ctx.organizationTrails])];
  const trails = candidates
    .filter((t) => trailCoversAccount(t.record.Trail, id, t.seenIn, ctx.org))
    .sort((a, b) => (a.record.Trail.TrailARN < b.record.Trail.TrailARN ? -1 : 1))
    .map((t) => trailSummary(ctx, t, id));
  const regions = regionsOf(ctx, id);
  const errors = accountErrors(ctx, id, trails, regions);
  const covered = new Set(trails.filter((t) => t.Status?.IsLogging === true).flatMap((t) => t.derived.coversRegions as string[]));
  const uncovered = regions.filter((r) => !covered.has(r));
  // A region left uncovered by the known trails may be covered by one whose status could not be
  // read, or by any region of one whose configuration could not be read.
  const unsure = uncovered.length > 0 ? trails.map((t) => coverageDoubt(t, uncovered)).find((e) => e !== undefined) : undefined;
  if (unsure) {
    errors['derived.coveredRegions'] ??= unsure;
    errors['derived.uncoveredRegions'] ??= unsure;
  }
  const logging = trails.filter((t) => t.Status?.IsLogging === true || t.$errors.Status);
  const unreadable = logging.find((t) => t.$errors.Status ?? t.$errors['derived.s3DataEvents']);
  if (unreadable) errors['derived.s3DataEvents'] ??= unreadable.$errors.Status ?? unreadable.$errors['derived.s3DataEvents']!;
  const dataEventTypes = recordedDataEventTypes(trails);
  if (dataEventTypes.error) errors['derived.dataEventTypesRecorded'] ??= dataEventTypes.error;
  const monitoring = monitoringFacts(ctx, id, trails, errors);
  const failures = ctx.accountErrors.get(id) ?? [];
  const config = configRecorderFacts(account, id, regions, failures);
  const flowLogs = flowLogFacts(account, id, regions, failures);
  const securityHub = securityHubFacts(account, id, regions, failures);
  // Without the region list, "no region lacks it" is not known either.
  const regionalErrors: SectionErrors = { ...config.errors, ...flowLogs.errors, ...securityHub.errors };
  if (errors.Regions) for (const fact of ['configRecorders', 'flowLogs', 'securityHub']) regionalErrors[`derived.${fact}`] = errors.Regions;
  return {
    type: 'account',
    arn: `arn:${ctx.partition}:::${id}`,
    name: id,
    accountId: id,
    region: 'global',
    data: viewData({
      AccountId: id,
      Regions: regions,
      IsManagementAccount: id === ctx.org.managementAccountId,
      derived: {
        trails,
        coveredRegions: regions.filter((r) => covered.has(r)),
        uncoveredRegions: uncovered,
        s3DataEvents: aggregateS3DataEvents(logging.filter((t) => !t.$errors.Status)),
        dataEventTypesRecorded: dataEventTypes.value,
        monitoring: monitoring.monitoring,
        configRecorders: config.facts,
        flowLogs: flowLogs.facts,
        securityHub: securityHub.facts,
      },
      $errors: { ...errors, ...monitoring.errors, ...regionalErrors },
    }),
    related: trails.map((t) => t.Trail.TrailARN),
  };
}

/** The error that leaves open whether the trail covers one of these regions. */
function coverageDoubt(trail: TrailSummary, regions: string[]): SectionError | undefined {
  if (trail.$errors.Trail) return trail.$errors.Trail;
  const reaches = (trail.derived.coversRegions as string[]).some((r) => regions.includes(r));
  return reaches ? trail.$errors.Status : undefined;
}

/**
 * Account-level failures (ListTrails, DescribeTrails, ListRegions, ...). A trail listing that failed
 * only makes the trail list unreadable when nothing was listed, and region coverage unreadable only
 * for the regions that failed and are not covered anyway.
 */
function accountErrors(ctx: ViewContext, id: string, trails: TrailSummary[], regions: string[]): SectionErrors {
  const failures = ctx.accountErrors.get(id) ?? [];
  const errors = sectionErrors(failures, 'account', () => true);
  if (trails.length > 0) delete errors['derived.trails'];
  const listingFailedIn = failures.filter((e) => e.operation === 'ListTrails' || e.operation === 'DescribeTrails').map((e) => e.region);
  const coverageFromListing = ['ListTrails', 'DescribeTrails'].includes(errors['derived.coveredRegions']?.operation ?? '');
  const allCovered = trails.some((t) => t.Trail.IsMultiRegionTrail && t.Status?.IsLogging);
  if (coverageFromListing && (allCovered || !listingFailedIn.some((r) => regions.includes(r)))) {
    delete errors['derived.coveredRegions'];
    delete errors['derived.uncoveredRegions'];
  }
  return errors;
}

/** S3 data events recorded for the account by its logging trails together, one entry per bucket (and key prefix). */
export interface AccountS3DataEvents extends Omit<S3DataEvents, 'buckets' | 'allBuckets'> {
  allBuckets: S3DataEvents['allBuckets'] & { excludedBuckets: string[] };
  buckets: Array<S3BucketDataEvents & { TrailArns: string[] }>;
}

export function aggregateS3DataEvents(trails: TrailSummary[]): AccountS3DataEvents {
  const all = trails.map((t) => t.derived.s3DataEvents as S3DataEvents | undefined).filter((x): x is S3DataEvents => x !== undefined);
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
    allBuckets: { read: all.some((s) => s.allBuckets.read), write: all.some((s) => s.allBuckets.write), excludedPrefixes, excludedBuckets: excludedBuckets(excludedPrefixes, fullyLoggedBuckets) },
    buckets,
    fullyLoggedBuckets,
  };
}
