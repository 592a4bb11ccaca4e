/** `trailguard verify-logs`: prove a trail's delivered log files were not changed, deleted or forged. */
import type { Command } from 'commander';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InputError } from '../../errors.js';
import { reportJson, summaryText } from '../../verify-logs/report.js';
import { parseUserTime } from '../../verify-logs/time.js';
import { DEFAULT_CONCURRENCY, exitCodeOf, verifyTrailLogs } from '../../verify-logs/verify.js';
import { addAwsOptions, connect, type AwsFlags } from '../aws-options.js';
import type { CommandContext } from '../io.js';
import { phasedProgress } from '../progress.js';

interface VerifyLogsFlags extends AwsFlags {
  trail: string;
  start?: string;
  end?: string;
  output?: string;
  concurrency: string;
}

export function register(command: Command, ctx: CommandContext): void {
  addAwsOptions(
    command
      .requiredOption('--trail <name|arn>', 'trail name (looked up in --region) or trail ARN')
      .option('--start <time>', 'ISO-8601 start of the range (default: 24 hours before --end)')
      .option('--end <time>', 'ISO-8601 end of the range (default: now)')
      .option('-o, --output <file>', 'write the JSON report here instead of stdout')
      .option('--concurrency <n>', 'downloads in flight at once', String(DEFAULT_CONCURRENCY)),
    { roleArn: 'assume this role before reading the trail and its bucket', region: 'region a trail given by name is looked up in (a trail ARN names its own)' },
  ).action(async (flags: VerifyLogsFlags) => {
    const end = flags.end ? parseUserTime(flags.end, '--end') : new Date();
    const start = flags.start ? parseUserTime(flags.start, '--start') : undefined;
    const concurrency = Number(flags.concurrency);
    if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 1024) {
      throw new InputError(`--concurrency must be an integer from 1 to 1024, got "${flags.concurrency}"`);
    }
    const { target } = await connect(flags, ctx.io.env);
    // Every outcome, "could not read" and "nothing to verify" included, is a report with its reason.
    const report = await verifyTrailLogs({
      trail: flags.trail,
      target,
      ...(flags.region ? { region: flags.region } : {}),
      ...(start ? { start } : {}),
      end,
      concurrency,
      progress: phasedProgress(ctx.io),
    });
    const json = reportJson(report);
    if (flags.output) await writeFile(resolve(ctx.io.cwd, flags.output), json);
    else ctx.io.out(json);
    ctx.io.err(summaryText(report));
    ctx.setExitCode(exitCodeOf(report));
  });
}
