/**
 * Everything after collection, shared by `scan` and `merge`: evaluate, save the run folder,
 * write the reports, export the evidence bundle when asked, and return the gate's exit code.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { describeFileCount, exportEvidence } from '../evidence/export.js';
import { assertNoSecrets, SecretInOutputError } from '../evidence/redact.js';
import { loadRunFolder, saveRunParts, saveRunRecord } from '../evidence/run-folder.js';
import type { Signer } from '../util/signer.js';
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
import type { Config } from '../config/types.js';
import type { BenchmarkSelection } from '../rules/benchmarks.js';
import { heldSecrets } from '../util/held-secrets.js';
import { note, type Io } from '../util/io.js';
import { printable } from '../util/visible-text.js';
import type { Waiver } from '../waivers/types.js';
import { evaluateInventory } from './evaluate-inventory.js';
import { sendToSecurityHub } from './security-hub.js';

/** The rules, config and waivers a run evaluates with (the CLI loads them before any AWS call, so a bad file fails fast). */
export interface RunRules {
  config: Config;
  rules: Rule[];
  /** --benchmark: the results then report every selected control's status. */
  benchmark?: BenchmarkSelection;
  waivers: Waiver[];
  waiversFile?: string;
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
  /** merge --allow-partial: the shards the merged run lacks; every report says so. */
  partial?: PartialRun;
  /** --security-hub: send the ASFF findings with these credentials (and this role in other accounts). */
  securityHub?: { target: AwsTarget; memberRole?: MemberRole };
}

export async function completeRun(input: CompleteRunInput, io: Io): Promise<number> {
  const { config, rules, waivers, benchmark } = input.rules;
  const evaluated = evaluateInventory({ inventory: input.inventory, rules, config, waivers, runId: input.runId, ...(benchmark ? { benchmark } : {}) });
  const doc = input.partial ? markPartial(evaluated, input.partial) : evaluated;
  const exitCode = await saveAndPublish(doc, input, io);
  if (input.securityHub) await sendToSecurityHub(doc, input.securityHub.target, input.securityHub.memberRole, io);
  return exitCode;
}

/** The run folder and the reports; resolves to the gate's exit code. */
async function saveAndPublish(doc: ResultsDocument, input: CompleteRunInput, io: Io): Promise<number> {
  const { cwd } = io;
  const { config, rules, waiversFile } = input.rules;
  for (const warning of doc.warnings) io.err(printable`warning: ${warning}\n`);
  const { notFullyScanned = [], closedRegions = [] } = doc.run;
  if (notFullyScanned.length || closedRegions.length) {
    const none = notFullyScanned.filter((a) => a.scanned === 'no').length;
    io.err(
      `coverage: ${none} account(s) not scanned, ${notFullyScanned.length - none} partly scanned, ${closedRegions.length} region(s) closed by an SCP (results.json run.notFullyScanned, run.closedRegions)\n`,
    );
  }
  // The run folder (reports/<run-id>/) holds the reports that have no path of their own; when every
  // --format names its file, no folder is left behind (one is made in a temporary place for --evidence).
  const folderDir = resolve(cwd, input.report.outputDir ?? defaultOutputDir(input.runId));
  const targets = resolveTargets(input.report.format, { runId: input.runId, cwd, ...(input.report.outputDir !== undefined ? { outputDir: input.report.outputDir } : {}) });
  const keepFolder = input.report.outputDir !== undefined || targets.some((t) => t.path !== '-' && dirname(t.path) === folderDir);
  if (!keepFolder && !input.evidence) return publishReports(doc, input.report, io);
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
    const exitCode = await publishReports(doc, input.report, io);
    await refuseHeldSecrets(outputDir);
    // Last: run.json's completion marker says every file above is whole.
    await saveRunRecord(outputDir, { ...saved, run: { ...saved.run, exitCode } });
    if (input.evidence) {
      // Exactly what `trailguard evidence export --run <folder>` would bundle.
      const folder = await loadRunFolder(outputDir);
      const bundle = await exportEvidence(folder, resolve(cwd, input.evidence.path), {
        ...(input.evidence.signer ? { signer: input.evidence.signer } : {}),
        knownSecrets: heldSecrets(),
      });
      note(
        io,
        printable`evidence: ${relative(cwd, bundle.path) || bundle.path} (${describeFileCount(bundle.files, bundle.listed, bundle.sealing)}; manifest.json SHA-256 ${bundle.manifestSha256})\n`,
      );
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

/**
 * The run folder gets the check every bundle file gets: no credential this process held, and
 * nothing shaped like a secret. Error messages are redacted when recorded, so a hit is a bug:
 * the file is removed and the run ends as an internal error.
 */
async function refuseHeldSecrets(dir: string): Promise<void> {
  const known = heldSecrets();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    try {
      assertNoSecrets(await readFile(path), relative(dir, path), known);
    } catch (error) {
      if (error instanceof SecretInOutputError) await rm(path, { force: true });
      throw error;
    }
  }
}

/** A rule as the evidence bundle stores it: its pack, its path inside the pack, its text as evaluated. */
function ruleFile(rule: Rule, cwd: string): RuleFile {
  const builtin = rule.pack === BUILTIN_PACK;
  const root = builtin ? BUILTIN_RULES_DIR : resolve(cwd, rule.pack);
  const pack = builtin
    ? BUILTIN_PACK
    : (rule.pack
        .replace(/[\\/]+$/, '')
        .split(/[\\/]/)
        .pop() ?? 'rules');
  return { pack, relativePath: relative(root, resolve(cwd, rule.location.file)).split('\\').join('/'), content: rule.source };
}

async function namedFile(path: string, cwd: string): Promise<{ name: string; content: Buffer }> {
  return { name: path.split(/[\\/]/).pop() ?? path, content: await readFile(resolve(cwd, path)) };
}
