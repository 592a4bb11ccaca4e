/**
 * The report flags shared by `scan`, `evaluate` and `report` (one definition, so the three
 * commands cannot drift), and where each requested format ends up.
 */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { join, resolve } from 'node:path';
import { InputError } from '../errors.js';
import { SEVERITIES, type Severity } from '../rules/types.js';
import { parseSeverity } from './severity-arg.js';
import { FORMAT_FILES, FORMAT_NAMES, isFormatName, type FormatName } from './format-names.js';

/** One `--format NAME[=PATH]`: PATH "-" is stdout; no PATH is the default place. */
export interface FormatRequest {
  name: FormatName;
  path?: string;
}

/** The flags as commander parses them. */
export interface ReportFlags {
  format: FormatRequest[];
  outputDir?: string;
  failOn?: Severity;
  allowIncomplete?: boolean;
  softFail?: boolean;
  sarifCategory?: string;
}

/** Where one format is written: a file path (absolute) or "-" for stdout. */
export interface ReportTarget {
  format: FormatName;
  path: string;
}

export function addReportOptions(command: Command): Command {
  return command
    .addOption(
      new Option(
        '--format <name[=path]>',
        `report format, repeatable: ${FORMAT_NAMES.join(', ')}. Without =path the file goes to the output directory ` +
          '(json without =path and without --output-dir goes to stdout); =- writes to stdout',
      )
        .argParser(collectFormat)
        .default([], 'every format'),
    )
    .option('--output-dir <dir>', 'directory for the reports (default: reports/<run-id>/)')
    .addOption(
      new Option('--fail-on <severity>', `exit 1 when an unwaived failure of this severity or higher exists (${SEVERITIES.join(', ')}, any case; default: any)`).argParser(parseSeverity),
    )
    .option('--allow-incomplete', 'do not exit 3 when some results are errors (data that could not be read)')
    .option('--soft-fail', 'report without gating: exit 0 unless the input is bad (exit 2)')
    .option(
      '--sarif-category <id>',
      "SARIF automationDetails.id category: give each scanned scope (account, OU, organization) its own, so one scope's upload never closes another's code scanning alerts",
    )
    .addHelpText('after', '\nExit codes: 0 ok, 1 unwaived failures at or above --fail-on, 2 bad input, 3 incomplete (error results), 4 internal error.');
}

/** Commander's accumulator for the repeatable --format. */
export function collectFormat(value: string, previous: FormatRequest[]): FormatRequest[] {
  const eq = value.indexOf('=');
  const name = eq < 0 ? value : value.slice(0, eq);
  const path = eq < 0 ? undefined : value.slice(eq + 1);
  if (!isFormatName(name)) throw new InvalidArgumentError(`unknown format "${name}" (expected one of ${FORMAT_NAMES.join(', ')})`);
  if (path === '') throw new InvalidArgumentError(`"${value}": the path after "=" is empty`);
  return [...previous, { name, ...(path !== undefined ? { path } : {}) }];
}

/**
 * Decides every target. No --format at all means every format in the output directory;
 * only one format may go to stdout, and two formats may not share a file.
 */
export function resolveTargets(requests: FormatRequest[], options: { outputDir?: string; runId: string; cwd: string }): ReportTarget[] {
  const dir = resolve(options.cwd, options.outputDir ?? defaultOutputDir(options.runId));
  const wanted: FormatRequest[] = requests.length ? requests : FORMAT_NAMES.map((name) => ({ name }));
  const targets = wanted.map(({ name, path }): ReportTarget => {
    if (path === '-') return { format: name, path: '-' };
    if (path !== undefined) return { format: name, path: resolve(options.cwd, path) };
    if (name === 'json' && options.outputDir === undefined && requests.length > 0) return { format: name, path: '-' };
    return { format: name, path: join(dir, FORMAT_FILES[name].fileName) };
  });
  const stdout = targets.filter((t) => t.path === '-');
  if (stdout.length > 1) {
    throw new InputError(`only one format can be written to stdout (got ${stdout.map((t) => t.format).join(', ')}); give the others a path`);
  }
  const seen = new Map<string, FormatName>();
  for (const t of targets) {
    const other = seen.get(t.path);
    if (other && t.path !== '-') throw new InputError(`--format ${other} and --format ${t.format} would both write ${t.path}`);
    seen.set(t.path, t.format);
  }
  return targets;
}

/** reports/<run-id>/, with the run id reduced to characters that are safe in a folder name. */
export function defaultOutputDir(runId: string): string {
  const safe = runId.replace(/[^A-Za-z0-9._-]/g, '-').replace(/^\.+/, '');
  return join('reports', safe || 'run');
}
