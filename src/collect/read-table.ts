/**
 * The table-driven form of a collector: one row per section that reads one more thing about a
 * resource (a trail, a bucket, a key). Each row names its section, its call, the answers that
 * mean "not configured", and where the value goes; `readRows` runs the rows the plan asks for,
 * all at once, each through `session.call` (so errors are recorded, never read as "absent").
 */
import type { Plan, SectionId } from './sections.js';
import type { CallSpec, Session } from './session.js';

export interface ReadRow<Client, Resource> {
  /** Read when the plan has this section (or any of these). */
  section: SectionId | readonly SectionId[];
  operation: string;
  /** Error names that mean "not configured": the value stays absent, no error is recorded. */
  absentOn?: readonly string[];
  /** A further condition on what is known of the resource so far. */
  when?: (resource: Resource) => boolean;
  read: (client: Client, id: string) => Promise<object>;
  store: (resource: Resource, output: Record<string, unknown>) => void;
}

/** A row whose `store` takes its call's own output type (each row of a table has another). */
export function typedRow<Client, Resource, Output extends object>(
  row: Omit<ReadRow<Client, Resource>, 'read' | 'store'> & { read: (client: Client, id: string) => Promise<Output>; store: (resource: Resource, output: Output) => void },
): ReadRow<Client, Resource> {
  return row as unknown as ReadRow<Client, Resource>;
}

/** Runs every row the plan asks for against one resource; `spec` is the call record for an operation. */
export async function readRows<Client, Resource>(
  session: Session,
  plan: Plan,
  rows: ReadonlyArray<ReadRow<Client, Resource>>,
  target: { client: Client; id: string; resource: Resource; spec: (operation: string) => CallSpec },
): Promise<void> {
  const wanted = (row: ReadRow<Client, Resource>): boolean =>
    (typeof row.section === 'string' ? plan.has(row.section) : row.section.some((s) => plan.has(s))) && (row.when?.(target.resource) ?? true);
  await Promise.all(
    rows.filter(wanted).map(async (row) => {
      const spec = target.spec(row.operation);
      const outcome = await session.call(row.absentOn ? { ...spec, absentOn: row.absentOn } : spec, () => row.read(target.client, target.id));
      if (outcome.kind === 'ok') row.store(target.resource, outcome.value as Record<string, unknown>);
    }),
  );
}
