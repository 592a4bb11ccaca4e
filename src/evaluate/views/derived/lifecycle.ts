/**
 * derived.lifecycle: for each trail log prefix of a bucket, the archive transition and the
 * expiration that S3 lifecycle rules apply to it.
 *
 * Which rules count (decided here, documented in docs/views.md):
 * - only Enabled rules;
 * - a rule filtered by tag never touches CloudTrail logs (CloudTrail does not tag them);
 * - for the archive transition, the rule must cover EVERY log object: its prefix ('' = whole bucket)
 *   is a prefix of the log prefix and it has no object-size filter. A rule on `AWSLogs/123/` covers
 *   one account's logs of an organization trail, not all of them, so it does not count;
 * - for the expiration, a rule counts as soon as it reaches SOME log objects (either prefix is a
 *   prefix of the other, size filters or not): expiring part of the logs early is what retention forbids.
 */
import type { LifecycleRule } from '../../../inventory/types.js';

export const ARCHIVE_STORAGE_CLASSES = ['GLACIER', 'DEEP_ARCHIVE', 'GLACIER_IR'] as const;

export interface PrefixLifecycle {
  prefix: string;
  /** Smallest Transitions[].Days to an archive class among the rules covering the whole prefix; absent if none. */
  archiveTransitionDays?: number;
  /** Smallest Expiration.Days among the rules reaching objects under the prefix; absent if none. */
  expirationDays?: number;
}

/** The log prefix CloudTrail writes under: `<S3KeyPrefix>/AWSLogs/` or `AWSLogs/`. */
export function trailLogPrefix(s3KeyPrefix: string | undefined): string {
  return s3KeyPrefix ? `${s3KeyPrefix.replace(/\/+$/, '')}/AWSLogs/` : 'AWSLogs/';
}

function rulePrefix(rule: LifecycleRule): string {
  return rule.Filter?.Prefix ?? rule.Filter?.And?.Prefix ?? rule.Prefix ?? '';
}

function tagFiltered(rule: LifecycleRule): boolean {
  return rule.Filter?.Tag !== undefined || (rule.Filter?.And?.Tags?.length ?? 0) > 0;
}

function sizeFiltered(rule: LifecycleRule): boolean {
  const f = rule.Filter;
  return [f?.ObjectSizeGreaterThan, f?.ObjectSizeLessThan, f?.And?.ObjectSizeGreaterThan, f?.And?.ObjectSizeLessThan].some((v) => v !== undefined);
}

function minimum(values: Array<number | undefined>): number | undefined {
  const numbers = values.filter((v): v is number => typeof v === 'number');
  return numbers.length > 0 ? Math.min(...numbers) : undefined;
}

export function prefixLifecycle(rules: readonly LifecycleRule[], logPrefix: string): PrefixLifecycle {
  const enabled = rules.filter((r) => r.Status === 'Enabled' && !tagFiltered(r));
  const covering = enabled.filter((r) => !sizeFiltered(r) && logPrefix.startsWith(rulePrefix(r)));
  const reaching = enabled.filter((r) => logPrefix.startsWith(rulePrefix(r)) || rulePrefix(r).startsWith(logPrefix));
  const archiveTransitionDays = minimum(
    covering.flatMap((r) => (r.Transitions ?? []).filter((t) => (ARCHIVE_STORAGE_CLASSES as readonly string[]).includes(t.StorageClass ?? '')).map((t) => t.Days)),
  );
  const expirationDays = minimum(reaching.map((r) => r.Expiration?.Days));
  return {
    prefix: logPrefix,
    ...(archiveTransitionDays !== undefined ? { archiveTransitionDays } : {}),
    ...(expirationDays !== undefined ? { expirationDays } : {}),
  };
}
