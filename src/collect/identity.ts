/** STS and the account's regions: who we are, and which regions must be covered. */
import { AccountClient, ListRegionsCommand } from '@aws-sdk/client-account';
import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { InputError } from '../errors.js';
import type { AccountInventory, ApiError, RegionInfo } from '../inventory/types.js';
import { visible } from '../util/visible-text.js';
import type { AwsTarget } from './aws-target.js';
import { ClientCache } from './clients.js';
import { paginate, Session, type CallEvent, type RawResponse } from './session.js';

export async function collectCallerIdentity(session: Session): Promise<AccountInventory['CallerIdentity']> {
  const region = session.globalRegion;
  const outcome = await session.call({ service: 'sts', operation: 'GetCallerIdentity', region }, () => session.clients.get(STSClient, region).send(new GetCallerIdentityCommand({})));
  if (outcome.kind !== 'ok') return undefined;
  const { Account, Arn, UserId } = outcome.value;
  return { ...(Account ? { Account } : {}), ...(Arn ? { Arn } : {}), ...(UserId ? { UserId } : {}) };
}

/** Who the credentials belong to, learnt before anything else is read. */
export interface Caller {
  identity: NonNullable<AccountInventory['CallerIdentity']> & { Account: string };
  /** aws, aws-cn, aws-us-gov: from the caller's ARN. */
  partition: string;
  /** The GetCallerIdentity response, for the evidence bundle. */
  raw: RawResponse[];
}

/**
 * Identifies the caller with sts:GetCallerIdentity, which needs no permission: if it fails, the
 * credentials are missing, invalid or expired, and every verdict that followed would be about
 * nobody. That is an input error naming what to fix, before any report can be written.
 */
export async function identifyCaller(target: AwsTarget, onCall?: (event: CallEvent) => void): Promise<Caller> {
  const clients = new ClientCache(target);
  const session = new Session({ accountId: 'unknown', partition: 'aws', globalRegion: target.globalRegion, clients, keepRaw: true, ...(onCall ? { onCall } : {}) });
  try {
    const identity = await collectCallerIdentity(session);
    if (identity?.Account) {
      session.bindAccount(identity.Account);
      // arn:<partition>:sts::...
      return { identity: { ...identity, Account: identity.Account }, partition: identity.Arn?.split(':')[1] || 'aws', raw: session.raw };
    }
    throw new InputError(`cannot identify the caller: ${credentialProblem(session.errors[0], target)}`);
  } finally {
    clients.destroy();
  }
}

const INVALID = new Set(['InvalidClientTokenId', 'UnrecognizedClientException', 'InvalidAccessKeyId', 'SignatureDoesNotMatch', 'IncompleteSignature', 'AuthFailure', 'InvalidToken']);
const EXPIRED = new Set(['ExpiredToken', 'ExpiredTokenException', 'RequestExpired', 'TokenRefreshRequired']);

/** What went wrong with the credentials, and what the user can do about it. */
function credentialProblem(error: ApiError | undefined, target: AwsTarget): string {
  if (!error) return 'sts:GetCallerIdentity gave no account id';
  const said = `${visible(error.errorName)}: ${visible(error.message)}`;
  if (error.errorName === 'CredentialsProviderError') {
    return `no AWS credentials found (${said}). Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, choose a profile with --profile or AWS_PROFILE, or run with an instance, container or SSO role`;
  }
  if (INVALID.has(error.errorName)) return `the credentials are not valid (${said}). Check the access key id and secret, or the profile's credentials`;
  if (EXPIRED.has(error.errorName)) return `the session has expired (${said}). Refresh it (for example \`aws sso login\`) or get new temporary credentials`;
  if (error.errorName.startsWith('AccessDenied') && target.assumedRole) return `cannot assume ${target.assumedRole} (${said}). Check the role's trust policy and --external-id`;
  return `sts:GetCallerIdentity in ${target.globalRegion}${target.endpointUrl ? ` at ${target.endpointUrl}` : ''} failed (${said})`;
}

const ENABLED_STATUSES = new Set(['ENABLED', 'ENABLED_BY_DEFAULT', 'opt-in-not-required', 'opted-in']);

/**
 * Every region with its opt-in status: account:ListRegions first (it knows the account's own
 * opt-ins), ec2:DescribeRegions(AllRegions) when that is denied. `only` narrows what is scanned;
 * the rest stay listed as excluded so rules can tell "not scanned" from "not enabled".
 */
export async function collectRegions(session: Session, only?: readonly string[]): Promise<RegionInfo[] | undefined> {
  const region = session.globalRegion;
  const account = session.clients.get(AccountClient, region);
  const listed = await paginate(
    session,
    { service: 'account', operation: 'ListRegions', region },
    (NextToken) => account.send(new ListRegionsCommand({ NextToken })),
    (o) => o.NextToken,
    (o) => o.Regions,
  );
  let regions: Array<{ name: string; status: string }> | undefined;
  if (listed.complete) {
    regions = listed.items.map((r) => ({ name: r.RegionName ?? '', status: r.RegionOptStatus ?? '' }));
  } else {
    const described = await session.call({ service: 'ec2', operation: 'DescribeRegions', region, params: { AllRegions: true } }, () =>
      session.clients.get(EC2Client, region).send(new DescribeRegionsCommand({ AllRegions: true })),
    );
    if (described.kind !== 'ok') return undefined;
    // The fallback worked: the ListRegions denial says nothing about the account's configuration.
    session.errors.splice(session.errors.indexOf(listed.error!), 1);
    regions = (described.value.Regions ?? []).map((r) => ({ name: r.RegionName ?? '', status: r.OptInStatus ?? '' }));
  }
  return regions
    .filter((r) => r.name)
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((r) => ({
      RegionName: r.name,
      RegionOptStatus: r.status,
      Enabled: ENABLED_STATUSES.has(r.status),
      ...(only && !only.includes(r.name) ? { Excluded: true } : {}),
    }));
}
