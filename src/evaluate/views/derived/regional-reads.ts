/**
 * What the per-region inventory maps (configRecorders, vpcs, securityHub) leave unknown: the
 * enabled regions whose answer is missing, and the failed call (or NotCollected) that explains
 * it. A list fact computed from the readable regions is certain when it is not empty; when it is
 * empty while some region could not be read, that region might have added to it, so the fact is
 * unknown: an $errors entry, so that a rule reading it gets `error`, never a guessed verdict.
 */
import type { ApiError } from '../../../inventory/types.js';
import type { SectionError } from '../../../rules/types.js';
import { notCollected, sectionErrors, type SectionErrors } from './errors.js';

export interface RegionalReads {
  /** Enabled regions whose answer is missing. */
  unread: string[];
  /** Why: the first failure of the fact's calls in those regions (or account-wide), else NotCollected. */
  error?: SectionError;
}

/**
 * `fact` is the section the error table (errors.ts, kind `region`) names for the calls;
 * `missing` describes the call that would have read it, for the NotCollected error.
 */
export function regionalReads(
  accountId: string,
  regions: readonly string[],
  failures: readonly ApiError[],
  fact: string,
  readable: (region: string) => boolean,
  missing: { service: string; operation: string; what: string },
): RegionalReads {
  const unread = regions.filter((r) => !readable(r));
  if (unread.length === 0) return { unread };
  // A NotCollected marker (region `global`) or any failure outside the scanned regions concerns them all.
  const about = (e: ApiError) => unread.includes(e.region) || !regions.includes(e.region);
  const error =
    sectionErrors(failures, 'region', about)[fact] ??
    notCollected(missing.operation, missing.service, `${missing.what} of account ${accountId} were not collected in ${unread.join(', ')}`, accountId, unread[0]);
  return { unread, error };
}

/** The $errors entries (under `prefix`) for the list facts that are empty while regions are unread. */
export function doubtfulLists(prefix: string, lists: Record<string, readonly string[]>, reads: RegionalReads): SectionErrors {
  const out: SectionErrors = {};
  if (!reads.error) return out;
  for (const [name, list] of Object.entries(lists)) if (list.length === 0) out[`${prefix}.${name}`] = reads.error;
  return out;
}
