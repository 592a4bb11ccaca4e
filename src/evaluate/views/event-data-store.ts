/** The event-data-store view: one per CloudTrail Lake event data store, with what its selectors record. */
import { parseArn } from '../../inventory/arn.js';
import type { EventDataStoreRecord } from '../../inventory/types.js';
import type { ViewOf } from '../types.js';
import { dataEventTypes, s3DataEvents } from './derived/data-events.js';
import { notCollected, sectionErrors } from './derived/errors.js';
import { logsAllManagementEvents, managementEvents } from './derived/management-events.js';
import { errorsAbout, type ViewContext } from './context.js';
import { viewData } from './data.js';
import type { EventDataStoreViewData } from './view-data.generated.js';

const SELECTOR_FACTS = ['derived.managementEvents', 'derived.logsAllManagementEvents', 'derived.s3DataEvents', 'derived.dataEventTypes'];

export function eventDataStoreView(ctx: ViewContext, store: EventDataStoreRecord, readBy: string): ViewOf<'event-data-store'> {
  const arn = parseArn(store.EventDataStoreArn);
  const accountId = arn?.accountId || readBy;
  const errors = sectionErrors(errorsAbout(ctx, store.EventDataStoreArn, store.Name), 'event-data-store', (e) => e.accountId === readBy);
  let derived: EventDataStoreViewData['derived'] = { ownerAccountId: accountId };
  const selectors = store.AdvancedEventSelectors;
  if (errors.EventDataStore || selectors === undefined) {
    const missing =
      errors.EventDataStore ??
      notCollected('GetEventDataStore', 'cloudtrail', `the selectors of event data store ${store.EventDataStoreArn} were not read`, accountId, store.Region, store.EventDataStoreArn);
    for (const section of SELECTOR_FACTS) errors[section] ??= missing;
  } else {
    const partition = arn?.partition ?? ctx.partition;
    const management = managementEvents(selectors);
    derived = {
      ...derived,
      managementEvents: management,
      logsAllManagementEvents: logsAllManagementEvents(management),
      s3DataEvents: s3DataEvents(selectors, partition),
      dataEventTypes: dataEventTypes(selectors, partition),
    };
  }
  return {
    type: 'event-data-store',
    arn: store.EventDataStoreArn,
    name: store.Name ?? store.EventDataStoreArn,
    accountId,
    region: store.Region,
    data: viewData<EventDataStoreViewData>({ EventDataStore: store, derived, $errors: errors }),
  };
}
