/** `trailguard evaluate`: judge a saved inventory against the rules and write the JSON results. */
import { InvalidArgumentError, type Command } from 'commander';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { gate } from '../../evaluate/gate.js';
import type { ResultsDocument } from '../../evaluate/types.js';
import { loadInventory } from '../../inventory/load.js';
import { addReportOptions, type ReportFlags } from '../../report/options.js';
import { publishReports } from '../../report/publish.js';
import { evaluateInventory } from '../../scan/evaluate-inventory.js';
import { stableStringify } from '../../util/stable-json.js';
import { printable, visible } from '../../util/visible-text.js';
import { loadWaivers } from '../../waivers/load.js';
import type { CommandContext } from '../io.js';
import { plural } from '../../report/explain.js';
import { addRuleSelectionOptions, loadSelectedRules, type RuleSelectionFlags } from '../rule-selection.js';

interface EvaluateFlags extends ReportFlags, RuleSelectionFlags {
  inventory: string;
  waivers?: string;
  output?: string;
  scanTime?: Date;
}

export function register(command: Command, ctx: CommandContext): void {
  command
    .requiredOption('--inventory <file>', 'inventory.json written by `trailguard collect`')
    .option('--waivers <file>', "waivers file (default: the config's `waivers`)")
    .option('-o, --output <file>', 'write the results here instead of stdout')
    .option('--scan-time <iso>', "the time rules compare against (default: the inventory's collectedAt)", parseScanTime);
  addRuleSelectionOptions(addReportOptions(command)).action(async (flags: EvaluateFlags) => {
    const cwd = ctx.io.cwd;
    const { config, rules, benchmark, renames } = await loadSelectedRules(flags, ctx.io);
    const waiversFile = flags.waivers ?? config.waiversFile;
    const waivers = waiversFile === undefined ? [] : loadWaivers(waiversFile, cwd, { maxDays: config.settings.waiver_max_days, renames, warn: (text) => ctx.io.err(text) });
    // Name the inventory as the user wrote it in errors, unless a different working directory forces a full path.
    const inventory = loadInventory(cwd === process.cwd() ? flags.inventory : resolve(cwd, flags.inventory));
    const doc = evaluateInventory({ inventory, rules, config, waivers, scanTime: flags.scanTime, ...(benchmark ? { benchmark } : {}) });
    // With --format or --output-dir, the reports; otherwise the results JSON alone, as a pipeline step.
    if (flags.format.length > 0 || flags.outputDir !== undefined) {
      ctx.setExitCode(await publishReports(doc, flags, ctx.io));
      return;
    }
    const text = `${stableStringify(doc)}\n`;
    if (flags.output) {
      const path = resolve(cwd, flags.output);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
    } else {
      ctx.io.out(text);
    }
    for (const warning of doc.warnings) ctx.io.err(printable`warning: ${warning}\n`);
    ctx.io.err(`${visible(`${describeSummary(doc)}${flags.output ? ` → ${flags.output}` : ''}`)}\n`);
    ctx.setExitCode(gate(doc, { failOn: flags.failOn, allowIncomplete: Boolean(flags.allowIncomplete), softFail: Boolean(flags.softFail) }));
  });
}

export function parseScanTime(value: string): Date {
  const date = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(date.getTime())) {
    throw new InvalidArgumentError('expected an ISO-8601 time such as 2026-01-31T12:00:00Z');
  }
  return date;
}

function describeSummary(doc: ResultsDocument): string {
  const counts = Object.entries(doc.summary.byStatus).map(([status, n]) => `${n} ${status}`);
  return `${plural(doc.summary.total, 'result')} from ${plural(doc.rules.length, 'rule')}: ${counts.join(', ')}`;
}
