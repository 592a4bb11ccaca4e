/** KMS: each key a trail names is read once in its own region; CIS also wants every customer key's rotation. */
import { DescribeKeyCommand, GetKeyPolicyCommand, GetKeyRotationStatusCommand, KMSClient, ListAliasesCommand, ListKeysCommand } from '@aws-sdk/client-kms';
import type { KeyRecord, PolicyDocument } from '../inventory/types.js';
import { arnAccount, arnRegion, parsePolicy, plain } from './plain.js';
import { readRows, typedRow, type ReadRow } from './read-table.js';
import type { Plan } from './sections.js';
import { foreignHint, paginate, type Session } from './session.js';

/**
 * Reads one key by the id a trail gives (a key ARN, an alias ARN, or a bare id in the caller's
 * region). Returns the record keyed by the key's ARN.
 */
export async function collectKey(session: Session, plan: Plan, keyId: string): Promise<KeyRecord | undefined> {
  const region = keyId.startsWith('arn:') ? (arnRegion(keyId) ?? session.globalRegion) : session.globalRegion;
  const kms = session.clients.get(KMSClient, region);
  const owner = keyId.startsWith('arn:') ? arnAccount(keyId) : undefined;
  const errorHint = owner && owner !== session.accountId ? foreignHint('key', owner) : undefined;
  const spec = (operation: string, resource: string) => ({
    service: 'kms',
    operation,
    region,
    resource,
    params: { KeyId: resource },
    ...(errorHint ? { errorHint } : {}),
  });

  const described = await session.call(spec('DescribeKey', keyId), () => kms.send(new DescribeKeyCommand({ KeyId: keyId })));
  if (described.kind !== 'ok' || !described.value.KeyMetadata?.Arn) return undefined;
  const record: KeyRecord = { KeyMetadata: plain(described.value.KeyMetadata) };
  const arn = record.KeyMetadata.Arn;
  await readKeyDetails(session, plan, record, arn, region);
  return record;
}

/** One line per key section read after DescribeKey: the call and where the value goes. */
const KEY_SECTIONS: ReadonlyArray<ReadRow<KMSClient, KeyRecord>> = [
  typedRow({
    // Every customer key's rotation is also what all-customer-keys (CIS) reads. AWS-managed keys
    // rotate on AWS's schedule, not the owner's to set; asymmetric keys cannot rotate.
    section: ['key-rotation', 'all-customer-keys'],
    operation: 'GetKeyRotationStatus',
    when: (r) => r.KeyMetadata.KeyManager === 'CUSTOMER' && (r.KeyMetadata.KeySpec ?? 'SYMMETRIC_DEFAULT') === 'SYMMETRIC_DEFAULT',
    read: (kms, KeyId) => kms.send(new GetKeyRotationStatusCommand({ KeyId })),
    store: (r, o) => {
      r.KeyRotationEnabled = o.KeyRotationEnabled ?? false;
      if (o.RotationPeriodInDays !== undefined) r.RotationPeriodInDays = o.RotationPeriodInDays;
    },
  }),
  typedRow({
    section: 'key-policy',
    operation: 'GetKeyPolicy',
    read: (kms, KeyId) => kms.send(new GetKeyPolicyCommand({ KeyId, PolicyName: 'default' })),
    store: (r, o) => (r.KeyPolicy = parsePolicy<PolicyDocument>(o.Policy)),
  }),
];

async function readKeyDetails(session: Session, plan: Plan, record: KeyRecord, arn: string, region: string): Promise<void> {
  const kms = session.clients.get(KMSClient, region);
  const owner = arnAccount(arn);
  const errorHint = owner && owner !== session.accountId ? foreignHint('key', owner) : undefined;
  const spec = (operation: string) => ({ service: 'kms', operation, region, resource: arn, params: { KeyId: arn }, ...(errorHint ? { errorHint } : {}) });
  await Promise.all([
    readRows(session, plan, KEY_SECTIONS, { client: kms, id: arn, resource: record, spec }),
    plan.has('key-aliases') && owner === session.accountId ? readAliases(session, kms, record, arn, region) : undefined,
  ]);
}

/** Aliases can only be listed by the key's own account, and are paginated (ListAliases by KeyId). */
async function readAliases(session: Session, kms: KMSClient, record: KeyRecord, arn: string, region: string): Promise<void> {
  const listed = await paginate(
    session,
    { service: 'kms', operation: 'ListAliases', region, resource: arn, params: { KeyId: arn } },
    (Marker) => kms.send(new ListAliasesCommand({ KeyId: arn, Marker })),
    (o) => (o.Truncated ? o.NextMarker : undefined),
    (o) => o.Aliases,
  );
  if (listed.complete)
    record.Aliases = listed.items
      .map((a) => a.AliasName ?? '')
      .filter(Boolean)
      .sort();
}

/** Every customer-managed key of the account in the given regions, with its rotation status (CIS). */
export async function collectCustomerKeys(session: Session, plan: Plan, regions: string[], into: Record<string, KeyRecord>): Promise<void> {
  await Promise.all(
    regions.map(async (region) => {
      const kms = session.clients.get(KMSClient, region);
      const listed = await paginate(
        session,
        { service: 'kms', operation: 'ListKeys', region },
        (Marker) => kms.send(new ListKeysCommand({ Marker })),
        (o) => (o.Truncated ? o.NextMarker : undefined),
        (o) => o.Keys,
      );
      for (const key of listed.items) {
        if (!key.KeyArn || into[key.KeyArn]) continue;
        const described = await session.call({ service: 'kms', operation: 'DescribeKey', region, resource: key.KeyArn, params: { KeyId: key.KeyArn } }, () =>
          kms.send(new DescribeKeyCommand({ KeyId: key.KeyArn })),
        );
        if (described.kind !== 'ok' || !described.value.KeyMetadata) continue;
        const record: KeyRecord = { KeyMetadata: plain(described.value.KeyMetadata) };
        if (record.KeyMetadata.KeyManager !== 'CUSTOMER') continue;
        await readKeyDetails(session, new Set(['all-customer-keys']), record, key.KeyArn, region);
        into[key.KeyArn] = record;
      }
    }),
  );
}
