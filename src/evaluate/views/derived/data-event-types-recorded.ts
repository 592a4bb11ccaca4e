/**
 * derived.dataEventTypesRecorded on the account view: the data resource types (AWS::Lambda::Function,
 * AWS::DynamoDB::Table, AWS::Bedrock::AgentAlias, ...) whose read (write) events are recorded for
 * EVERY resource of the type, in every region, by some logging multi-region trail that covers the
 * account: what a rule compares with a list of required types. A trail's own `dataEventTypes`
 * answers the per-trail question; this is the account's.
 */
import type { SectionError } from '../../../rules/types.js';
import type { DataEventType } from './data-events.js';

export interface RecordedDataEventTypes {
  read: string[];
  write: string[];
}

interface TrailLike {
  Trail: { IsMultiRegionTrail?: boolean };
  Status?: { IsLogging?: boolean | undefined } | undefined;
  derived: { dataEventTypes?: DataEventType[] | undefined };
  $errors: Record<string, SectionError>;
}

/** The fact, or the error of a multi-region trail that may be logging but whose status or selectors are unknown. */
export function recordedDataEventTypes(trails: readonly TrailLike[]): { value: RecordedDataEventTypes; error?: SectionError } {
  const read = new Set<string>();
  const write = new Set<string>();
  let error: SectionError | undefined;
  for (const t of trails) {
    // A trail whose configuration is unknown may be multi-region.
    if (t.$errors.Trail) {
      error ??= t.$errors.Trail;
      continue;
    }
    if (!t.Trail.IsMultiRegionTrail) continue;
    const unknown = t.$errors.Status ?? (t.Status?.IsLogging === true ? t.$errors['derived.dataEventTypes'] : undefined);
    if (unknown) {
      error ??= unknown;
      continue;
    }
    if (t.Status?.IsLogging !== true) continue;
    for (const type of t.derived.dataEventTypes ?? []) {
      if (type.all.read) read.add(type.type);
      if (type.all.write) write.add(type.type);
    }
  }
  return { value: { read: [...read].sort(), write: [...write].sort() }, ...(error ? { error } : {}) };
}
