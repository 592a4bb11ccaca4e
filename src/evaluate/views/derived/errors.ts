/**
 * From a failed API operation to the view sections it leaves unreadable. A rule reading such a
 * section gets `error` naming the call, never `fail` or `pass` on a guess. Section paths are
 * relative to the view's data (Bucket.* and KmsKey.* read the same in the trail view as in the
 * bucket and key views).
 */
import type { ApiError } from '../../../inventory/types.js';
import type { SectionError } from '../../../rules/types.js';
import { allGroups, type ErrorKind } from '../../../rules/view-catalogue.js';

export type { ErrorKind } from '../../../rules/view-catalogue.js';

/** operation → the kind of resource it is about → sections it feeds, from the view catalogue's `unknownOn`. */
export const ERROR_FEEDS: Readonly<Record<string, Partial<Record<ErrorKind, readonly string[]>>>> = errorFeeds();

function errorFeeds(): Record<string, Partial<Record<ErrorKind, string[]>>> {
  const feeds: Record<string, Partial<Record<ErrorKind, string[]>>> = {};
  for (const group of allGroups()) {
    for (const field of group.fields) {
      for (const operation of field.unknownOn ?? []) {
        const byKind = (feeds[operation] ??= {});
        const sections = (byKind[group.kind] ??= []);
        if (!sections.includes(field.path)) sections.push(field.path);
      }
    }
  }
  return feeds;
}

export type SectionErrors = Record<string, SectionError>;

/** The fields the catalogue marks `liveOnly`, by the kind of record they are about. */
const LIVE_ONLY_FIELDS: ReadonlyMap<ErrorKind, ReadonlySet<string>> = new Map(
  [...new Set(allGroups().map((g) => g.kind))].map((kind) => [
    kind,
    new Set(
      allGroups()
        .filter((g) => g.kind === kind)
        .flatMap((g) => g.fields.filter((f) => f.liveOnly).map((f) => f.path)),
    ),
  ]),
);

/**
 * An error naming only fields that exist in a live account (`iac` without --inventory) marks
 * those fields unknown. It is no failed call: it hides nothing else (no listing gap on the
 * account, no partial list).
 */
export function marksLiveOnly(e: ApiError, kind?: ErrorKind): boolean {
  const fields = kind ? [LIVE_ONLY_FIELDS.get(kind) ?? new Set<string>()] : [...LIVE_ONLY_FIELDS.values()];
  return e.sections !== undefined && e.sections.length > 0 && e.sections.every((s) => fields.some((f) => f.has(s)));
}

export function toSectionError(e: ApiError): SectionError {
  return {
    accountId: e.accountId,
    region: e.region,
    service: e.service,
    operation: e.operation,
    errorName: e.errorName,
    message: e.message,
    ...(e.resource !== undefined ? { resource: e.resource } : {}),
  };
}

/**
 * The sections of one resource left unreadable by the errors that `about` says concern it.
 * The first error per section wins (errors keep the collector's order, so this is stable).
 */
export function sectionErrors(errors: readonly ApiError[], kind: ErrorKind, about: (e: ApiError) => boolean): SectionErrors {
  const out: SectionErrors = {};
  for (const e of errors) {
    const feeds = ERROR_FEEDS[e.operation]?.[kind] ?? (marksLiveOnly(e, kind) ? e.sections : undefined);
    if (!feeds || !about(e)) continue;
    // An error may name narrower sections than its operation feeds (one field of a plan known only after apply).
    const sections = e.sections ?? feeds;
    for (const section of sections) out[section] ??= toSectionError(e);
  }
  return out;
}

/** Section errors under another path (a log group's `MetricFilters` is `LogGroup.MetricFilters` in the trail view). */
export function rebase(errors: SectionErrors, prefix: string): SectionErrors {
  const out: SectionErrors = {};
  for (const [path, error] of Object.entries(errors)) out[`${prefix}.${path}`] = error;
  return out;
}

/** The error for a referenced resource no account in the inventory read, and no call failed for: it was not collected. */
export function notCollected(operation: string, service: string, message: string, accountId?: string, region?: string, resource?: string): SectionError {
  return {
    operation,
    service,
    errorName: 'NotCollected',
    message,
    ...(accountId ? { accountId } : {}),
    ...(region ? { region } : {}),
    ...(resource ? { resource } : {}),
  };
}
