/**
 * The world at run time: the validated spec with AWS's defaults applied and the indexes the
 * handlers need (accounts by id, buckets by global name, keys by id/ARN/alias, trails and
 * the organization trails members see). Built once; handlers only read it, except S3
 * objects and CloudTrail public keys, which tests and generators add through the hooks.
 */
import { createHash } from 'node:crypto';
import type { PolicyDocument } from '../../inventory/types.js';
import type {
  AccountSpec,
  AlarmSpec,
  BucketSpec,
  EventDataStoreSpec,
  EventRuleSpec,
  FaultSpec,
  KeySpec,
  LogGroupSpec,
  OrganizationSpec,
  RoleSpec,
  TopicSpec,
  TrailSpec,
  WorldSpec,
} from './spec.js';
import { DEFAULT_ENABLED_REGIONS, OPT_IN_REGIONS } from './regions.js';

export interface SimObject {
  body: Buffer;
  metadata: Record<string, string>;
  lastModified: Date;
  etag: string;
}

/** One CloudTrail log-signing public key, as ListPublicKeys returns it. */
export interface CloudTrailPublicKey {
  /** DER SubjectPublicKeyInfo. */
  Value: Buffer;
  ValidityStartTime: Date;
  ValidityEndTime: Date;
  Fingerprint: string;
}

export interface Trail {
  spec: TrailSpec;
  arn: string;
  accountId: string;
}

export interface Bucket {
  spec: BucketSpec;
  name: string;
  ownerId: string;
  region: string;
  creationDate: Date;
  policy?: PolicyDocument | undefined;
  policyText?: string | undefined;
  objects: Map<string, SimObject>;
  /** `objects`' keys in order, for listings; dropped whenever a key is added or removed. */
  sortedKeys?: string[];
}

export interface Key {
  spec: KeySpec;
  keyId: string;
  arn: string;
  accountId: string;
  region: string;
  policyText: string;
  policy: PolicyDocument;
}

export interface Account {
  spec: AccountSpec;
  id: string;
  status: string;
  inOrganization: boolean;
  /** Region name → RegionOptStatus (ENABLED_BY_DEFAULT | ENABLED | DISABLED). */
  regionStatus: Map<string, string>;
  trails: Trail[];
  keys: Key[];
  keyIndex: Map<string, Key>;
  aliases: Array<{ name: string; key: Key }>;
  logGroups: LogGroupSpec[];
  alarms: AlarmSpec[];
  topics: TopicSpec[];
  eventRules: EventRuleSpec[];
  eventDataStores: EventDataStoreSpec[];
  roles: Map<string, RoleSpec>;
}

export interface Organization {
  spec: OrganizationSpec;
  id: string;
  rootId: string;
  masterAccountId: string;
  /** OU id → { name, parent id }. */
  ous: Array<{ Id: string; Name: string; ParentId: string }>;
  /** Account id → parent id. */
  parents: Map<string, string>;
  policies: Array<{ Id: string; Name: string; Type: string; Description: string; AwsManaged: boolean; Content: string; Targets: string[] }>;
}

export const EPOCH = new Date('2024-01-01T00:00:00Z');

export class World {
  readonly regions: string[];
  readonly accounts = new Map<string, Account>();
  readonly buckets = new Map<string, Bucket>();
  readonly organization?: Organization;
  /** Organization trails, which every ACTIVE member account sees as shadow trails. */
  readonly organizationTrails: Trail[] = [];
  /** Served by cloudtrail:ListPublicKeys; log/digest generators add their signing keys here. */
  readonly cloudTrailPublicKeys: CloudTrailPublicKey[] = [];
  readonly faults: FaultSpec[];
  readonly pageSize?: number | undefined;
  readonly seed: number;

  /** Everything but `trailLogs`, whose files are written into the built world (buildWorld in load.ts). */
  constructor(readonly spec: WorldSpec) {
    const defaults = spec.regions?.defaultEnabled ?? DEFAULT_ENABLED_REGIONS;
    const optIn = spec.regions?.optIn ?? OPT_IN_REGIONS;
    this.regions = [...defaults, ...optIn].sort();
    this.faults = spec.faults ?? [];
    this.pageSize = spec.options?.pageSize;
    this.seed = spec.options?.seed ?? 1;
    for (const a of spec.accounts) this.accounts.set(a.Id, this.buildAccount(a, defaults, optIn));
    if (spec.organization) this.organization = buildOrganization(spec.organization, spec.accounts);
    for (const account of this.accounts.values()) {
      for (const t of account.trails) if (t.spec.IsOrganizationTrail) this.organizationTrails.push(t);
    }
  }

  /** Adds (or replaces) an object in a bucket of the world. */
  putObject(bucket: string, key: string, body: Buffer | string, metadata: Record<string, string> = {}, lastModified = new Date()): SimObject {
    const b = this.buckets.get(bucket);
    if (!b) throw new Error(`world has no bucket ${bucket}`);
    const data = typeof body === 'string' ? Buffer.from(body) : body;
    const obj: SimObject = { body: data, metadata, lastModified, etag: `"${createHash('md5').update(data).digest('hex')}"` };
    if (!b.objects.has(key)) delete b.sortedKeys;
    b.objects.set(key, obj);
    return obj;
  }

  deleteObject(bucket: string, key: string): boolean {
    const b = this.buckets.get(bucket);
    if (b) delete b.sortedKeys;
    return b?.objects.delete(key) ?? false;
  }

  /** The organization's member (or management) account, ACTIVE and inside the organization. */
  isOrganizationMember(accountId: string): boolean {
    const a = this.accounts.get(accountId);
    return Boolean(this.organization && a && a.inOrganization);
  }

  /** Whether the organization trails list in, and record, this account. */
  receivesOrganizationTrails(accountId: string): boolean {
    return this.isOrganizationMember(accountId) && this.accounts.get(accountId)?.spec.ReceivesOrganizationTrails !== false;
  }

  isDelegatedAdministrator(accountId: string, servicePrincipal?: string): boolean {
    const delegated = this.organization?.spec.DelegatedAdministrators ?? {};
    return Object.entries(delegated).some(([sp, ids]) => (!servicePrincipal || sp === servicePrincipal) && ids.includes(accountId));
  }

  private buildAccount(spec: AccountSpec, defaults: string[], optIn: string[]): Account {
    const regionStatus = new Map<string, string>();
    for (const r of defaults) regionStatus.set(r, 'ENABLED_BY_DEFAULT');
    for (const r of optIn) regionStatus.set(r, spec.OptInRegions?.includes(r) ? 'ENABLED' : 'DISABLED');
    const account: Account = {
      spec,
      id: spec.Id,
      status: spec.Status ?? 'ACTIVE',
      inOrganization: spec.InOrganization ?? true,
      regionStatus,
      trails: (spec.trails ?? []).map((t) => ({ spec: t, accountId: spec.Id, arn: `arn:aws:cloudtrail:${t.HomeRegion}:${spec.Id}:trail/${t.Name}` })),
      keys: [],
      keyIndex: new Map(),
      aliases: [],
      logGroups: spec.logGroups ?? [],
      alarms: spec.alarms ?? [],
      topics: spec.topics ?? [],
      eventRules: spec.eventRules ?? [],
      eventDataStores: spec.eventDataStores ?? [],
      roles: new Map((spec.roles ?? []).map((r) => [r.RoleName, r])),
    };
    (spec.keys ?? []).forEach((k, i) => {
      const keyId = k.KeyId ?? deterministicUuid(`${spec.Id}/${k.Region}/${k.Aliases?.[0] ?? i}`);
      const arn = `arn:aws:kms:${k.Region}:${spec.Id}:key/${keyId}`;
      const policy = k.Policy === undefined ? defaultKeyPolicy(spec.Id) : parsePolicy(k.Policy);
      const key: Key = { spec: k, keyId, arn, accountId: spec.Id, region: k.Region, policy, policyText: typeof k.Policy === 'string' ? k.Policy : JSON.stringify(policy) };
      account.keys.push(key);
      account.keyIndex.set(keyId, key).set(arn, key);
      for (const alias of k.Aliases ?? []) {
        account.aliases.push({ name: alias, key });
        account.keyIndex.set(`${k.Region}|${alias}`, key).set(`arn:aws:kms:${k.Region}:${spec.Id}:${alias}`, key);
      }
    });
    for (const b of spec.buckets ?? []) {
      const policy = b.Policy === undefined ? undefined : parsePolicy(b.Policy);
      this.buckets.set(b.Name, {
        spec: b,
        name: b.Name,
        ownerId: spec.Id,
        region: b.Region ?? 'us-east-1',
        creationDate: new Date(b.CreationDate ?? EPOCH),
        policy,
        policyText: b.Policy === undefined ? undefined : typeof b.Policy === 'string' ? b.Policy : JSON.stringify(b.Policy),
        objects: new Map(),
      });
      for (const o of b.Objects ?? []) this.putObject(b.Name, o.Key, o.Body ?? '', o.Metadata, new Date(o.LastModified ?? EPOCH));
    }
    return account;
  }
}

function buildOrganization(spec: OrganizationSpec, accounts: AccountSpec[]): Organization {
  const id = spec.Id ?? `o-${hex(`org/${spec.MasterAccountId}`).slice(0, 10)}`;
  const rootId = spec.RootId ?? `r-${hex(`root/${id}`).slice(0, 4)}`;
  const ous: Organization['ous'] = [];
  const byName = new Map<string, string>([
    ['root', rootId],
    [rootId, rootId],
  ]);
  for (const ou of spec.OrganizationalUnits ?? []) {
    const ouId = ou.Id ?? `ou-${rootId.slice(2)}-${hex(`ou/${ou.Name}`).slice(0, 8)}`;
    byName.set(ou.Name, ouId).set(ouId, ouId);
    ous.push({ Id: ouId, Name: ou.Name, ParentId: ou.Parent ?? 'root' });
  }
  for (const ou of ous) ou.ParentId = byName.get(ou.ParentId) ?? rootId;
  const parents = new Map<string, string>();
  for (const a of accounts) if (a.InOrganization !== false) parents.set(a.Id, byName.get(a.Parent ?? 'root') ?? rootId);
  const policies = (spec.Policies ?? []).map((p) => ({
    Id: p.Id ?? (p.AwsManaged ? 'p-FullAWSAccess' : `p-${hex(`policy/${p.Name}`).slice(0, 8)}`),
    Name: p.Name,
    Type: p.Type ?? 'SERVICE_CONTROL_POLICY',
    Description: p.Description ?? '',
    AwsManaged: p.AwsManaged ?? false,
    Content: typeof p.Content === 'string' ? p.Content : JSON.stringify(p.Content),
    Targets: (p.Targets ?? ['root']).map((t) => byName.get(t) ?? t),
  }));
  return { spec, id, rootId, masterAccountId: spec.MasterAccountId, ous, parents, policies };
}

export function parsePolicy(p: PolicyDocument | string): PolicyDocument {
  return typeof p === 'string' ? (JSON.parse(p) as PolicyDocument) : p;
}

/** The policy KMS gives a key created without one: the account's root may do everything. */
function defaultKeyPolicy(accountId: string): PolicyDocument {
  return {
    Version: '2012-10-17',
    Id: 'key-default-1',
    Statement: [{ Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${accountId}:root` }, Action: 'kms:*', Resource: '*' }],
  };
}

export function hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function deterministicUuid(text: string): string {
  const h = hex(text);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
