/**
 * The AWS targeting flags every command that talks to AWS shares, as the AWS CLI spells them.
 * The collectors (and the AWS SDK with them) load only when a command connects, not for --help.
 */
import { Option, type Command } from 'commander';
import type { AwsTarget, TargetOptions } from '../collect/aws-target.js';
import type { Caller } from '../collect/identity.js';
import { InputError } from '../errors.js';

/** The target's options as typed on the command line: numbers are checked by targetFromFlags. */
export interface AwsFlags extends Omit<TargetOptions, 'maxAttempts' | 'requestTimeoutMs'> {
  maxAttempts?: string;
  /** Seconds. */
  requestTimeout?: string;
}

/** What --role-arn and --region mean for a command that is not a scan. */
export interface AwsOptionHelp {
  roleArn?: string;
  region?: string;
}

export function addAwsOptions(command: Command, help: AwsOptionHelp = {}): Command {
  return command
    .option('--profile <name>', 'AWS profile from the shared config and credentials files (its region and endpoint_url apply too)')
    .option('--role-arn <arn>', help.roleArn ?? 'assume this role before scanning')
    .option('--external-id <id>', 'external id for --role-arn (and member roles in a sweep)')
    .option('--role-session-name <name>', 'session name for assumed roles', 'trailguard-scan')
    .option('--region <region>', help.region ?? 'region for global calls (STS, Organizations, ListTrails)')
    .option('--endpoint-url <url>', 'send every AWS call to this endpoint (simulator, LocalStack, moto); AWS_ENDPOINT_URL also works')
    .addOption(new Option('--max-attempts <n>', 'attempts per AWS call under adaptive retries (a call that timed out is retried once)').default('8'))
    .addOption(new Option('--request-timeout <seconds>', 'seconds without an answer before a request times out').default('30'));
}

/** The target the flags describe (a bad flag, profile or region name is an input error). Nothing is called yet. */
export async function targetFromFlags(flags: AwsFlags, env: NodeJS.ProcessEnv): Promise<AwsTarget> {
  const maxAttempts = Number(flags.maxAttempts ?? '8');
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new InputError(`--max-attempts must be a positive integer, got "${flags.maxAttempts}"`);
  const timeoutSeconds = Number(flags.requestTimeout ?? '30');
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0) throw new InputError(`--request-timeout must be a positive number of seconds, got "${flags.requestTimeout}"`);
  if (flags.roleArn && !/^arn:aws[a-z-]*:iam::\d{12}:role\/.+/.test(flags.roleArn)) {
    throw new InputError(`--role-arn "${flags.roleArn}" is not an IAM role ARN (arn:aws:iam::<account>:role/<name>)`);
  }
  const { resolveTarget } = await import('../collect/aws-target.js');
  return resolveTarget(
    {
      ...(flags.profile ? { profile: flags.profile } : {}),
      ...(flags.roleArn ? { roleArn: flags.roleArn } : {}),
      ...(flags.externalId ? { externalId: flags.externalId } : {}),
      ...(flags.roleSessionName ? { roleSessionName: flags.roleSessionName } : {}),
      ...(flags.region ? { region: flags.region } : {}),
      ...(flags.endpointUrl ? { endpointUrl: flags.endpointUrl } : {}),
      maxAttempts,
      requestTimeoutMs: Math.round(timeoutSeconds * 1000),
    },
    env,
  );
}

export interface Connection {
  target: AwsTarget;
  caller: Caller;
  /** --regions, checked against the caller's partition. */
  regions?: string[];
}

/**
 * What every command that reads AWS does first: resolve the target, identify the caller (no
 * credentials, invalid or expired ones: exit 2, nothing read, nothing written), and check
 * --regions against the caller's partition.
 */
export async function connect(flags: AwsFlags & { regions?: string }, env: NodeJS.ProcessEnv): Promise<Connection> {
  const [{ identifyCaller }, { checkRegionName }] = await Promise.all([import('../collect/identity.js'), import('../collect/region-names.js')]);
  const target = await targetFromFlags(flags, env);
  const regions = parseRegionList(flags.regions);
  // A misspelt region fails before any call; one of another partition once the caller's is known.
  for (const region of regions ?? []) checkRegionName(region, '--regions');
  const caller = await identifyCaller(target);
  for (const region of regions ?? []) checkRegionName(region, '--regions', caller.partition);
  return { target, caller, ...(regions ? { regions } : {}) };
}

/** --regions us-east-1,eu-west-1 → ['us-east-1', 'eu-west-1']. */
function parseRegionList(value: string | undefined): string[] | undefined {
  if (!value) return undefined;
  const regions = [
    ...new Set(
      value
        .split(',')
        .map((r) => r.trim())
        .filter(Boolean),
    ),
  ];
  if (regions.length === 0) throw new InputError('--regions: no region given');
  return regions;
}
