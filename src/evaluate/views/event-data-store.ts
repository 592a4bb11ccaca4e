/** The event-data-store view: one per CloudTrail Lake event data store, with what its selectors record. */
import { parseArn } from '../../inventory/arn.js';
import type { EventDataStoreRecord } from '../../inventory/types.js';
import type { View } from '../types.js';
import { dataEventTypes, s3DataEvents } from './derived/data-events.js';
import { notCollected, sectionErrors } from './derived/errors.js';
import { logsAllManagementEvents, managementEvents } from './derived/management-events.js';
import { errorsAbout, type ViewContext } from './context.js';
import { viewData } from './data.js';

const SELECTOR_FACTS = ['derived.managementEvents', 'derived.logsAllManagementEvents', 'derived.s3DataEvents', 'derived.dataEventTypes'];

export function eventDataStoreView(ctx: ViewContext, store: EventDataStoreRecord, readBy: string): View {
  const arn = parseArn(store.EventDataStoreArn);
  const accountId = arn?.accountId || readBy;
  const errors = sectionErrors(errorsAbout(ctx, store.EventDataStoreArn, store.Name), 'event-data-store', (e) => e.accountId === readBy);
  const derived: Record<string, unknown> = { ownerAccountId: accountId };
  const selectors = store.AdvancedEventSelectors;
  if (errors.EventDataStore || selectors === undefined) {
    const missing = errors.EventDataStore ?? notCollected('GetEventDataStore', 'cloudtrail', `the selectors of event data store ${store.EventDataStoreArn} were not read`, accountId, store.Region, store.EventDataStoreArn);
    for (const section of SELECTOR_FACTS) errors[section] ??= missing;
  } else {
    const partition = arn?.partition ?? ctx.partition;
    const management = managementEvents(selectors);
    Object.assign(derived, {
      managementEvents: management,
      logsAllManagementEvents: logsAllManagementEvents(management),
      s3DataEvents: s3DataEvents(selectors, partition),
      dataEventTypes: dataEventTypes(selectors, partition),
    });
  }
  return {
    type: 'event-data-store',
    arn: store.EventDataStoreArn,
    name: store.Name ?? store.EventDataStoreArn,
    accountId,
    region: store.Region,
    data: viewData({ EventDataStore: store, derived, $errors: errors }),
  };
}
