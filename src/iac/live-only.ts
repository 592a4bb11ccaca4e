/**
 * Facts that exist only in a live account, never in a plan or template: delivery status and
 * times, confirmed subscriptions, and (without --inventory) the account as a whole (its other
 * trails, regions, alarms, recorders) and the organization's members, administrators and other
 * policies. The view catalogue marks them (`liveOnly`); the lists below are read from it. In
 * `iac` mode they are errors with these names in the inventory, and a rule whose verdict
 * depends on a LiveOnly one is `skip` "live-only".
 */
import type { ResourceType } from '../rules/types.js';
import { ACCOUNT, ORGANIZATION, TOPIC, TRAIL_RECORD, VIEWS, viewFields, type FieldGroup } from '../rules/view-catalogue.js';

export { KNOWN_AFTER_APPLY, LIVE_ONLY as LIVE_ONLY_ERROR } from '../rules/verdict.js';

const liveOnly = (group: FieldGroup): string[] => group.fields.filter((f) => f.liveOnly).map((f) => f.path);

/** The trail status fields GetTrailStatus reports about deliveries (IsLogging is configuration), and their ages. */
export const LIVE_TRAIL_STATUS = liveOnly(TRAIL_RECORD);

/** Whether a subscription was confirmed by its endpoint. */
export const LIVE_TOPIC = liveOnly(TOPIC);

/** Without --inventory: everything the account view knows about the account as a whole. */
export const LIVE_ACCOUNT = liveOnly(ACCOUNT);

/**
 * Without --inventory: the organization's members, delegated administrators and the policies the
 * configuration does not manage, each with the live-only organization fields its call feeds (the
 * delegated administrators also decide which organization trails exist).
 */
export const LIVE_ORGANIZATION = [
  { operation: 'ListAccounts', what: "the organization's accounts", sections: fedBy('ListAccounts') },
  {
    operation: 'ListDelegatedAdministrators',
    what: "the organization's delegated administrators and the organization trails they own",
    sections: [...fedBy('ListDelegatedAdministrators'), 'derived.organizationTrails'],
  },
  { operation: 'ListPolicies', what: "the organization's other service control policies", sections: fedBy('ListPolicies') },
];

/** The live-only organization fields a failed call leaves unknown (the catalogue's `unknownOn`). */
function fedBy(operation: string): string[] {
  return ORGANIZATION.fields.filter((f) => f.liveOnly && f.unknownOn?.includes(operation)).map((f) => f.path);
}

/** Every path that is live-only in a view of a resource (not the account or organization as a whole): for the rules docs ("applies to IaC"). */
export const LIVE_ONLY_PATHS = [
  ...new Set(
    (Object.keys(VIEWS) as ResourceType[])
      .filter((type) => type !== 'account' && type !== 'organization')
      .flatMap((type) =>
        viewFields(type)
          .filter((f) => f.liveOnly)
          .map((f) => f.path),
      ),
  ),
];

/** A trail field known only after apply leaves unknown what the trail view joins through it. */
export const JOINED_BY: Record<string, string[]> = {
  'Trail.KmsKeyId': ['KmsKey', 'derived.keyPolicy'],
  'Trail.S3BucketName': ['Bucket'],
  'Trail.CloudWatchLogsLogGroupArn': ['LogGroup'],
};

/** The organization view's sections those live-only facts feed (without --inventory). */
export const LIVE_ORGANIZATION_SECTIONS = liveOnly(ORGANIZATION);
