/**
 * derived.s3DataEvents.allBuckets.excludedBuckets on the account view: the buckets whose objects an
 * all-buckets data-event selector leaves (partly) out, by name, so a rule can tell whether a named
 * bucket is still covered. An exclusion that does not name one bucket (`arn:aws:s3:::dev-*`, a
 * `*suffix` on every key) may touch any bucket: it is `*`. A bucket that a selector naming it logs
 * in full (read and write, every object) is covered anyway and left out.
 */
const BUCKET_OBJECTS = /^arn:[^:]+:s3:::([^/*]+)(?:\/.*)?$/;

/** `excludedPrefixes` as derived/advanced-selectors.ts reports them: `value`, `prefix*` or `*suffix`. */
export function excludedBuckets(excludedPrefixes: readonly string[], fullyLoggedBuckets: readonly string[]): string[] {
  const names = new Set<string>();
  for (const exclusion of excludedPrefixes) {
    // `arn:aws:s3:::name/...` names a bucket; `arn:aws:s3:::na*` (no slash) or `*suffix` does not.
    const named = exclusion.endsWith('*') && !exclusion.slice(0, -1).includes('/') ? undefined : BUCKET_OBJECTS.exec(exclusion)?.[1];
    names.add(named ?? '*');
  }
  for (const name of fullyLoggedBuckets) names.delete(name);
  return [...names].sort();
}
