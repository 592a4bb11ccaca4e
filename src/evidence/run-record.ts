/** Builds run.json from the run's inputs: the redacted command line, callers, regions and rule pack hashes. */
import { comparePaths, CONFIG_DIR, checkRelativePath, namedPath, verifyLogsPath, WAIVERS_DIR } from './bundle-layout.js';
import { sha256Hex } from './manifest.js';
import { redactArgv } from './redact.js';
import { renderSums } from './sha256sums.js';
import type { EvidenceInput, RuleFile, RunRecord } from './types.js';

/**
 * A rule pack's hash: SHA-256 of the pack's SHA256SUMS-style listing (`<sha256>  <path>` per
 * file, sorted by path). Unlike hashing the concatenated contents, it changes when a file is
 * renamed or bytes move between files, and `sha256sum` can recompute it (docs/evidence.md).
 */
export function rulePackHashes(rules: readonly RuleFile[]): RunRecord['rulePacks'] {
  const packs = new Map<string, RuleFile[]>();
  for (const rule of rules) packs.set(rule.pack, [...(packs.get(rule.pack) ?? []), rule]);
  return [...packs.entries()]
    .sort(([a], [b]) => comparePaths(a, b))
    .map(([name, files]) => ({
      name,
      files: files.length,
      sha256: sha256Hex(renderSums(files.map((f) => ({ path: checkRelativePath(f.relativePath, `rule pack ${name}`), sha256: sha256Hex(f.content) })))),
    }));
}

type RunParts = Pick<EvidenceInput, 'run' | 'inventory' | 'results' | 'rules' | 'config' | 'waivers' | 'verifyLogs'>;

export function buildRunRecord(input: RunParts): RunRecord {
  const { run, inventory, results } = input;
  const inScope = (r: { Enabled: boolean; Excluded?: boolean }) => r.Enabled && !r.Excluded;
  const regions = results.run.regions ?? [...new Set(inventory.accounts.flatMap((a) => a.Regions.filter(inScope).map((r) => r.RegionName)))];
  return {
    schemaVersion: 1,
    runId: results.run.runId,
    tool: results.run.tool,
    commandLine: redactArgv(run.argv),
    startedAt: run.startedAt,
    endedAt: run.endedAt,
    ...(run.exitCode !== undefined ? { exitCode: run.exitCode } : {}),
    ...(run.shard ? { shard: run.shard } : {}),
    partition: results.run.partition ?? inventory.partition,
    ...(inventory.organization?.Organization ? { organizationId: inventory.organization.Organization.Id } : {}),
    regions: [...regions].sort(comparePaths),
    accounts: [...inventory.accounts]
      .sort((a, b) => comparePaths(a.AccountId, b.AccountId))
      .map((a) => ({ accountId: a.AccountId, ...(a.CallerIdentity ? { callerIdentity: a.CallerIdentity } : {}) })),
    rulePacks: rulePackHashes(input.rules),
    ...(input.config ? { config: namedPath(CONFIG_DIR, input.config.name) } : {}),
    ...(input.waivers ? { waivers: namedPath(WAIVERS_DIR, input.waivers.name) } : {}),
    ...(input.verifyLogs?.length
      ? {
          verifyLogs: input.verifyLogs
            .map((v) =>
              'report' in v
                ? { trailArn: v.trailArn, status: v.report.outcome.status, reason: v.report.outcome.reason, file: verifyLogsPath(v.trailArn) }
                : { trailArn: v.trailArn, status: 'not verified' as const, reason: v.notVerified },
            )
            .sort((a, b) => comparePaths(a.trailArn, b.trailArn)),
        }
      : {}),
  };
}
