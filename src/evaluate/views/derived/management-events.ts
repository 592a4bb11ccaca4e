/** derived.managementEvents and derived.logsAllManagementEvents, from basic or advanced selectors. */
import type { AdvancedEventSelector } from '../../../inventory/types.js';
import { selectsAll, type EventClass } from './advanced-selectors.js';

export interface ManagementEvents {
  /** Every read management event is recorded (apart from excludedSources). */
  read: boolean;
  /** Every write management event is recorded (apart from excludedSources). */
  write: boolean;
  /** read && write. A read-only selector plus a write-only selector count: together they record every event. */
  all: boolean;
  /** Event sources left out (`kms.amazonaws.com`; `prefix*` / `*suffix` for NotStartsWith / NotEndsWith). */
  excludedSources: string[];
}

const managementClass = (readOnly: 'true' | 'false'): EventClass => ({
  eventCategory: { equals: 'Management' },
  readOnly: { equals: readOnly },
});

export function managementEvents(selectors: readonly AdvancedEventSelector[]): ManagementEvents {
  const read = selectsAll(selectors, managementClass('true'), ['eventSource']);
  const write = selectsAll(selectors, managementClass('false'), ['eventSource']);
  const excludedSources = [...new Set([...read.exclusions, ...write.exclusions])].sort();
  return { read: read.selected, write: write.selected, all: read.selected && write.selected, excludedSources };
}

export function logsAllManagementEvents(events: ManagementEvents): boolean {
  return events.all && events.excludedSources.length === 0;
}
