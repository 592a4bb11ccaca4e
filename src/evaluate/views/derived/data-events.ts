/** derived.s3DataEvents and derived.dataEventTypes: which data events a selector set records. */
import type { AdvancedEventSelector } from '../../../inventory/types.js';
import { selectsAll, selectsEvent, type EventClass } from './advanced-selectors.js';

export type ReadWriteType = 'All' | 'ReadOnly' | 'WriteOnly';

export interface S3BucketDataEvents {
  Name: string;
  ReadWriteType: ReadWriteType;
  /** Present when only the objects under this key prefix are selected, not the whole bucket. */
  Prefix?: string;
}

export interface S3DataEvents {
  /** Data events for every bucket (current and future), apart from excludedPrefixes. */
  allBuckets: { read: boolean; write: boolean; excludedPrefixes: string[] };
  /** Buckets a selector names, sorted by name then prefix. */
  buckets: Array<S3BucketDataEvents & { TrailArn?: string }>;
  /** Names of the buckets whose every object has read and write data events recorded (buckets a selector names; an all-buckets selector is in allBuckets). */
  fullyLoggedBuckets: string[];
}

export interface DataEventType {
  /** resources.type, e.g. AWS::S3::Object, AWS::Lambda::Function. */
  type: string;
  /** Every resource of the type, read and write events. */
  all: { read: boolean; write: boolean };
  /** Resource ARNs (or ARN prefixes) named by selectors of this type. */
  resources: string[];
}

const S3_OBJECT = 'AWS::S3::Object';

function dataClass(type: string, readOnly: 'true' | 'false', arnPrefix?: string): EventClass {
  return {
    eventCategory: { equals: 'Data' },
    'resources.type': { equals: type },
    readOnly: { equals: readOnly },
    ...(arnPrefix !== undefined ? { 'resources.ARN': { prefix: arnPrefix } } : {}),
  };
}

export function readWriteType(read: boolean, write: boolean): ReadWriteType | undefined {
  if (read && write) return 'All';
  if (read) return 'ReadOnly';
  return write ? 'WriteOnly' : undefined;
}

export function s3DataEvents(selectors: readonly AdvancedEventSelector[], partition: string, trailArn?: string): S3DataEvents {
  const allPrefix = `arn:${partition}:s3:::`;
  const read = selectsAll(selectors, dataClass(S3_OBJECT, 'true', allPrefix), ['resources.ARN']);
  const write = selectsAll(selectors, dataClass(S3_OBJECT, 'false', allPrefix), ['resources.ARN']);
  const buckets: S3BucketDataEvents[] = [];
  for (const [name, prefixes] of namedBuckets(selectors, allPrefix)) {
    const bucketPrefix = `${allPrefix}${name}/`;
    const whole = readWriteType(selectsAll(selectors, dataClass(S3_OBJECT, 'true', bucketPrefix)).selected, selectsAll(selectors, dataClass(S3_OBJECT, 'false', bucketPrefix)).selected);
    if (whole) buckets.push({ Name: name, ReadWriteType: whole });
    if (whole === 'All') continue;
    for (const prefix of prefixes) {
      // A sample object under the prefix tells which of read and write the narrower selectors record.
      const arn = `${bucketPrefix}${prefix}`;
      const type = readWriteType(selectsObjectEvent(selectors, arn, 'true'), selectsObjectEvent(selectors, arn, 'false'));
      if (type && type !== whole) buckets.push({ Name: name, ReadWriteType: type, Prefix: prefix });
    }
  }
  return {
    allBuckets: { read: read.selected, write: write.selected, excludedPrefixes: [...new Set([...read.exclusions, ...write.exclusions])].sort() },
    buckets: buckets.map((b) => (trailArn ? { ...b, TrailArn: trailArn } : b)),
    fullyLoggedBuckets: fullyLogged(buckets),
  };
}

/** Buckets named with read and write events on every object. */
export function fullyLogged(buckets: readonly S3BucketDataEvents[]): string[] {
  return [...new Set(buckets.filter((b) => b.ReadWriteType === 'All' && b.Prefix === undefined).map((b) => b.Name))].sort();
}

function selectsObjectEvent(selectors: readonly AdvancedEventSelector[], arn: string, readOnly: 'true' | 'false'): boolean {
  return selectsEvent(selectors, { eventCategory: 'Data', 'resources.type': S3_OBJECT, readOnly, 'resources.ARN': arn });
}

/** Bucket name → key prefixes ('' for the whole bucket) named by positive resources.ARN values of S3 object selectors. */
function namedBuckets(selectors: readonly AdvancedEventSelector[], allPrefix: string): Map<string, string[]> {
  const out = new Map<string, Set<string>>();
  for (const value of positiveArnValues(selectors, S3_OBJECT)) {
    if (!value.startsWith(allPrefix)) continue;
    const rest = value.slice(allPrefix.length);
    const slash = rest.indexOf('/');
    const name = slash < 0 ? rest : rest.slice(0, slash);
    if (!name) continue;
    const set = out.get(name) ?? new Set<string>();
    set.add(slash < 0 ? '' : rest.slice(slash + 1));
    out.set(name, set);
  }
  return new Map([...out].sort(([a], [b]) => a.localeCompare(b)).map(([name, set]) => [name, [...set].sort()]));
}

/** resources.ARN Equals/StartsWith values of the selectors that (may) select the resource type. */
function positiveArnValues(selectors: readonly AdvancedEventSelector[], type: string): string[] {
  const values: string[] = [];
  for (const selector of selectors) {
    const typeField = selector.FieldSelectors.find((fs) => fs.Field === 'resources.type');
    if (typeField?.Equals && !typeField.Equals.includes(type)) continue;
    for (const fs of selector.FieldSelectors) {
      if (fs.Field === 'resources.ARN') values.push(...(fs.Equals ?? []), ...(fs.StartsWith ?? []));
    }
  }
  return values;
}

/** Every ARN of a resource type starts with `arn:<partition>:<service>` (AWS::Lambda::Function → arn:aws:lambda). */
function typeArnPrefix(type: string, partition: string): string {
  if (type === S3_OBJECT) return `arn:${partition}:s3:::`;
  return `arn:${partition}:${(type.split('::')[1] ?? '').toLowerCase()}`;
}

export function dataEventTypes(selectors: readonly AdvancedEventSelector[], partition: string): DataEventType[] {
  const types = new Set<string>();
  for (const selector of selectors) {
    const category = selector.FieldSelectors.find((fs) => fs.Field === 'eventCategory');
    if (category?.Equals && !category.Equals.includes('Data')) continue;
    for (const fs of selector.FieldSelectors) if (fs.Field === 'resources.type') for (const t of fs.Equals ?? []) types.add(t);
  }
  return [...types].sort().map((type) => ({
    type,
    all: {
      read: selectsAll(selectors, dataClass(type, 'true', typeArnPrefix(type, partition))).selected,
      write: selectsAll(selectors, dataClass(type, 'false', typeArnPrefix(type, partition))).selected,
    },
    resources: [...new Set(positiveArnValues(selectors, type))].sort(),
  }));
}
