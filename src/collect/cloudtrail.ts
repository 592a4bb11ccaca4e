/**
 * CloudTrail: every trail is listed once (ListTrails sees all regions) and read once, by ARN,
 * in its home region; reading it again per region is what makes other scanners slow and
 * trips TrailNotFoundException on shadow copies.
 */
import {
  CloudTrailClient,
  GetEventDataStoreCommand,
  GetEventSelectorsCommand,
  GetInsightSelectorsCommand,
  GetTrailCommand,
  GetTrailStatusCommand,
  ListEventDataStoresCommand,
  ListTagsCommand,
  ListTrailsCommand,
  type TrailInfo,
} from '@aws-sdk/client-cloudtrail';
import type { EventDataStoreRecord, TrailRecord } from '../inventory/types.js';
import { plain, arnRegion } from './plain.js';
import { readRows, typedRow, type ReadRow } from './read-table.js';
import type { Plan } from './sections.js';
import { paginate, type Session } from './session.js';

export async function collectTrails(session: Session, plan: Plan, knownTrails?: ReadonlyMap<string, TrailRecord>): Promise<TrailRecord[]> {
  const region = session.globalRegion;
  const cloudtrail = session.clients.get(CloudTrailClient, region);
  const listed = await paginate(
    session,
    { service: 'cloudtrail', operation: 'ListTrails', region },
    (NextToken) => cloudtrail.send(new ListTrailsCommand({ NextToken })),
    (o) => o.NextToken,
    (o) => o.Trails,
  );
  const trails = await Promise.all(
    listed.items
      .filter((t): t is TrailInfo & { TrailARN: string } => Boolean(t.TrailARN))
      .sort((a, b) => a.TrailARN.localeCompare(b.TrailARN))
      // A sweep passes trails already read in their owner account (the organization trail) so that
      // members do not read it again.
      .map((info) => knownTrails?.get(info.TrailARN) ?? readTrail(session, plan, info)),
  );
  return trails.filter((t): t is TrailRecord => t !== undefined);
}

/** One line per trail section: the call, the answers that mean "not configured", where the value goes. */
const TRAIL_SECTIONS: ReadonlyArray<ReadRow<CloudTrailClient, TrailRecord>> = [
  {
    section: 'trail-status',
    operation: 'GetTrailStatus',
    read: (client, Name) => client.send(new GetTrailStatusCommand({ Name })),
    store: (r, o) => (r.Status = plain(o)),
  },
  typedRow({
    section: 'trail-event-selectors',
    operation: 'GetEventSelectors',
    read: (client, TrailName) => client.send(new GetEventSelectorsCommand({ TrailName })),
    store: (r, o) => {
      if (o.EventSelectors?.length) r.EventSelectors = plain(o.EventSelectors);
      if (o.AdvancedEventSelectors?.length) r.AdvancedEventSelectors = plain(o.AdvancedEventSelectors);
      // Neither present: the trail logs no events at all, which rules must see as such.
      if (!r.EventSelectors && !r.AdvancedEventSelectors) r.EventSelectors = [];
    },
  }),
  typedRow({
    section: 'trail-insight-selectors',
    operation: 'GetInsightSelectors',
    absentOn: ['InsightNotEnabledException'],
    when: (r) => Boolean(r.Trail.HasInsightSelectors),
    read: (client, TrailName) => client.send(new GetInsightSelectorsCommand({ TrailName })),
    store: (r, o) => {
      if (o.InsightSelectors?.length) r.InsightSelectors = plain(o.InsightSelectors);
    },
  }),
  typedRow({
    section: 'trail-tags',
    operation: 'ListTags',
    read: (client, arn) => client.send(new ListTagsCommand({ ResourceIdList: [arn] })),
    store: (r, o) => (r.Tags = plain(o.ResourceTagList?.[0]?.TagsList ?? [])),
  }),
];

async function readTrail(session: Session, plan: Plan, info: TrailInfo & { TrailARN: string }): Promise<TrailRecord | undefined> {
  const arn = info.TrailARN;
  const region = info.HomeRegion ?? arnRegion(arn) ?? session.globalRegion;
  const client = session.clients.get(CloudTrailClient, region);
  const spec = (operation: string) => ({ service: 'cloudtrail', operation, region, resource: arn, params: { Name: arn } });

  const got = await session.call(spec('GetTrail'), () => client.send(new GetTrailCommand({ Name: arn })));
  const record: TrailRecord = {
    Trail:
      got.kind === 'ok' && got.value.Trail
        ? plain(got.value.Trail)
        : // Unreadable: keep what ListTrails told us; the error is recorded for the views.
          { Name: info.Name ?? arn.split('/').pop() ?? arn, TrailARN: arn, HomeRegion: region },
  };
  await readRows(session, plan, TRAIL_SECTIONS, { client, id: arn, resource: record, spec });
  return record;
}

/** Event data stores (CloudTrail Lake), listed per enabled region and read once each. */
export async function collectEventDataStores(session: Session, regions: string[]): Promise<EventDataStoreRecord[]> {
  const seen = new Map<string, EventDataStoreRecord>();
  await Promise.all(
    regions.map(async (region) => {
      const client = session.clients.get(CloudTrailClient, region);
      const listed = await paginate(
        session,
        { service: 'cloudtrail', operation: 'ListEventDataStores', region },
        (NextToken) => client.send(new ListEventDataStoresCommand({ NextToken })),
        (o) => o.NextToken,
        (o) => o.EventDataStores,
      );
      for (const store of listed.items) {
        const arn = store.EventDataStoreArn;
        // Multi-region stores are listed in every region; read each once, in its own region.
        if (!arn || seen.has(arn) || arnRegion(arn) !== region) continue;
        seen.set(arn, { EventDataStoreArn: arn, Region: region });
        const got = await session.call({ service: 'cloudtrail', operation: 'GetEventDataStore', region, resource: arn, params: { EventDataStore: arn } }, () =>
          client.send(new GetEventDataStoreCommand({ EventDataStore: arn })),
        );
        seen.set(arn, { ...(got.kind === 'ok' ? plain<EventDataStoreRecord>(got.value) : plain<EventDataStoreRecord>(store)), EventDataStoreArn: arn, Region: region });
      }
    }),
  );
  return [...seen.values()].sort((a, b) => a.EventDataStoreArn.localeCompare(b.EventDataStoreArn));
}
