/**
 * How many calls a plan makes for one account, from what the account holds: the documented
 * plan (docs/api-calls.md) turned into numbers. `trailguard plan` prints it after discovery;
 * a test holds the collector to it call for call.
 */
import { SECTIONS, type CallScope, type Plan, type SectionId } from '../collect/sections.js';

/** The counts a plan's scopes multiply by. Unknown before collection: left undefined. */
export interface AccountShape {
  enabledRegions: number;
  trails: number;
  trailsWithInsights?: number;
  buckets?: number;
  /** The trails' KMS keys that are read (DescribeKey, GetKeyPolicy). */
  keys?: number;
  /** Of those, customer-managed symmetric keys (their rotation is read). */
  keysWithRotation?: number;
  /** Of those, keys the account owns (only the owner can list their aliases). */
  ownKeys?: number;
  /** Keys ListKeys returns across regions (customer and AWS managed), other than the trails' keys. */
  otherKeys?: number;
  /** Of those, customer-managed symmetric keys (their rotation is read). */
  otherCustomerSymmetricKeys?: number;
  logGroups?: number;
  logGroupRegions?: number;
  alarmTopics?: number;
  matchingEventRules?: number;
  eventDataStores?: number;
  scps?: number;
  ous?: number;
  /** Regions with an AWS Config recorder (its status is read). */
  regionsWithConfigRecorder?: number;
  /** Regions with at least one VPC (their flow logs are read). */
  regionsWithVpcs?: number;
  /** The management account reads the organization's accounts, services and policies. */
  management: boolean;
}

export interface PlannedCall {
  section: SectionId;
  operation: string;
  scope: CallScope;
  /** Undefined when it depends on something discovery does not know. */
  calls?: number;
}

export function plannedCalls(plan: Plan, shape: AccountShape): PlannedCall[] {
  const out: PlannedCall[] = [];
  for (const section of plan) {
    for (const call of SECTIONS[section].calls) {
      const calls = countFor(section, call.operation, call.scope, shape);
      out.push({ section, operation: `${call.service}:${call.operation}`, scope: call.scope, ...(calls !== undefined ? { calls } : {}) });
    }
  }
  return out;
}

function countFor(section: SectionId, operation: string, scope: CallScope, s: AccountShape): number | undefined {
  // Fallbacks and management-only calls: what runs when all goes well.
  if (operation === 'DescribeRegions') return 0;
  if (section.startsWith('organization-') && !s.management) return 0;
  if (section === 'organization-structure') return undefined;
  switch (scope) {
    case 'once':
      return 1;
    case 'per enabled region':
      return s.enabledRegions;
    case 'per trail':
      return s.trails;
    case 'per trail with Insights':
      return s.trailsWithInsights;
    case 'per bucket':
      return s.buckets;
    case 'per key':
      return operation === 'GetKeyRotationStatus' ? s.keysWithRotation : operation === 'ListAliases' ? s.ownKeys : s.keys;
    case 'per customer key':
      return operation === 'DescribeKey' ? s.otherKeys : s.otherCustomerSymmetricKeys;
    case 'per log group':
      return s.logGroups;
    case 'per log group region':
      return s.logGroupRegions;
    case 'per alarm topic':
      return s.alarmTopics;
    case 'per matching EventBridge rule':
      return s.matchingEventRules;
    case 'per event data store':
      return s.eventDataStores;
    case 'per SCP':
      return s.scps;
    case 'per OU':
      return s.ous;
    case 'per region with a Config recorder':
      return s.regionsWithConfigRecorder;
    case 'per region with VPCs':
      return s.regionsWithVpcs;
  }
}

export function totalCalls(calls: PlannedCall[]): { known: number; unknown: number } {
  return { known: calls.reduce((n, c) => n + (c.calls ?? 0), 0), unknown: calls.filter((c) => c.calls === undefined).length };
}
