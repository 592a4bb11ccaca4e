/**
 * `trailguard scan` end to end: collect one account or sweep the organization, evaluate, save
 * the run folder with its reports, optionally verify trail logs and export a signed evidence
 * bundle, then gate. The caller has loaded the rules (a bad rule fails before any AWS call);
 * it hears of progress through callbacks and may stop a sweep with an AbortSignal.
 */
import type { AwsTarget, MemberRole } from '../collect/aws-target.js';
import type { Caller } from '../collect/identity.js';
import { collectInventory } from '../collect/inventory.js';
import type { Plan } from '../collect/sections.js';
import type { CallEvent, RawResponse } from '../collect/session.js';
import { TOOL } from '../package-info.js';
import type { Signer } from '../util/signer.js';
import type { Inventory } from '../inventory/types.js';
import type { ShardRecord } from '../evidence/types.js';
import type { ReportFlags } from '../report/options.js';
import { selectAccounts, type AccountFilters } from '../sweep/select.js';
import type { Shard } from '../sweep/shard.js';
import { sweepOrganization } from '../sweep/sweep.js';
import type { Io } from '../util/io.js';
import { visible } from '../util/visible-text.js';
import { verifyOwnedTrails } from '../verify-logs/owned-trails.js';
import { completeRun, type RunRules } from './complete-run.js';
import { scanRunId } from './evaluate-inventory.js';

/** What the caller hears while collection runs, and how it stops an organization sweep early. */
export interface CollectionEvents {
  /** The accounts to read: 1 without an organization, else the sweep's selection. */
  onPlan?: (accounts: number) => void;
  onCall?: (call: CallEvent) => void;
  /** Another account read; `done` of those planned. */
  onAccount?: (done: number) => void;
  /** Collection is over, read or failed: progress ends here, before the run's own lines. */
  onCollected?: () => void;
  /** A sweep starts no account once aborted; those left are reported as not scanned. */
  signal?: AbortSignal;
}

export interface ScanOptions extends CollectionEvents {
  target: AwsTarget;
  /** The target's identity, checked before the scan (identified here when absent). */
  caller?: Caller;
  plan: Plan;
  regions?: string[];
  organization?: { role: MemberRole; filters: AccountFilters; concurrency: number; workers?: number; shard?: Shard };
  /** Loaded before any AWS call, so that a bad rule, config or waiver fails fast. */
  rules: RunRules;
  report: ReportFlags;
  evidence?: { path: string; signer?: Signer; verifyLogs?: boolean };
  /** --security-hub: send the findings (into member accounts through the sweep's role). */
  securityHub?: boolean;
  /** The command line (for run.json; redacted by the evidence layer). */
  argv: string[];
  now?: () => Date;
}

export async function runScan(options: ScanOptions, io: Io): Promise<number> {
  const now = options.now ?? (() => new Date());
  const started = now();
  const keepRaw = Boolean(options.evidence);
  const { inventory, raw, callerAccountId } = await collect(options, io, started, keepRaw);
  const subject = options.organization ? (inventory.organization?.Organization?.Id ?? 'organization') : (inventory.accounts[0]?.AccountId ?? 'account');
  const verifyLogs = options.evidence?.verifyLogs ? await verifyOwnedTrails(options.target, inventory, callerAccountId, started) : [];
  for (const v of verifyLogs) {
    const outcome = 'report' in v ? `${v.report.outcome.status} (${v.report.outcome.reason})` : `not verified (${v.notVerified})`;
    io.err(`verify-logs ${visible(v.trailArn)}: ${visible(outcome)}\n`);
  }
  return completeRun(
    {
      inventory,
      ...(keepRaw ? { raw } : {}),
      rules: options.rules,
      runId: scanRunId(started, subject),
      run: { argv: options.argv, startedAt: started.toISOString(), endedAt: now().toISOString(), ...shardRecord(options, inventory) },
      report: options.report,
      ...(options.evidence ? { evidence: { path: options.evidence.path, ...(options.evidence.signer ? { signer: options.evidence.signer } : {}) } } : {}),
      verifyLogs,
      ...(options.securityHub ? { securityHub: { target: options.target, ...(options.organization ? { memberRole: options.organization.role } : {}) } } : {}),
    },
    io,
  );
}

async function collect(options: ScanOptions, io: Io, started: Date, keepRaw: boolean): Promise<{ inventory: Inventory; raw: RawResponse[]; callerAccountId: string }> {
  try {
    if (!options.organization) {
      options.onPlan?.(1);
      try {
        const collection = await collectInventory({
          target: options.target,
          ...(options.caller ? { caller: options.caller } : {}),
          plan: options.plan,
          ...(options.regions ? { regions: options.regions } : {}),
          keepRaw,
          now: started,
          tool: TOOL,
          onCall: options.onCall,
        });
        return { ...collection, callerAccountId: collection.inventory.accounts[0]?.AccountId ?? '' };
      } finally {
        options.onAccount?.(1);
      }
    }
    const org = options.organization;
    const outcome = await sweepOrganization({
      target: options.target,
      plan: options.plan,
      ...(options.caller ? { caller: options.caller } : {}),
      role: org.role,
      filters: org.filters,
      concurrency: org.concurrency,
      ...(org.workers ? { workers: org.workers } : {}),
      ...(org.shard ? { shard: org.shard } : {}),
      ...(options.regions ? { regions: options.regions } : {}),
      keepRaw,
      now: started,
      tool: TOOL,
      signal: options.signal,
      onPlan: options.onPlan,
      onCall: options.onCall,
      onAccount: (_account, done) => options.onAccount?.(done),
    });
    for (const { account, reason } of outcome.skipped) io.err(`${visible(`skipped ${account.Id}${account.Name ? ` (${account.Name})` : ''}: ${reason}`)}\n`);
    return outcome;
  } finally {
    options.onCollected?.();
  }
}

/** A shard's place in its sweep, recorded in run.json for `merge`: the same selection the sweep made, before sharding. */
function shardRecord(options: ScanOptions, inventory: Inventory): { shard?: ShardRecord } {
  const shard = options.organization?.shard;
  if (!shard || !inventory.organization) return {};
  const sweepAccounts = selectAccounts(inventory.organization, options.organization!.filters)
    .scan.map((a) => a.Id)
    .sort();
  return { shard: { index: shard.index, count: shard.count, sweepAccounts } };
}
