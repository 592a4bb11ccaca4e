/**
 * Everything after collection, shared by `scan` and `merge`: evaluate, save the run folder,
 * write the reports, export the evidence bundle when asked, and return the gate's exit code.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import type { CommandContext } from '../cli/io.js';
import { loadSelectedRules, type RuleSelectionFlags, type SelectedRules } from '../cli/rule-selection.js';
import { exportEvidence } from '../evidence/export.js';
import { loadRunFolder, saveRunParts, saveRunRecord } from '../evidence/run-folder.js';
import type { Signer } from '../evidence/sign.js';
import type { EvidenceInput, RawRecord, RuleFile, RunInput, VerifyLogsInput } from '../evidence/types.js';
import type { AwsTarget, MemberRole } from '../collect/aws-target.js';
import type { ResultsDocument } from '../evaluate/types.js';
import type { Inventory } from '../inventory/types.js';
import type { PartialRun } from '../sweep/merge.js';
import { describePartial } from '../report/explain.js';
import { defaultOutputDir, resolveTargets, type ReportFlags } from '../report/options.js';
import { publishReports } from '../report/publish.js';
import { BUILTIN_PACK, BUILTIN_RULES_DIR } from '../rules/load.js';
import type { Rule } from '../rules/types.js';
import { loadWaivers } from '../waivers/load.js';
import type { Waiver } from '../waivers/types.js';
import { evaluateInventory } from './evaluate-inventory.js';
import { sendToSecurityHub } from './security-hub.js';

/** The rules, config and waivers a run evaluates with, loaded before any AWS call so a bad file fails fast. */
export interface RunRules extends SelectedRules {
  waivers: Waiver[];
  waiversFile?: string;
}

export function loadRunRules(selection: RuleSelectionFlags, waiversPath: string | undefined, cwd: string): RunRules {
  const selected = loadSelectedRules(selection, cwd);
  const waiversFile = waiversPath ?? selected.config.waiversFile;
  return { ...selected, waivers: waiversFile === undefined ? [] : loadWaivers(waiversFile, cwd), ...(waiversFile ? { waiversFile } : {}) };
}

export interface CompleteRunInput {
  inventory: Inventory;
  raw?: Iterable<RawRecord> | AsyncIterable<RawRecord>;
  rules: RunRules;
  runId: string;
  run: RunInput;
  report: ReportFlags;
  evidence?: { path: string; signer?: Signer };
  verifyLogs?: VerifyLogsInput[];
  /** Credentials the run used: the evidence export refuses to write a file containing one. */
  knownSecrets?: string[];
  /** merge --allow-partial: the shards the merged run lacks; every report says so. */
  partial?: PartialRun;
  /** --security-hub: send the ASFF findings with these credentials (and this role in other accounts). */
  securityHub?: { target: AwsTarget; memberRole?: MemberRole };
}

export async function completeRun(input: CompleteRunInput, ctx: CommandContext): Promise<number> {
  const { config, rules, waivers, benchmark } = input.rules;
  const evaluated = evaluateInventory({ inventory: input.inventory, rules, config, waivers, runId: input.runId, ...(benchmark ? { benchmark } : {}) });
  const doc = input.partial ? markPartial(evaluated, input.partial) : evaluated;
  const exitCode = await saveAndPublish(doc, input, ctx);
  if (input.securityHub) await sendToSecurityHub(doc, input.securityHub.target, input.securityHub.memberRole, ctx);
  return exitCode;
}

/** The run folder and the reports; resolves to the gate's exit code. */
async function saveAndPublish(doc: ResultsDocument, input: CompleteRunInput, ctx: CommandContext): Promise<number> {
  const { cwd } = ctx.io;
  const { config, rules, waiversFile } = input.rules;
  for (const warning of doc.warnings) ctx.io.err(`warning: ${warning}\n`);
  // The run folder (reports/<run-id>/) holds the reports that have no path of their own; when every
  // --format names its file, no folder is left behind (one is made in a temporary place for --evidence).
  const folderDir = resolve(cwd, input.report.outputDir ?? defaultOutputDir(input.runId));
  const targets = resolveTargets(input.report.format, { runId: input.runId, cwd, ...(input.report.outputDir !== undefined ? { outputDir: input.report.outputDir } : {}) });
  const keepFolder = input.report.outputDir !== undefined || targets.some((t) => t.path !== '-' && dirname(t.path) === folderDir);
  if (!keepFolder && !input.evidence) return publishReports(doc, input.report, ctx);
  const outputDir = keepFolder ? folderDir : await mkdtemp(join(tmpdir(), 'trailguard-run-'));
  try {
    const saved: EvidenceInput = {
      run: input.run,
      inventory: input.inventory,
      ...(input.raw ? { raw: input.raw } : {}),
      rules: rules.map((rule) => ruleFile(rule, cwd)),
      ...(config.file ? { config: await namedFile(config.file, cwd) } : {}),
      ...(waiversFile ? { waivers: await namedFile(waiversFile, cwd) } : {}),
      results: doc,
      verifyLogs: input.verifyLogs ?? [],
    };
    await saveRunParts(outputDir, saved);
    // Same folder: publishReports resolves the default output directory from the run id as above.
    const exitCode = await publishReports(doc, input.report, ctx);
    // Last: run.json's completion marker says every file above is whole.
    await saveRunRecord(outputDir, { ...saved, run: { ...saved.run, exitCode } });
    if (input.evidence) {
      // Exactly what `trailguard evidence export --run <folder>` would bundle.
      const folder = await loadRunFolder(outputDir);
      const bundle = await exportEvidence(folder, resolve(cwd, input.evidence.path), {
        ...(input.evidence.signer ? { signer: input.evidence.signer } : {}),
        knownSecrets: input.knownSecrets ?? [],
      });
      ctx.io.err(`evidence: ${relative(cwd, bundle.path) || bundle.path} (${bundle.files} files, manifest sha256 ${bundle.manifestSha256})\n`);
    }
    return exitCode;
  } finally {
    if (!keepFolder) await rm(outputDir, { recursive: true, force: true });
  }
}

/** A partial merge: the run says what it lacks, and a warning says it in every report that shows warnings. */
function markPartial(doc: ResultsDocument, partial: PartialRun): ResultsDocument {
  const run = { ...doc.run, partial };
  return { ...doc, run, warnings: [describePartial(run)!, ...doc.warnings] };
}

/** A rule as the evidence bundle stores it: its pack, its path inside the pack, its text as evaluated. */
function ruleFile(rule: Rule, cwd: string): RuleFile {
  const builtin = rule.pack === BUILTIN_PACK;
  const root = builtin ? BUILTIN_RULES_DIR : resolve(cwd, rule.pack);
  const pack = builtin ? BUILTIN_PACK : (rule.pack.replace(/[\\/]+$/, '').split(/[\\/]/).pop() ?? 'rules');
  return { pack, relativePath: relative(root, resolve(cwd, rule.location.file)).split('\\').join('/'), content: rule.source };
}

async function namedFile(path: string, cwd: string): Promise<{ name: string; content: Buffer }> {
  return { name: path.split(/[\\/]/).pop() ?? path, content: await readFile(resolve(cwd, path)) };
}
