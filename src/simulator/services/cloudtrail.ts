/**
 * CloudTrail (AWS JSON 1.1). Trails are visible as AWS shows them (rule catalogue §0.1, and
 * the API reference of DescribeTrails and GetTrailStatus):
 * - in region R an account sees its trails homed in R, shadow copies of its multi-region
 *   trails homed elsewhere, and, in ACTIVE member accounts of the organization, the
 *   organization trails of the management (or delegated administrator) account;
 * - a trail NAME only finds a trail of the calling account homed in R; anything else (a
 *   shadow copy, an organization trail seen from a member) must be named by ARN, otherwise
 *   TrailNotFoundException, as AWS documents for GetTrailStatus and DescribeTrails;
 * - by ARN, every Get* read works wherever the trail is visible (home region or shadow);
 *   ListTags only lists resources homed in R;
 * - ListTrails lists every trail the account can see, from any region, with its HomeRegion.
 */
import { epoch, type Ctx } from '../context.js';
import { SimError } from '../errors.js';
import { paginate } from '../paginate.js';
import { stringMember, type JsonInput } from '../protocols/aws-json.js';
import { deterministicUuid, EPOCH, type Trail } from '../world/model.js';
import type { EventDataStoreSpec } from '../world/spec.js';

const DEFAULT_SELECTORS = [{ ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [], ExcludeManagementEventSources: [] }];

function visibleTrails(ctx: Ctx): Trail[] {
  const own = ctx.account.trails.filter((t) => t.spec.HomeRegion === ctx.region || t.spec.IsMultiRegionTrail);
  return own.concat(organizationTrailsSeenBy(ctx).filter((t) => t.spec.HomeRegion === ctx.region || t.spec.IsMultiRegionTrail));
}

function organizationTrailsSeenBy(ctx: Ctx): Trail[] {
  if (!ctx.world.receivesOrganizationTrails(ctx.account.id)) return [];
  return ctx.world.organizationTrails.filter((t) => t.accountId !== ctx.account.id);
}

function notFound(ctx: Ctx, name: string): SimError {
  return new SimError('TrailNotFoundException', `Unknown trail: ${name} for the user: ${ctx.account.id}`);
}

function lookup(ctx: Ctx, nameOrArn: string): Trail | undefined {
  if (nameOrArn.startsWith('arn:')) return visibleTrails(ctx).find((t) => t.arn === nameOrArn);
  return ctx.account.trails.find((t) => t.spec.Name === nameOrArn && t.spec.HomeRegion === ctx.region);
}

function findTrail(ctx: Ctx, nameOrArn: unknown): Trail {
  if (typeof nameOrArn !== 'string' || nameOrArn === '') throw new SimError('InvalidTrailNameException', 'Trail name or ARN is required.');
  const trail = lookup(ctx, nameOrArn);
  if (!trail) throw notFound(ctx, nameOrArn);
  return trail;
}

/** DescribeTrails shows the key ARN whatever the trail was configured with (id, alias or ARN). */
function keyArn(ctx: Ctx, t: Trail, keyId: string): string {
  const home = t.spec.HomeRegion;
  if (keyId.startsWith('arn:aws:kms:') && !keyId.includes(':alias/')) return keyId;
  const [owner, alias] = keyId.startsWith('arn:') ? [keyId.split(':')[4] ?? t.accountId, keyId.slice(keyId.indexOf(':alias/') + 1)] : [t.accountId, keyId];
  const index = ctx.world.accounts.get(owner)?.keyIndex;
  const key = index?.get(alias.startsWith('alias/') ? `${home}|${alias}` : alias);
  return key?.arn ?? `arn:aws:kms:${home}:${owner}:key/${alias}`;
}

function describe(ctx: Ctx, t: Trail): Record<string, unknown> {
  const s = t.spec;
  const home = s.HomeRegion;
  return {
    Name: s.Name,
    S3BucketName: s.S3BucketName,
    S3KeyPrefix: s.S3KeyPrefix,
    SnsTopicName: s.SnsTopicName,
    SnsTopicARN: s.SnsTopicName && (s.SnsTopicName.startsWith('arn:') ? s.SnsTopicName : `arn:aws:sns:${home}:${t.accountId}:${s.SnsTopicName}`),
    IncludeGlobalServiceEvents: s.IncludeGlobalServiceEvents ?? true,
    IsMultiRegionTrail: s.IsMultiRegionTrail ?? false,
    HomeRegion: home,
    TrailARN: t.arn,
    LogFileValidationEnabled: s.LogFileValidationEnabled ?? false,
    CloudWatchLogsLogGroupArn: s.CloudWatchLogsLogGroupArn,
    CloudWatchLogsRoleArn: s.CloudWatchLogsRoleArn,
    KmsKeyId: s.KmsKeyId && keyArn(ctx, t, s.KmsKeyId),
    HasCustomEventSelectors: Boolean(s.EventSelectors || s.AdvancedEventSelectors),
    HasInsightSelectors: Boolean(s.InsightSelectors?.length),
    IsOrganizationTrail: s.IsOrganizationTrail ?? false,
  };
}

function edsArn(ctx: Ctx, e: EventDataStoreSpec): string {
  return `arn:aws:cloudtrail:${e.Region}:${ctx.account.id}:eventdatastore/${deterministicUuid(`${ctx.account.id}/eds/${e.Region}/${e.Name}`)}`;
}

function describeEds(ctx: Ctx, e: EventDataStoreSpec): Record<string, unknown> {
  return {
    EventDataStoreArn: edsArn(ctx, e),
    Name: e.Name,
    Status: e.Status ?? 'ENABLED',
    AdvancedEventSelectors: e.AdvancedEventSelectors ?? [{ Name: 'Default management events', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] }],
    MultiRegionEnabled: e.MultiRegionEnabled ?? true,
    OrganizationEnabled: e.OrganizationEnabled ?? false,
    RetentionPeriod: e.RetentionPeriod ?? 2557,
    TerminationProtectionEnabled: e.TerminationProtectionEnabled ?? true,
    KmsKeyId: e.KmsKeyId,
    BillingMode: e.BillingMode ?? 'EXTENDABLE_RETENTION_PRICING',
    CreatedTimestamp: epoch(e.CreatedTimestamp ?? EPOCH),
    UpdatedTimestamp: epoch(e.CreatedTimestamp ?? EPOCH),
  };
}

export const cloudtrail = {
  DescribeTrails(ctx: Ctx, input: JsonInput) {
    const names = input.trailNameList as string[] | undefined;
    let trails: Trail[];
    if (names?.length) trails = names.map((n) => lookup(ctx, n)).filter((t): t is Trail => t !== undefined);
    else if (input.includeShadowTrails === false) trails = ctx.account.trails.filter((t) => t.spec.HomeRegion === ctx.region);
    else trails = visibleTrails(ctx);
    return { trailList: trails.map((t) => describe(ctx, t)) };
  },

  ListTrails(ctx: Ctx, input: JsonInput) {
    const all = ctx.account.trails.concat(organizationTrailsSeenBy(ctx)).sort((a, b) => a.arn.localeCompare(b.arn));
    const page = paginate(all, input.NextToken, undefined, 50, ctx.pageSize, 'InvalidTokenException');
    return { Trails: page.items.map((t) => ({ TrailARN: t.arn, Name: t.spec.Name, HomeRegion: t.spec.HomeRegion })), NextToken: page.next };
  },

  GetTrail(ctx: Ctx, input: JsonInput) {
    return { Trail: describe(ctx, findTrail(ctx, input.Name)) };
  },

  /**
   * A logging trail that the world doesn't give times for has just delivered everything it is
   * configured to deliver: log files, digests (with validation on), CloudWatch Logs events and
   * SNS notifications, five minutes before the request, as a healthy trail in AWS shows.
   */
  GetTrailStatus(ctx: Ctx, input: JsonInput) {
    const trail = findTrail(ctx, input.Name).spec;
    const s = trail.Status ?? {};
    const isLogging = s.IsLogging ?? true;
    const recent = (configured: unknown) => (isLogging && configured ? new Date(ctx.now.getTime() - 300_000) : undefined);
    return {
      IsLogging: isLogging,
      LatestDeliveryError: s.LatestDeliveryError,
      LatestNotificationError: s.LatestNotificationError,
      LatestDeliveryTime: epoch(s.LatestDeliveryTime ?? recent(true)),
      LatestNotificationTime: epoch(s.LatestNotificationTime ?? recent(trail.SnsTopicName)),
      StartLoggingTime: epoch(s.StartLoggingTime ?? EPOCH),
      StopLoggingTime: epoch(s.StopLoggingTime),
      LatestCloudWatchLogsDeliveryError: s.LatestCloudWatchLogsDeliveryError,
      LatestCloudWatchLogsDeliveryTime: epoch(s.LatestCloudWatchLogsDeliveryTime ?? recent(trail.CloudWatchLogsLogGroupArn)),
      LatestDigestDeliveryTime: epoch(s.LatestDigestDeliveryTime ?? recent(trail.LogFileValidationEnabled)),
      LatestDigestDeliveryError: s.LatestDigestDeliveryError,
    };
  },

  GetEventSelectors(ctx: Ctx, input: JsonInput) {
    const t = findTrail(ctx, input.TrailName);
    if (t.spec.AdvancedEventSelectors) return { TrailARN: t.arn, AdvancedEventSelectors: t.spec.AdvancedEventSelectors };
    return { TrailARN: t.arn, EventSelectors: t.spec.EventSelectors ?? DEFAULT_SELECTORS };
  },

  GetInsightSelectors(ctx: Ctx, input: JsonInput) {
    const t = findTrail(ctx, input.TrailName);
    if (!t.spec.InsightSelectors?.length) throw new SimError('InsightNotEnabledException', `Trail ${t.spec.Name} does not have Insights enabled.`);
    return { TrailARN: t.arn, InsightSelectors: t.spec.InsightSelectors };
  },

  ListTags(ctx: Ctx, input: JsonInput) {
    const ids = (input.ResourceIdList as string[] | undefined) ?? [];
    const list = ids.map((id) => {
      const trail = visibleTrails(ctx).find((t) => t.arn === id && t.spec.HomeRegion === ctx.region);
      if (trail) return { ResourceId: id, TagsList: trail.spec.Tags ?? [] };
      const eds = ctx.account.eventDataStores.find((e) => e.Region === ctx.region && edsArn(ctx, e) === id);
      if (eds) return { ResourceId: id, TagsList: [] };
      throw new SimError('ResourceNotFoundException', `Resource ${id} not found in ${ctx.region}.`);
    });
    return { ResourceTagList: list };
  },

  ListEventDataStores(ctx: Ctx, input: JsonInput) {
    const stores = ctx.account.eventDataStores.filter((e) => e.Region === ctx.region);
    const page = paginate(stores, input.NextToken, input.MaxResults, 1000, ctx.pageSize, 'InvalidNextTokenException');
    return { EventDataStores: page.items.map((e) => describeEds(ctx, e)), NextToken: page.next };
  },

  GetEventDataStore(ctx: Ctx, input: JsonInput) {
    const id = stringMember(input.EventDataStore);
    const eds = ctx.account.eventDataStores.find((e) => e.Region === ctx.region && (edsArn(ctx, e) === id || edsArn(ctx, e).endsWith(`/${id}`)));
    if (!eds) throw new SimError('EventDataStoreNotFoundException', `The specified event data store ${id} was not found.`);
    return describeEds(ctx, eds);
  },

  ListPublicKeys(ctx: Ctx, input: JsonInput) {
    const start = typeof input.StartTime === 'number' ? input.StartTime * 1000 : ctx.now.getTime();
    const end = typeof input.EndTime === 'number' ? input.EndTime * 1000 : ctx.now.getTime();
    const keys = ctx.world.cloudTrailPublicKeys.filter((k) => k.ValidityStartTime.getTime() <= end && k.ValidityEndTime.getTime() >= start);
    const page = paginate(keys, input.NextToken, undefined, 50, ctx.pageSize, 'InvalidTokenException');
    return {
      PublicKeyList: page.items.map((k) => ({
        Value: k.Value.toString('base64'),
        ValidityStartTime: epoch(k.ValidityStartTime),
        ValidityEndTime: epoch(k.ValidityEndTime),
        Fingerprint: k.Fingerprint,
      })),
      NextToken: page.next,
    };
  },
};
