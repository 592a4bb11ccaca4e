/** `trailguard rules list|validate|test`: look at, check and test rule packs. */
import type { Command } from 'commander';
import { loadConfiguredRules } from '../../config/configured-rules.js';
import { selectBenchmark } from '../../rules/benchmarks.js';
import { ruleSettingsFor } from '../../config/rule-settings.js';
import { EXIT } from '../../errors.js';
import { loadRuleSet } from '../../rules/load.js';
import { runRuleTests } from '../../rules/test-runner.js';
import { stableStringify } from '../../util/stable-json.js';
import { printable, visible } from '../../util/visible-text.js';
import { addBenchmarkOption } from '../benchmark-option.js';
import { controlRows, renderControlTable } from '../benchmark-table.js';
import type { CommandContext } from '../io.js';

/** commander accumulator for repeatable options (`--rules a --rules b`). */
export function collectRepeated(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

interface RuleSourceFlags {
  rules?: string[];
  builtin: boolean;
  config?: string;
  benchmark?: string;
}

function addRuleSourceOptions(command: Command): Command {
  return command
    .option('--rules <dir>', 'a folder (or file) of user rules, added to the built-in pack (repeatable)', collectRepeated)
    .option('--no-builtin', 'leave out the built-in rule pack')
    .option('--config <file>', 'config file (default: trailguard.config.yaml or .trailguard.yaml, searched up to the repository root)');
}

const ONLY_THESE = 'rule folders (or files) to use instead of the built-in pack: the same as --rules DIR --no-builtin';

/** Folders given as arguments replace the built-in pack; `--rules` folders add to it (every rules subcommand alike). */
function folders(dirs: string[], flags: RuleSourceFlags): { ruleDirs?: string[]; builtin: boolean } {
  const ruleDirs = [...dirs, ...(flags.rules ?? [])];
  return { ...(ruleDirs.length ? { ruleDirs } : {}), builtin: flags.builtin && dirs.length === 0 };
}

export function registerRules(program: Command, ctx: CommandContext): void {
  const rules = program.command('rules').description('list, validate and test rules');

  addBenchmarkOption(addRuleSourceOptions(rules.command('list').description('list the rules: id, severity (after config), resource, title; with --benchmark, its controls and their rules')))
    .argument('[dir...]', ONLY_THESE)
    .option('--json', 'print JSON instead of a table')
    .action((dirs: string[], flags: RuleSourceFlags & { json?: boolean }) => {
      const { config, ruleSet, benchmark } = loadConfiguredRules({ configPath: flags.config, ...folders(dirs, flags), benchmark: flags.benchmark, cwd: ctx.io.cwd });
      if (benchmark) {
        ctx.io.out(flags.json ? `${stableStringify({ id: benchmark.id, title: benchmark.title, profile: benchmark.profile, controls: controlRows(benchmark) })}\n` : renderControlTable(benchmark));
        return;
      }
      const rows = ruleSet.rules.map((rule) => {
        const settings = ruleSettingsFor(config, rule);
        return { id: rule.id, severity: settings.severity, resource: rule.resource, title: rule.title, enabled: settings.enabled, file: rule.location.file };
      });
      if (flags.json) {
        ctx.io.out(`${stableStringify(rows)}\n`);
        return;
      }
      const table = rows.map((r) => [r.id, r.enabled ? r.severity : 'off', r.resource, r.title]);
      const widths = [0, 1, 2].map((i) => Math.max(0, ...table.map((row) => row[i]!.length)));
      for (const row of table) ctx.io.out(`${visible(row.map((cell, i) => (i < 3 ? cell.padEnd(widths[i]!) : cell)).join('  '))}\n`);
    });

  addRuleSourceOptions(rules.command('validate').description('check every rule file (and the config); exit 2 with file:line:col per problem'))
    .argument('[dir...]', ONLY_THESE)
    .action((dirs: string[], flags: RuleSourceFlags) => {
      const { ruleSet } = loadConfiguredRules({ configPath: flags.config, ...folders(dirs, flags), cwd: ctx.io.cwd });
      ctx.io.out(`${ruleSet.rules.length} rules OK\n`);
    });

  addBenchmarkOption(addRuleSourceOptions(rules.command('test')))
    .description("run the rules' inline test cases (default: the built-in pack); exit 1 when one fails")
    .argument('[dir...]', ONLY_THESE)
    .action((dirs: string[], flags: RuleSourceFlags) => {
      const { ruleDirs, builtin } = folders(dirs, flags);
      const loaded = loadRuleSet({ dirs: ruleDirs ?? [], builtin, cwd: ctx.io.cwd });
      const ruleSet = flags.benchmark === undefined ? loaded : { rules: selectBenchmark(loaded.rules, flags.benchmark).rules };
      const results = runRuleTests(ruleSet.rules);
      const failed = results.filter((r) => !r.passed);
      for (const f of failed) {
        const at = `${f.location.file}:${f.location.line}:${f.location.column}`;
        ctx.io.out(printable`${at}: ${f.ruleId} › ${f.name}: expected ${f.expected}, got ${f.actual} (${f.message})\n`);
      }
      ctx.io.out(`${ruleSet.rules.length} rules, ${results.length} cases, ${failed.length} failed\n`);
      if (failed.length > 0) ctx.setExitCode(EXIT.failures);
    });
}
