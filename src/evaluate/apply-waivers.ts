/**
 * Applying waivers to results. A waiver matches a result when every field it sets matches
 * (rule id, account, region, resource ARN; exact or `*` glob, never substring); any one
 * matching, unexpired waiver turns a `fail` into `waived`. pass, skip and error never
 * change. Expired, unused and soon-expiring waivers produce warnings naming the waiver, and so
 * does a blanket waiver: one whose wildcards cover every rule, account or resource. Each waived
 * result says how many results its waiver covers in the run.
 */
import type { Result } from './types.js';
import { compileGlob } from '../rules/glob.js';
import { expiryInstant } from '../waivers/expiry.js';
import type { Waiver } from '../waivers/types.js';

/** Days before expiry from which a waiver is reported as expiring soon. */
export const EXPIRY_WARNING_DAYS = 14;
const DAY_MS = 86_400_000;

export interface WaiverOutcome {
  results: Result[];
  warnings: string[];
}

export function applyWaivers(results: Result[], waivers: Waiver[], scanTime: Date): WaiverOutcome {
  // Most scans have no waivers: then the results are final as they are (no copy of a list of 100,000).
  if (waivers.length === 0) return { results, warnings: [] };
  const matchers = waivers.map((w) => ({ waiver: w, matches: matcherFor(w), expired: expiryInstant(w.expires) <= scanTime.getTime(), used: 0, missed: 0 }));
  const applied = results.map((result) => {
    if (result.status !== 'fail') return undefined;
    const matching = matchers.filter((m) => m.matches(result));
    for (const m of matching) if (m.expired) m.missed++;
    const active = matching.find((m) => !m.expired);
    if (active) active.used++;
    return active;
  });
  const out = results.map((result, i) => {
    const active = applied[i];
    if (!active) return result;
    const { id, reason, owner, ticket, expires } = active.waiver;
    return { ...result, status: 'waived' as const, waiver: { id, reason, owner, ticket, expires, covers: active.used } };
  });

  const warnings: string[] = [];
  for (const m of matchers) {
    const { id, expires, location } = m.waiver;
    const at = `${location.file}:${location.line}`;
    const blanket = blanketScope(m.waiver);
    if (blanket.length > 0) {
      warnings.push(
        `BLANKET WAIVER ${id} (${at}): its wildcards cover ${blanket.join(', ')}; it waives ${m.used} failing result(s). ` + 'Name the rules, accounts and resources it is meant for',
      );
    }
    if (m.expired) {
      const effect = m.missed > 0 ? `; ${m.missed} failing result(s) it matched count as failures` : '';
      warnings.push(`waiver ${id} (${at}) expired on ${expires} and no longer applies${effect}`);
    } else if (m.used === 0) {
      warnings.push(`waiver ${id} (${at}) matches no failing result: remove it or fix its rules, accounts, regions or resources`);
    } else {
      const daysLeft = (expiryInstant(expires) - scanTime.getTime()) / DAY_MS;
      if (daysLeft <= EXPIRY_WARNING_DAYS) warnings.push(`waiver ${id} (${at}) expires on ${expires} (in ${Math.ceil(daysLeft)} day(s))`);
    }
  }
  return { results: out, warnings };
}

/** What a waiver's wildcards leave unrestricted: a pattern of nothing but `*` matches every value. */
function blanketScope(w: Waiver): string[] {
  const all = (patterns: string[] | undefined) => patterns?.some((p) => /^\*+$/.test(p)) ?? false;
  return [all(w.rules) && 'every rule', all(w.accounts) && 'every account', all(w.resources) && 'every resource'].filter((s): s is string => Boolean(s));
}

function matcherFor(w: Waiver): (r: Result) => boolean {
  const any = (patterns: string[] | undefined) => {
    if (patterns === undefined) return () => true;
    const globs = patterns.map((p) => compileGlob(p));
    return (value: string) => globs.some((glob) => glob.test(value));
  };
  const [rule, account, region, resource] = [any(w.rules), any(w.accounts), any(w.regions), any(w.resources)];
  return (r) => rule(r.ruleId) && account(r.accountId) && region(r.region) && resource(r.resourceArn);
}
