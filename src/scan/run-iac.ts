/**
 * `trailguard iac`: a Terraform plan or CloudFormation templates as an inventory (alone, or on
 * top of the live account), evaluated like a scan, each result pointing at where its resource
 * is written; with a baseline, only what the change breaks or fixes.
 */
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { INVENTORY_FILE } from '../evidence/bundle-layout.js';
import { summarize } from '../evaluate/summary.js';
import type { ResultsDocument } from '../evaluate/types.js';
import { buildIacInventory } from '../iac/build-inventory.js';
import { readConfigurations } from '../iac/read.js';
import type { ResourceLocation } from '../iac/resource.js';
import { loadInventory } from '../inventory/load.js';
import type { Inventory } from '../inventory/types.js';
import { diffResults } from '../report/diff.js';
import { renderDiff } from '../report/diff-format.js';
import type { ReportFlags } from '../report/options.js';
import { publishReports } from '../report/publish.js';
import type { Io } from '../util/io.js';
import type { RunRules } from './complete-run.js';
import { evaluateInventory } from './evaluate-inventory.js';

export interface IacRunInput {
  files: string[];
  rules: RunRules;
  report: ReportFlags;
  /** A live inventory.json, or a scan's run folder (--inventory). */
  inventory?: string;
  /** With `inventory`: report only what the change breaks or fixes. */
  baseline?: boolean;
  tfDir?: string;
  accountId?: string;
  region?: string;
  /** Default: the live inventory's collection time, or now. */
  scanTime?: Date;
}

export async function runIac(input: IacRunInput, io: Io): Promise<number> {
  const { cwd } = io;
  const live = input.inventory === undefined ? undefined : loadLive(input.inventory, cwd);
  const { configurations, target } = readConfigurations(input.files, {
    cwd,
    ...(input.tfDir ? { tfDir: input.tfDir } : {}),
    ...(input.accountId ? { accountId: input.accountId } : {}),
    ...(input.region ? { region: input.region } : {}),
    ...(live ? { live } : {}),
  });
  const scanTime = input.scanTime ?? (live ? new Date(live.collectedAt) : new Date());
  const { inventory, locations } = buildIacInventory({ configurations, target, ...(live ? { live } : {}), collectedAt: scanTime.toISOString() });
  const { config, rules, waivers, benchmark } = input.rules;
  const evaluate = (inv: Inventory) => evaluateInventory({ inventory: inv, rules, config, waivers, scanTime, ...(benchmark ? { benchmark } : {}) });
  let doc = withLocations(evaluate(inventory), locations);
  if (input.baseline && live) doc = changesOnly(evaluate(live), doc, io);
  for (const warning of doc.warnings) io.err(`warning: ${warning}\n`);
  return publishReports(doc, input.report, io);
}

function loadLive(path: string, cwd: string): Inventory {
  const full = resolve(cwd, path);
  let folder = false;
  try {
    folder = statSync(full).isDirectory();
  } catch {
    // loadInventory names the missing file.
  }
  const file = folder ? join(path, INVENTORY_FILE) : path;
  return loadInventory(cwd === process.cwd() ? file : resolve(cwd, file));
}

/** Each result on a resource of the configuration points at where the resource is written. */
function withLocations(doc: ResultsDocument, locations: Map<string, ResourceLocation>): ResultsDocument {
  return { ...doc, results: doc.results.map((r) => (locations.has(r.resourceArn) ? { ...r, location: locations.get(r.resourceArn)! } : r)) };
}

/**
 * `--baseline`: the results whose status the change moves (new failures, fixes, verdicts it
 * makes unknowable), as `diff` sees them; the gate then answers for the change alone.
 */
function changesOnly(before: ResultsDocument, after: ResultsDocument, io: Io): ResultsDocument {
  const diff = diffResults(before, after);
  io.err(renderDiff(diff, 'text'));
  const keep = new Set([...diff.newFailures, ...diff.fixed, ...diff.otherChanges.filter((e) => e.after === 'error')].map((e) => e.id));
  const results = after.results.filter((r) => keep.has(r.id));
  return { ...after, results, summary: summarize(results) };
}
