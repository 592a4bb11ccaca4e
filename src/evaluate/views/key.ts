/** The key view: one per KMS key, in its owner account and region, with the trails and event data stores using it. */
import { parseArn } from '../../inventory/arn.js';
import type { KeyRecord } from '../../inventory/types.js';
import type { ViewOf } from '../types.js';
import { sectionErrors, type SectionErrors } from './derived/errors.js';
import { errorsAbout, type Found, type ViewContext } from './context.js';
import { viewData } from './data.js';
import type { KeyViewData } from './view-data.generated.js';

/** The key's unreadable sections, from the errors of its own account. */
export function keySectionErrors(ctx: ViewContext, key: KeyRecord): SectionErrors {
  const meta = key.KeyMetadata;
  const owner = meta.AWSAccountId ?? parseArn(meta.Arn)?.accountId;
  return sectionErrors(errorsAbout(ctx, meta.Arn, meta.KeyId), 'key', (e) => owner === undefined || e.accountId === owner);
}

export function keyView(ctx: ViewContext, found: Found<KeyRecord>): ViewOf<'key'> {
  const key = found.record;
  const meta = key.KeyMetadata;
  const arn = parseArn(meta.Arn);
  const trails = (ctx.trailsByKey.get(key) ?? []).map((t) => t.record.Trail.TrailARN);
  const eventDataStores = ctx.storesByKey.get(key) ?? [];
  return {
    type: 'key',
    arn: meta.Arn,
    name: key.Aliases?.[0] ?? meta.KeyId,
    accountId: meta.AWSAccountId ?? arn?.accountId ?? found.readBy,
    region: arn?.region ?? 'unknown',
    data: viewData<KeyViewData>({
      KmsKey: key,
      derived: { trails, eventDataStores: [...new Set(eventDataStores)].sort() },
      $errors: keySectionErrors(ctx, key),
    }),
    related: trails,
  };
}
