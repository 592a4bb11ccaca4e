/** `trailguard merge`: the run folders of a sharded sweep → one inventory, one set of results, reports and evidence. */
import type { Command } from 'commander';
import { join, resolve } from 'node:path';
import { loadRunFolder, requireCompleteRun } from '../../evidence/run-folder.js';
import type { RawRecord } from '../../evidence/types.js';
import { loadInventory } from '../../inventory/load.js';
import { addReportOptions, type ReportFlags } from '../../report/options.js';
import { completeRun } from '../../scan/complete-run.js';
import { scanRunId } from '../../scan/evaluate-inventory.js';
import { checkShards, mergeInventories } from '../../sweep/merge.js';
import type { CommandContext } from '../io.js';
import { addRuleSelectionOptions, loadRunRules, type RuleSelectionFlags } from '../rule-selection.js';
import { addSigningOptions, signerFromFlags, type SigningFlags } from '../signing-options.js';

interface MergeFlags extends ReportFlags, SigningFlags, RuleSelectionFlags {
  waivers?: string;
  evidence?: string;
  allowPartial?: boolean;
}

export function register(command: Command, ctx: CommandContext): void {
  command
    .argument('<run-folders...>', 'the reports/<run-id>/ folder each shard wrote')
    .option('--waivers <file>', "waivers file (default: the config's `waivers`)")
    .option('--evidence <path>', 'also write a signed auditor evidence bundle of the merged run (a folder, or a .tar.gz)')
    .option('--allow-partial', 'merge even when shards of the sweep are missing; every report then marks the run partial');
  addRuleSelectionOptions(addSigningOptions(addReportOptions(command))).action(async (folders: string[], flags: MergeFlags) => {
    const { cwd } = ctx.io;
    const rules = await loadRunRules(flags, flags.waivers, ctx.io);
    // Only finished shards, and all of them: run.json (written last) records each shard's place in the sweep.
    const records = await Promise.all(folders.map(async (folder) => ({ folder, ...(await requireCompleteRun(resolve(cwd, folder))) })));
    const partial = checkShards(records, Boolean(flags.allowPartial));
    const shards = folders.map((folder) => {
      const file = join(folder, 'inventory.json');
      return { file, inventory: loadInventory(resolve(cwd, file)) };
    });
    const inventory = mergeInventories(shards);
    const signer = flags.evidence ? await signerFromFlags(flags, ctx.io.env) : undefined;
    const started = new Date(inventory.collectedAt);
    ctx.setExitCode(
      await completeRun(
        {
          inventory,
          ...(flags.evidence ? { raw: shardRaw(folders.map((f) => resolve(cwd, f))) } : {}),
          rules,
          runId: `${scanRunId(started, inventory.organization?.Organization?.Id ?? 'organization')}-merged`,
          run: { argv: ctx.argv, startedAt: started.toISOString(), endedAt: new Date().toISOString() },
          report: flags,
          ...(flags.evidence ? { evidence: { path: flags.evidence, ...(signer ? { signer } : {}) } } : {}),
          ...(partial ? { partial } : {}),
        },
        ctx.io,
      ),
    );
  });
}

/** Every shard's raw responses, streamed one shard after another. */
async function* shardRaw(folders: string[]): AsyncGenerator<RawRecord> {
  for (const folder of folders) {
    const { raw } = await loadRunFolder(folder);
    if (raw) yield* raw;
  }
}
