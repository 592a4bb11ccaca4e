/** The AWS targeting flags every command that talks to AWS shares, as the AWS CLI spells them. */
import { Option, type Command } from 'commander';
import { resolveTarget, type AwsTarget } from '../collect/aws-target.js';
import { InputError } from '../errors.js';

export interface AwsFlags {
  profile?: string;
  roleArn?: string;
  externalId?: string;
  roleSessionName?: string;
  region?: string;
  endpointUrl?: string;
  maxAttempts?: string;
}

/** What --role-arn and --region mean for a command that is not a scan. */
export interface AwsOptionHelp {
  roleArn?: string;
  region?: string;
}

export function addAwsOptions(command: Command, help: AwsOptionHelp = {}): Command {
  return command
    .option('--profile <name>', 'AWS profile from the shared config and credentials files')
    .option('--role-arn <arn>', help.roleArn ?? 'assume this role before scanning')
    .option('--external-id <id>', 'external id for --role-arn (and member roles in a sweep)')
    .option('--role-session-name <name>', 'session name for assumed roles', 'trailguard-scan')
    .option('--region <region>', help.region ?? 'region for global calls (STS, Organizations, ListTrails)')
    .option('--endpoint-url <url>', 'send every AWS call to this endpoint (simulator, LocalStack, moto); AWS_ENDPOINT_URL also works')
    .addOption(new Option('--max-attempts <n>', 'attempts per AWS call under adaptive retries').default('8'));
}

export function targetFromFlags(flags: AwsFlags, env: NodeJS.ProcessEnv): AwsTarget {
  const maxAttempts = Number(flags.maxAttempts ?? '8');
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new InputError(`--max-attempts must be a positive integer, got "${flags.maxAttempts}"`);
  if (flags.roleArn && !/^arn:aws[a-z-]*:iam::\d{12}:role\/.+/.test(flags.roleArn)) {
    throw new InputError(`--role-arn "${flags.roleArn}" is not an IAM role ARN (arn:aws:iam::<account>:role/<name>)`);
  }
  return resolveTarget(
    {
      ...(flags.profile ? { profile: flags.profile } : {}),
      ...(flags.roleArn ? { roleArn: flags.roleArn } : {}),
      ...(flags.externalId ? { externalId: flags.externalId } : {}),
      ...(flags.roleSessionName ? { roleSessionName: flags.roleSessionName } : {}),
      ...(flags.region ? { region: flags.region } : {}),
      ...(flags.endpointUrl ? { endpointUrl: flags.endpointUrl } : {}),
      maxAttempts,
    },
    env,
  );
}

/** --regions us-east-1,eu-west-1 → ['us-east-1', 'eu-west-1']. */
export function parseRegionList(value: string | undefined): string[] | undefined {
  if (!value) return undefined;
  const regions = value.split(',').map((r) => r.trim()).filter(Boolean);
  for (const r of regions) {
    if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(r)) throw new InputError(`--regions: "${r}" is not a region name (like eu-west-1)`);
  }
  return regions;
}
