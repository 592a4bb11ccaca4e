/**
 * Basic event selectors translated into the advanced selectors that select the same events, so
 * that advanced-selectors.ts answers every coverage question for both kinds.
 */
import type { AdvancedEventSelector, AdvancedFieldSelector, EventSelector } from '../../../inventory/types.js';

/** `arn:aws:s3`, `arn:aws:s3:::`, `arn:aws:lambda`, `arn:aws:dynamodb`: every resource of the type. */
const ALL_RESOURCES = /^arn:[^:]+:[^:]+(:::?)?$/;
/** `arn:aws:s3:::bucket` without the slash names the whole bucket, as `arn:aws:s3:::bucket/` does. */
const S3_BUCKET_ONLY = /^arn:[^:]+:s3:::[^/]+$/;

export function basicToAdvanced(selectors: readonly EventSelector[]): AdvancedEventSelector[] {
  const out: AdvancedEventSelector[] = [];
  for (const selector of selectors) {
    const readOnly = readOnlySelector(selector.ReadWriteType);
    // IncludeManagementEvents defaults to true (CloudTrail API reference, EventSelector).
    if (selector.IncludeManagementEvents !== false) {
      const fields: AdvancedFieldSelector[] = [{ Field: 'eventCategory', Equals: ['Management'] }, ...readOnly];
      const excluded = selector.ExcludeManagementEventSources ?? [];
      if (excluded.length > 0) fields.push({ Field: 'eventSource', NotEquals: [...excluded] });
      out.push({ FieldSelectors: fields });
    }
    for (const resource of selector.DataResources ?? []) {
      // A data resource with no values selects nothing.
      if (!resource.Type || !resource.Values?.length) continue;
      const fields: AdvancedFieldSelector[] = [{ Field: 'eventCategory', Equals: ['Data'] }, { Field: 'resources.type', Equals: [resource.Type] }, ...readOnly];
      const arns = arnSelector(resource.Values);
      if (arns) fields.push(arns);
      out.push({ FieldSelectors: fields });
    }
  }
  return out;
}

function readOnlySelector(readWriteType: EventSelector['ReadWriteType']): AdvancedFieldSelector[] {
  if (readWriteType === 'ReadOnly') return [{ Field: 'readOnly', Equals: ['true'] }];
  if (readWriteType === 'WriteOnly') return [{ Field: 'readOnly', Equals: ['false'] }];
  return [];
}

/** S3 values and "all resources" values are prefixes; other values (function ARNs, table ARNs) are exact. */
function arnSelector(values: readonly string[]): AdvancedFieldSelector | undefined {
  const startsWith: string[] = [];
  const equals: string[] = [];
  for (const value of values) {
    if (S3_BUCKET_ONLY.test(value) && !ALL_RESOURCES.test(value)) startsWith.push(`${value}/`);
    else if (ALL_RESOURCES.test(value) || value.includes(':s3:::')) startsWith.push(value);
    else equals.push(value);
  }
  if (startsWith.length === 0 && equals.length === 0) return undefined;
  return {
    Field: 'resources.ARN',
    ...(startsWith.length > 0 ? { StartsWith: startsWith } : {}),
    ...(equals.length > 0 ? { Equals: equals } : {}),
  };
}

/** The trail's selectors, whichever kind it uses, as advanced selectors; undefined when neither was read. */
export function effectiveSelectors(record: {
  EventSelectors?: EventSelector[] | undefined;
  AdvancedEventSelectors?: AdvancedEventSelector[] | undefined;
}): AdvancedEventSelector[] | undefined {
  if (record.AdvancedEventSelectors !== undefined && record.AdvancedEventSelectors.length > 0) return record.AdvancedEventSelectors;
  if (record.EventSelectors !== undefined) return basicToAdvanced(record.EventSelectors);
  return record.AdvancedEventSelectors;
}
