/** Evaluation as every command runs it: the views of an inventory, judged by the configured rules. */
import { createHash } from 'node:crypto';
import type { Config } from '../config/types.js';
import { benchmarkStatus } from '../evaluate/benchmark-status.js';
import { evaluate } from '../evaluate/evaluate.js';
import type { ResultsDocument } from '../evaluate/types.js';
import { buildViews } from '../evaluate/views/index.js';
import type { Inventory } from '../inventory/types.js';
import { markUncollected } from '../plan/uncollected.js';
import type { BenchmarkSelection } from '../rules/benchmarks.js';
import type { Rule } from '../rules/types.js';
import type { Waiver } from '../waivers/types.js';
import { TOOL } from '../package-info.js';
import { runCoverage } from './run-coverage.js';

export interface EvaluateInventoryInput {
  inventory: Inventory;
  rules: Rule[];
  config: Config;
  waivers: Waiver[];
  /** Default: the inventory's collectedAt, so that evaluating a saved inventory twice gives identical output. */
  scanTime?: Date | undefined;
  /** Default: a hash of the inputs. */
  runId?: string;
  /** --benchmark: the document then reports every selected control's status. */
  benchmark?: BenchmarkSelection;
}

export function evaluateInventory(input: EvaluateInventoryInput): ResultsDocument {
  const scanTime = input.scanTime ?? new Date(input.inventory.collectedAt);
  const doc = evaluate({
    views: buildViews(markUncollected(input.inventory)),
    rules: input.rules,
    config: input.config,
    waivers: input.waivers,
    scanTime,
    run: {
      runId: input.runId ?? contentRunId(input.inventory, input.rules, scanTime),
      tool: TOOL,
      partition: input.inventory.partition,
      ...runCoverage(input.inventory),
      ...accountNames(input.inventory),
    },
  });
  return input.benchmark ? { ...doc, benchmark: benchmarkStatus(input.benchmark, doc.results) } : doc;
}

/** The names Organizations gives the accounts, for reports to show beside the ids. */
function accountNames(inventory: Inventory): { accountNames?: Record<string, string> } {
  const named = (inventory.organization?.Accounts ?? []).filter((a) => a.Name);
  return named.length ? { accountNames: Object.fromEntries(named.map((a): [string, string] => [a.Id, a.Name!]).sort(([a], [b]) => (a < b ? -1 : 1))) } : {};
}

/** Same inventory, rules and scan time → same run id. */
export function contentRunId(inventory: Inventory, rules: Rule[], scanTime: Date): string {
  const hash = createHash('sha256').update(JSON.stringify(inventory));
  for (const rule of rules) hash.update('\u0000').update(rule.source);
  return hash.update('\u0000').update(scanTime.toISOString()).digest('hex').slice(0, 20);
}

/** A scan's run id: when it started and what it read, readable in a folder listing (20261125T080102Z-111111111111). */
export function scanRunId(startedAt: Date, subject: string): string {
  return `${startedAt
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')}-${subject}`;
}
