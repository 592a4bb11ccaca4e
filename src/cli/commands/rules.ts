/** `trailguard rules list|validate|test`: look at, check and test rule packs. */
import type { Command } from 'commander';
import table from 'text-table';
import { loadConfiguredRules } from '../../config/configured-rules.js';
import { ruleSettingsFor } from '../../config/rule-settings.js';
import { EXIT } from '../../errors.js';
import { plural } from '../../report/explain.js';
import { selectBenchmark } from '../../rules/benchmarks.js';
import { loadRuleSet } from '../../rules/load.js';
import { runRuleTests } from '../../rules/test-runner.js';
import { stableStringify } from '../../util/stable-json.js';
import { printable, visible } from '../../util/visible-text.js';
import { addBenchmarkOption } from '../benchmark-option.js';
import { controlRows, renderControlTable } from '../benchmark-table.js';
import type { CommandContext } from '../io.js';
import { addRuleSelectionOptions, addRuleSourceOptions, loadSelectedRules, type RuleSelectionFlags, type RuleSourceFlags } from '../rule-selection.js';

const ONLY_THESE = 'rule folders (or files) to use instead of the built-in pack: the same as --rules DIR --no-builtin';

/** Folders given as arguments replace the built-in pack; `--rules` folders add to it (every rules subcommand alike). */
function withFolders<F extends RuleSourceFlags>(dirs: string[], flags: F): F {
  return { ...flags, rules: [...dirs, ...(flags.rules ?? [])], builtin: flags.builtin && dirs.length === 0 };
}

export function register(rules: Command, ctx: CommandContext): void {
  addRuleSelectionOptions(rules.command('list').description('list the rules: id, severity (after config), resource, title; with --benchmark, its controls and their rules'))
    .argument('[dir...]', ONLY_THESE)
    .option('--json', 'print JSON instead of a table')
    .action(async (dirs: string[], flags: RuleSelectionFlags & { json?: boolean }) => {
      const { config, rules: selected, benchmark } = await loadSelectedRules(withFolders(dirs, flags), ctx.io);
      if (benchmark) {
        ctx.io.out(
          flags.json ? `${stableStringify({ id: benchmark.id, title: benchmark.title, profile: benchmark.profile, controls: controlRows(benchmark) })}\n` : renderControlTable(benchmark),
        );
        return;
      }
      const rows = selected.map((rule) => {
        const settings = ruleSettingsFor(config, rule);
        return { id: rule.id, severity: settings.severity, resource: rule.resource, title: rule.title, enabled: settings.enabled, file: rule.location.file };
      });
      if (flags.json) {
        ctx.io.out(`${stableStringify(rows)}\n`);
        return;
      }
      if (rows.length > 0) ctx.io.out(`${table(rows.map((r) => [r.id, r.enabled ? r.severity : 'off', r.resource, r.title].map((cell) => visible(cell))))}\n`);
    });

  addRuleSourceOptions(rules.command('validate').description('check every rule file (and the config); exit 2 with file:line:col per problem'))
    .argument('[dir...]', ONLY_THESE)
    .action((dirs: string[], flags: RuleSourceFlags) => {
      const { rules: ruleDirs, builtin, config } = withFolders(dirs, flags);
      const { ruleSet } = loadConfiguredRules({ configPath: config, ruleDirs, builtin, cwd: ctx.io.cwd });
      ctx.io.out(`${plural(ruleSet.rules.length, 'rule')} OK\n`);
    });

  addBenchmarkOption(addRuleSourceOptions(rules.command('test')))
    .description("run the rules' inline test cases (default: the built-in pack); exit 1 when one fails")
    .argument('[dir...]', ONLY_THESE)
    .action((dirs: string[], flags: RuleSourceFlags & { benchmark?: string }) => {
      const { rules: ruleDirs, builtin } = withFolders(dirs, flags);
      const loaded = loadRuleSet({ dirs: ruleDirs ?? [], builtin, cwd: ctx.io.cwd });
      const ruleSet = flags.benchmark === undefined ? loaded : { rules: selectBenchmark(loaded.rules, flags.benchmark).rules };
      const results = runRuleTests(ruleSet.rules);
      const failed = results.filter((r) => !r.passed);
      for (const f of failed) {
        const at = `${f.location.file}:${f.location.line}:${f.location.column}`;
        ctx.io.out(printable`${at}: ${f.ruleId} › ${f.name}: expected ${f.expected}, got ${f.actual} (${f.message})\n`);
      }
      ctx.io.out(`${plural(ruleSet.rules.length, 'rule')}, ${plural(results.length, 'case')}, ${failed.length} failed\n`);
      if (failed.length > 0) ctx.setExitCode(EXIT.failures);
    });
}
