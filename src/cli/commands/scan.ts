/** `trailguard scan`: collect (one account, or the organization), evaluate, report, gate. */
import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import { addReportOptions, type ReportFlags } from '../../report/options.js';
import { defaultWorkers, MAX_DEFAULT_WORKERS } from '../../sweep/parallel.js';
import { parseShard } from '../../sweep/shard.js';
import { addAwsOptions, connect, type AwsFlags } from '../aws-options.js';
import type { CommandContext } from '../io.js';
import { addRuleSelectionOptions, loadRunRules, type RuleSelectionFlags } from '../rule-selection.js';
import { addSigningOptions, signerFromFlags, type SigningFlags } from '../signing-options.js';
import { collectRepeated } from '../option-parsers.js';

interface ScanFlags extends AwsFlags, ReportFlags, SigningFlags, RuleSelectionFlags {
  /** addAwsOptions gives it a default. */
  roleSessionName: string;
  regions?: string;
  waivers?: string;
  organization?: boolean;
  memberRoleName: string;
  sessionDuration: string;
  accounts?: string;
  excludeAccounts?: string;
  ou: string[];
  concurrency: string;
  workers?: string;
  shard?: string;
  evidence?: string;
  verifyLogs?: boolean;
  securityHub?: boolean;
}

export function register(command: Command, ctx: CommandContext): void {
  command
    .option('--regions <list>', 'comma-separated regions to scan (default: every enabled region)')
    .option('--waivers <file>', "waivers file (default: the config's `waivers`)")
    .option('--organization', 'sweep every account of the AWS Organization (run from the management account or a delegated administrator)')
    .option('--member-role-name <name>', 'role assumed in each member account', 'OrganizationAccountAccessRole')
    .option('--session-duration <seconds>', 'duration of member role sessions (refreshed before they expire)', '3600')
    .option('--accounts <ids>', 'only these accounts (comma-separated)')
    .option('--exclude-accounts <ids>', 'leave out these accounts (comma-separated)')
    .option('--ou <id>', 'only accounts under this OU or root, nested OUs included (repeatable)', collectRepeated, [])
    .option('--concurrency <n>', 'accounts read at once in an organization sweep', '16')
    .option('--workers <n>', `threads reading accounts in an organization sweep (default: one per core, at most ${MAX_DEFAULT_WORKERS})`)
    .option('--shard <I/N>', 'scan shard I of N (0-based; or N with I from JOB_COMPLETION_INDEX / AWS_BATCH_JOB_ARRAY_INDEX)')
    .option('--evidence <path>', 'also write a signed auditor evidence bundle (a folder, or a .tar.gz)')
    .option('--verify-logs', "with --evidence: verify each owned trail's delivered log files over the last 24 hours")
    .option('--security-hub', 'also import the findings into AWS Security Hub (BatchImportFindings: the one write, opt-in; see trailguard permissions --security-hub)');
  addRuleSelectionOptions(addSigningOptions(addReportOptions(addAwsOptions(command)))).action(async (flags: ScanFlags) => {
    // Rules first: a bad rule, config or waiver fails before any AWS call (and before the pipeline loads).
    const rules = await loadRunRules(flags, flags.waivers, ctx.io);
    // The pipeline (and the AWS SDK with it) is loaded only when a scan runs, not for --help.
    const [{ runScan }, { planForRules }, { watchCollection }] = await Promise.all([import('../../scan/run-scan.js'), import('../../plan/rule-plan.js'), import('../scan-progress.js')]);
    if (!flags.organization) {
      for (const org of ['accounts', 'excludeAccounts', 'shard', 'workers'] as const) {
        if (flags[org]) throw new InputError(`--${org.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} needs --organization`);
      }
      if (flags.ou.length) throw new InputError('--ou needs --organization');
    }
    if (flags.verifyLogs && !flags.evidence) throw new InputError('--verify-logs adds verification reports to the evidence bundle: give --evidence PATH too');
    const organization = flags.organization ? organizationOptions(flags, ctx.io.env) : undefined;
    // Then who we are and where we look, before anything is read.
    const { target, caller, regions } = await connect(flags, ctx.io.env);
    const signer = await signerFromFlags(flags, ctx.io.env, target);
    const watch = watchCollection(ctx.io, Boolean(organization));
    const exitCode = await runScan(
      {
        ...watch.events,
        target,
        caller,
        // Only what the selected rules read.
        plan: planForRules(rules.rules),
        ...(regions ? { regions } : {}),
        ...(organization ? { organization } : {}),
        rules,
        report: flags,
        ...(flags.evidence ? { evidence: { path: flags.evidence, ...(signer ? { signer } : {}), verifyLogs: Boolean(flags.verifyLogs) } } : {}),
        argv: ctx.argv,
        ...(flags.securityHub ? { securityHub: true } : {}),
      },
      ctx.io,
    ).finally(watch.close);
    ctx.setExitCode(exitCode);
  });
}

function organizationOptions(flags: ScanFlags, env: NodeJS.ProcessEnv) {
  const concurrency = positiveInteger(flags.concurrency, '--concurrency');
  const durationSeconds = positiveInteger(flags.sessionDuration, '--session-duration');
  if (durationSeconds < 900 || durationSeconds > 43_200) throw new InputError('--session-duration must be between 900 and 43200 seconds (the AssumeRole limits)');
  const list = (value: string | undefined) =>
    value
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  for (const id of [...(list(flags.accounts) ?? []), ...(list(flags.excludeAccounts) ?? [])]) {
    if (!/^\d{12}$/.test(id)) throw new InputError(`"${id}" is not an AWS account id (12 digits)`);
  }
  const shard = parseShard(flags.shard, env);
  const accounts = list(flags.accounts);
  const excludeAccounts = list(flags.excludeAccounts);
  return {
    role: {
      roleName: flags.memberRoleName,
      ...(flags.externalId ? { externalId: flags.externalId } : {}),
      // Recognisable in the member accounts' own CloudTrail logs.
      sessionName: flags.roleSessionName,
      durationSeconds,
    },
    filters: { ...(accounts ? { accounts } : {}), ...(excludeAccounts ? { excludeAccounts } : {}), ...(flags.ou.length ? { ous: flags.ou } : {}) },
    concurrency,
    workers: flags.workers ? positiveInteger(flags.workers, '--workers') : defaultWorkers(),
    ...(shard ? { shard } : {}),
  };
}

function positiveInteger(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InputError(`${flag} must be a positive integer, got "${value}"`);
  return n;
}
