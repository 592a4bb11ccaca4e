/**
 * Applying waivers to results. A waiver matches a result when every field it sets matches
 * (rule id, account, region, resource ARN; exact or `*` glob, never substring); any one
 * matching, unexpired waiver turns a `fail` into `waived`. pass, skip and error never
 * change. Expired, unused and soon-expiring waivers produce warnings naming the waiver.
 */
import type { Result } from '../evaluate/types.js';
import { compileGlob } from '../rules/glob.js';
import { expiryInstant } from './expiry.js';
import type { Waiver } from './types.js';

/** Days before expiry from which a waiver is reported as expiring soon. */
export const EXPIRY_WARNING_DAYS = 14;
const DAY_MS = 86_400_000;

export interface WaiverOutcome {
  results: Result[];
  warnings: string[];
}

export function applyWaivers(results: Result[], waivers: Waiver[], scanTime: Date): WaiverOutcome {
  const matchers = waivers.map((w) => ({ waiver: w, matches: matcherFor(w), expired: expiryInstant(w.expires) <= scanTime.getTime(), used: 0, missed: 0 }));
  const out = results.map((result) => {
    if (result.status !== 'fail') return result;
    const matching = matchers.filter((m) => m.matches(result));
    for (const m of matching) if (m.expired) m.missed++;
    const active = matching.find((m) => !m.expired);
    if (!active) return result;
    active.used++;
    const { id, reason, owner, ticket, expires } = active.waiver;
    return { ...result, status: 'waived' as const, waiver: { id, reason, owner, ticket, expires } };
  });

  const warnings: string[] = [];
  for (const m of matchers) {
    const { id, expires, location } = m.waiver;
    const at = `${location.file}:${location.line}`;
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

function matcherFor(w: Waiver): (r: Result) => boolean {
  const any = (patterns: string[] | undefined) => {
    if (patterns === undefined) return () => true;
    const globs = patterns.map((p) => compileGlob(p));
    return (value: string) => globs.some((glob) => glob.test(value));
  };
  const [rule, account, region, resource] = [any(w.rules), any(w.accounts), any(w.regions), any(w.resources)];
  return (r) => rule(r.ruleId) && account(r.accountId) && region(r.region) && resource(r.resourceArn);
}
