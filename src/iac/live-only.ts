/**
 * Facts that exist only in a live account, never in a plan or template: delivery status and
 * times, confirmed subscriptions, and (without --inventory) the account as a whole (its other
 * trails, regions, alarms, recorders). In `iac` mode they are errors with these names in the
 * inventory, and a rule whose verdict depends on a LiveOnly one is `skip` "live-only".
 */
export { KNOWN_AFTER_APPLY, LIVE_ONLY as LIVE_ONLY_ERROR } from '../rules/verdict.js';

/** The trail status fields GetTrailStatus reports about deliveries (IsLogging is configuration). */
export const LIVE_TRAIL_STATUS = [
  'Status.LatestDeliveryError',
  'Status.LatestNotificationError',
  'Status.LatestCloudWatchLogsDeliveryError',
  'Status.LatestDigestDeliveryError',
  'Status.LatestDeliveryTime',
  'Status.LatestNotificationTime',
  'Status.LatestCloudWatchLogsDeliveryTime',
  'Status.LatestDigestDeliveryTime',
  'Status.StartLoggingTime',
  'Status.StopLoggingTime',
  'derived.hoursSince',
];

/** Whether a subscription was confirmed by its endpoint. */
export const LIVE_TOPIC = ['confirmedSubscriptions'];

/** Without --inventory: everything the account view knows about the account as a whole. */
export const LIVE_ACCOUNT = ['Regions', 'derived'];

/** Without --inventory: the organization's members, delegated administrators and the policies the configuration does not manage. */
export const LIVE_ORGANIZATION = [
  { operation: 'ListAccounts', what: "the organization's accounts" },
  { operation: 'ListDelegatedAdministrators', what: "the organization's delegated administrators and the organization trails they own" },
  { operation: 'ListPolicies', what: "the organization's other service control policies" },
];

/** Every view path that is live-only in some view: for the rules docs ("applies to IaC"). */
export const LIVE_ONLY_PATHS = [...LIVE_TRAIL_STATUS, 'derived.filters[].alarms[].topics[].confirmedSubscriptions'];

/** A trail field known only after apply leaves unknown what the trail view joins through it. */
export const JOINED_BY: Record<string, string[]> = {
  'Trail.KmsKeyId': ['KmsKey', 'derived.keyPolicy'],
  'Trail.S3BucketName': ['Bucket'],
  'Trail.CloudWatchLogsLogGroupArn': ['LogGroup'],
};

/** The organization view's sections those live-only facts feed (without --inventory). */
export const LIVE_ORGANIZATION_SECTIONS = ['Accounts', 'DelegatedAdministrators', 'Policies', 'derived.organizationTrails', 'derived.organizationTrailReach', 'derived.cloudTrailScp', 'derived.cloudTrailDelegatedAdministrators'];
