/**
 * Applying a configuration's resources to an account's inventory: the empty account (the
 * configuration alone) or a live one (`--inventory`). A record the configuration creates or
 * updates replaces the live one, and the live errors about it go (they were about the old
 * configuration); a deleted one goes with its errors.
 */
import type {
  AccountInventory,
  BucketRecord,
  EventDataStoreRecord,
  EventRuleRecord,
  KeyRecord,
  LogGroupRecord,
  MetricAlarm,
  MetricFilter,
  OrganizationInventory,
  TopicRecord,
  TrailRecord,
} from '../inventory/types.js';

export function emptyAccount(accountId: string): AccountInventory {
  return { AccountId: accountId, Regions: [], trails: [], buckets: {}, keys: {}, logGroups: {}, alarms: [], topics: {}, eventRules: [], eventDataStores: [], errors: [] };
}

/** Drops the errors about any of these resource ids (optionally only those of some operations). */
export function dropErrors(account: AccountInventory, ids: Array<string | undefined>, operations?: readonly string[]): void {
  const about = new Set(ids.filter((x): x is string => x !== undefined));
  account.errors = account.errors.filter((e) => !(e.resource !== undefined && about.has(e.resource) && (!operations || operations.includes(e.operation))));
}

export function putTrail(account: AccountInventory, record: TrailRecord): void {
  const arn = record.Trail.TrailARN;
  account.trails = [...account.trails.filter((t) => t.Trail.TrailARN !== arn && t.Trail.Name !== record.Trail.Name), record];
  dropErrors(account, [arn, record.Trail.Name]);
}

export function removeTrail(account: AccountInventory, arn: string, name: string): void {
  account.trails = account.trails.filter((t) => t.Trail.TrailARN !== arn && t.Trail.Name !== name);
  dropErrors(account, [arn, name]);
}

/**
 * The record a bucket configuration resource patches: the plan's bucket, or the live one. A bucket
 * neither holds stays unread (its rules say NotCollected) rather than half-described.
 */
export function bucketRecord(account: AccountInventory, name: string): BucketRecord | undefined {
  return account.buckets[name];
}

export function putBucket(account: AccountInventory, record: BucketRecord): void {
  account.buckets[record.Name] = record;
  dropErrors(account, [record.Name, `arn:aws:s3:::${record.Name}`]);
}

export function removeBucket(account: AccountInventory, name: string): void {
  delete account.buckets[name];
  dropErrors(account, [name, `arn:aws:s3:::${name}`]);
}

export function putKey(account: AccountInventory, record: KeyRecord): void {
  const meta = record.KeyMetadata;
  // Aliases are separate resources: the live ones stay with the key until the configuration says otherwise.
  const live = account.keys[meta.Arn];
  account.keys[meta.Arn] = { ...record, ...(record.Aliases === undefined && live?.Aliases ? { Aliases: live.Aliases } : {}) };
  dropErrors(account, [meta.Arn, meta.KeyId]);
}

export function removeKey(account: AccountInventory, arn: string): void {
  delete account.keys[arn];
  dropErrors(account, [arn]);
}

/** The key an id, ARN or alias names, in this account. */
export function findKey(account: AccountInventory, id: string): KeyRecord | undefined {
  return Object.values(account.keys).find((k) => k.KeyMetadata.Arn === id || k.KeyMetadata.KeyId === id || (k.Aliases ?? []).includes(id));
}

export function putLogGroup(account: AccountInventory, arn: string, record: LogGroupRecord): void {
  const live = account.logGroups[arn];
  // Metric filters are separate resources.
  account.logGroups[arn] = { ...record, ...(record.MetricFilters === undefined && live?.MetricFilters ? { MetricFilters: live.MetricFilters } : {}) };
  dropErrors(account, [arn, `${arn}:*`, record.LogGroup.logGroupName], ['DescribeLogGroups']);
}

export function removeLogGroup(account: AccountInventory, arn: string): void {
  delete account.logGroups[arn];
  dropErrors(account, [arn, `${arn}:*`]);
}

export function findLogGroup(account: AccountInventory, name: string): LogGroupRecord | undefined {
  return Object.values(account.logGroups).find((g) => g.LogGroup.logGroupName === name);
}

export function putMetricFilter(account: AccountInventory, filter: MetricFilter, remove = false): void {
  const group = filter.logGroupName ? findLogGroup(account, filter.logGroupName) : undefined;
  if (!group) return;
  group.MetricFilters = [...(group.MetricFilters ?? []).filter((f) => f.filterName !== filter.filterName), ...(remove ? [] : [filter])];
}

export function putAlarm(account: AccountInventory, alarm: MetricAlarm, remove = false): void {
  account.alarms = [...account.alarms.filter((a) => a.AlarmName !== alarm.AlarmName), ...(remove ? [] : [alarm])];
}

export function putTopic(account: AccountInventory, record: TopicRecord, remove = false): void {
  const live = account.topics[record.TopicArn];
  delete account.topics[record.TopicArn];
  // Subscriptions are separate resources in Terraform.
  if (!remove) account.topics[record.TopicArn] = { ...record, ...(record.Subscriptions === undefined && live?.Subscriptions ? { Subscriptions: live.Subscriptions } : {}) };
  dropErrors(account, [record.TopicArn], ['GetTopicAttributes']);
}

export function putSubscription(account: AccountInventory, topicArn: string, subscription: NonNullable<TopicRecord['Subscriptions']>[number], remove = false): void {
  const topic = account.topics[topicArn];
  if (!topic) return;
  const same = (s: typeof subscription) => s.Protocol === subscription.Protocol && s.Endpoint === subscription.Endpoint;
  topic.Subscriptions = [...(topic.Subscriptions ?? []).filter((s) => !same(s)), ...(remove ? [] : [subscription])];
}

export function putEventRule(account: AccountInventory, record: EventRuleRecord, remove = false): void {
  const live = account.eventRules.find((r) => r.Rule.Arn === record.Rule.Arn);
  account.eventRules = [
    ...account.eventRules.filter((r) => r.Rule.Arn !== record.Rule.Arn),
    ...(remove ? [] : [{ ...record, ...(record.Targets === undefined && live?.Targets ? { Targets: live.Targets } : {}) }]),
  ];
  dropErrors(account, [record.Rule.Arn]);
}

export function putEventTarget(account: AccountInventory, ruleName: string, target: { Id: string; Arn: string }, remove = false): void {
  const rule = account.eventRules.find((r) => r.Rule.Name === ruleName);
  if (!rule) return;
  rule.Targets = [...(rule.Targets ?? []).filter((t) => t.Id !== target.Id), ...(remove ? [] : [target])];
}

export function putEventDataStore(account: AccountInventory, record: EventDataStoreRecord, remove = false): void {
  account.eventDataStores = [...account.eventDataStores.filter((s) => s.EventDataStoreArn !== record.EventDataStoreArn), ...(remove ? [] : [record])];
  dropErrors(account, [record.EventDataStoreArn, record.Name]);
}

/** The organization the configuration manages (created when the inventory has none). */
export function organizationRecord(holder: { organization?: OrganizationInventory | undefined }): OrganizationInventory {
  holder.organization ??= { errors: [] };
  return holder.organization;
}

export type Policy = NonNullable<OrganizationInventory['Policies']>[number];

export function putPolicy(org: OrganizationInventory, policy: Policy, remove = false): void {
  const live = (org.Policies ?? []).find((p) => p.PolicySummary.Id === policy.PolicySummary.Id);
  org.Policies = [
    ...(org.Policies ?? []).filter((p) => p.PolicySummary.Id !== policy.PolicySummary.Id),
    ...(remove ? [] : [{ ...policy, ...(policy.Targets === undefined && live?.Targets ? { Targets: live.Targets } : {}) }]),
  ];
}

export function putPolicyTarget(org: OrganizationInventory, policyId: string, targetId: string, remove = false): void {
  const policy = (org.Policies ?? []).find((p) => p.PolicySummary.Id === policyId);
  if (!policy) return;
  policy.Targets = [...(policy.Targets ?? []).filter((t) => t.TargetId !== targetId), ...(remove ? [] : [{ TargetId: targetId }])];
}
