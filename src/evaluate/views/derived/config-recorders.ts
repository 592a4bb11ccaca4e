/**
 * derived.configRecorders on the account view (CIS "Ensure AWS Config is enabled in all
 * regions"): in which enabled regions the customer-managed AWS Config recorder records every
 * supported resource type and is recording, and where the global (IAM) resource types are
 * recorded. A recording group counts as "all supported" when `allSupported` is true or the
 * recording strategy is ALL_SUPPORTED_RESOURCE_TYPES; the recording frequency (continuous or
 * daily) does not matter to the control.
 */
import type { AccountInventory, ApiError, ConfigRecordersRecord } from '../../../inventory/types.js';
import type { SectionErrors } from './errors.js';
import { doubtfulLists, regionalReads } from './regional-reads.js';

export interface ConfigRecorderFacts {
  /** Regions whose recorder records every supported resource type and is recording without failure. */
  regionsRecordingAll: string[];
  /** The readable regions that are not: the three lists below together. */
  regionsMissing: string[];
  regionsWithoutRecorder: string[];
  /** A recorder of chosen resource types (inclusion or exclusion list). */
  regionsPartialRecording: string[];
  /** A recorder of every type that is stopped (`recording` false) or whose last attempt failed. */
  regionsNotRecording: string[];
  /** Regions of regionsRecordingAll whose recorder includes the global IAM resource types. */
  regionsRecordingGlobalTypes: string[];
  /** The readable regions that do not record the global types. */
  regionsWithoutGlobalTypes: string[];
  /** Regions whose recorder uses a role other than the AWSServiceRoleForConfig service-linked role (Security Hub Config.1). */
  regionsWithoutServiceLinkedRole: string[];
  /** Enabled regions whose recorder or its status could not be read. */
  regionsUnread: string[];
}

type RegionState = 'recording-all' | 'no-recorder' | 'partial' | 'not-recording' | 'unread';

const SERVICE_LINKED_ROLE = /:role\/aws-service-role\/config\.amazonaws\.com\/AWSServiceRoleForConfig$/;

function regionState(record: ConfigRecordersRecord | undefined): { state: RegionState; global: boolean; customRole: boolean } {
  const recorders = record?.ConfigurationRecorders;
  if (!recorders) return { state: 'unread', global: false, customRole: false };
  // Service-linked recorders record what their service needs, not the account's resources.
  const recorder = recorders.find((r) => !r.servicePrincipal);
  if (!recorder) return { state: 'no-recorder', global: false, customRole: false };
  const customRole = !SERVICE_LINKED_ROLE.test(recorder.roleARN ?? '');
  const group = recorder.recordingGroup;
  if (!(group?.allSupported === true || group?.recordingStrategy?.useOnly === 'ALL_SUPPORTED_RESOURCE_TYPES')) return { state: 'partial', global: false, customRole };
  const statuses = record.ConfigurationRecordersStatus;
  if (!statuses) return { state: 'unread', global: false, customRole };
  const status = statuses.find((s) => s.name === recorder.name) ?? (statuses.length === 1 ? statuses[0] : undefined);
  if (status?.recording !== true || status.lastStatus === 'Failure') return { state: 'not-recording', global: false, customRole };
  return { state: 'recording-all', global: group.includeGlobalResourceTypes === true, customRole };
}

export function configRecorderFacts(
  account: AccountInventory | undefined,
  accountId: string,
  regions: readonly string[],
  failures: readonly ApiError[],
): { facts: ConfigRecorderFacts; errors: SectionErrors } {
  const states = new Map(regions.map((r) => [r, regionState(account?.configRecorders?.[r])]));
  const where = (state: RegionState) => regions.filter((r) => states.get(r)?.state === state);
  const reads = regionalReads(accountId, regions, failures, 'configRecorders', (r) => states.get(r)?.state !== 'unread', {
    service: 'config',
    operation: 'DescribeConfigurationRecorders',
    what: 'AWS Config recorders',
  });
  const recordingGlobal = regions.filter((r) => states.get(r)?.global);
  const facts: ConfigRecorderFacts = {
    regionsRecordingAll: where('recording-all'),
    regionsMissing: regions.filter((r) => !['recording-all', 'unread'].includes(states.get(r)!.state)),
    regionsWithoutRecorder: where('no-recorder'),
    regionsPartialRecording: where('partial'),
    regionsNotRecording: where('not-recording'),
    regionsRecordingGlobalTypes: recordingGlobal,
    regionsWithoutGlobalTypes: regions.filter((r) => states.get(r)!.state !== 'unread' && !recordingGlobal.includes(r)),
    regionsWithoutServiceLinkedRole: regions.filter((r) => states.get(r)?.customRole),
    regionsUnread: reads.unread,
  };
  const { regionsUnread: _unread, ...lists } = facts;
  return { facts, errors: doubtfulLists('derived.configRecorders', lists, reads) };
}
