/**
 * How to reach AWS for one account: credentials, endpoint override and retry policy, as the
 * AWS CLI's users know them (default provider chain, --profile, --role-arn, AWS_ENDPOINT_URL,
 * a profile's `region` and `endpoint_url`).
 */
import { fromNodeProviderChain, fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { doesIdentityRequireRefresh, isIdentityExpired, memoizeIdentityProvider } from '@smithy/core';
import { loadSharedConfigFiles } from '@smithy/core/config';
import pLimit, { type LimitFunction } from 'p-limit';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@aws-sdk/types';
import type { NodeHttpHandler } from '@smithy/node-http-handler';
import { holding, redactHeld } from '../util/held-secrets.js';
import { InputError } from '../errors.js';
import { didYouMean } from '../util/did-you-mean.js';
import { visible } from '../util/visible-text.js';
import { checkRegionName } from './region-names.js';
import { ConnectionPool, requestHandler } from './connections.js';

/** Calls in flight per (account, region, service) by default: what keeps each AWS endpoint's request rate low (docs/sweep.md). */
export const PER_SERVICE_CONCURRENCY = 4;

export interface TargetOptions {
  profile?: string;
  roleArn?: string;
  externalId?: string;
  roleSessionName?: string;
  /** Region for global calls (STS, Organizations, ListTrails, account regions). */
  region?: string;
  /** Overrides every service endpoint (the simulator, LocalStack, moto). */
  endpointUrl?: string;
  /** Attempts per call under the SDK's adaptive retry mode. */
  maxAttempts?: number;
  /** Per-request timeout in milliseconds. */
  requestTimeoutMs?: number;
}

/** Everything a client factory needs for one account. */
export interface AwsTarget {
  credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  globalRegion: string;
  endpointUrl?: string;
  /** --role-arn, when the credentials are that role's (named in credential errors). */
  assumedRole?: string;
  maxAttempts: number;
  requestTimeoutMs: number;
  /**
   * Faster retries against a simulator: AWS's own backoff (a 500 ms base for throttling, a
   * floor of 0.5 requests/s in adaptive mode) would make a simulated throttling storm take
   * minutes. Real AWS targets leave it unset.
   */
  retryTuning?: { baseDelayMs: number; minFillRate: number };
}

export const DEFAULT_SESSION_NAME = 'trailguard-scan';

/**
 * Resolves options into a target as the AWS CLI does: flags first, then the environment, then
 * the profile's `region` and `endpoint_url`. An unknown profile or region name is an input
 * error here, before any call. Credentials stay lazy.
 */
export async function resolveTarget(options: TargetOptions, env: NodeJS.ProcessEnv = process.env): Promise<AwsTarget> {
  const profileName = options.profile ?? env.AWS_PROFILE;
  const profile = await loadProfile(profileName, options.profile ? '--profile' : 'AWS_PROFILE', env);
  const [globalRegion, regionFrom] = options.region
    ? [options.region, '--region']
    : env.AWS_REGION
      ? [env.AWS_REGION, 'AWS_REGION']
      : env.AWS_DEFAULT_REGION
        ? [env.AWS_DEFAULT_REGION, 'AWS_DEFAULT_REGION']
        : profile.region
          ? [profile.region, `the region of profile ${profileName ?? 'default'}`]
          : ['us-east-1', 'the default region'];
  checkRegionName(globalRegion, regionFrom);
  const ignoreConfigured = (env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS ?? profile.ignore_configured_endpoint_urls) === 'true';
  const endpointUrl = options.endpointUrl ?? (ignoreConfigured ? undefined : env.AWS_ENDPOINT_URL || profile.endpoint_url || undefined);
  const base = holding(
    fromNodeProviderChain({
      ...(profileName ? { profile: profileName } : {}),
      ...(env.AWS_CONFIG_FILE ? { configFilepath: env.AWS_CONFIG_FILE } : {}),
      ...(env.AWS_SHARED_CREDENTIALS_FILE ? { filepath: env.AWS_SHARED_CREDENTIALS_FILE } : {}),
    }),
  );
  const credentials = options.roleArn
    ? sharedCredentials(
        fromTemporaryCredentials({
          masterCredentials: base,
          params: {
            RoleArn: options.roleArn,
            RoleSessionName: options.roleSessionName ?? DEFAULT_SESSION_NAME,
            ...(options.externalId ? { ExternalId: options.externalId } : {}),
          },
          clientConfig: { region: globalRegion, ...(endpointUrl ? { endpoint: endpointUrl } : {}) },
        }),
      )
    : base;
  return {
    credentials,
    globalRegion,
    ...(endpointUrl ? { endpointUrl } : {}),
    ...(options.roleArn ? { assumedRole: options.roleArn } : {}),
    maxAttempts: options.maxAttempts ?? 8,
    requestTimeoutMs: options.requestTimeoutMs ?? 30_000,
  };
}

/**
 * The named profile's settings (config file first, credentials file over it, as the SDK merges
 * them), or nothing when no profile was named and there is no default one. A named profile that
 * is in neither file is an input error: the SDK would silently find no credentials.
 */
async function loadProfile(name: string | undefined, from: string, env: NodeJS.ProcessEnv): Promise<Record<string, string | undefined>> {
  const files = await loadSharedConfigFiles({
    ...(env.AWS_CONFIG_FILE ? { configFilepath: env.AWS_CONFIG_FILE } : {}),
    ...(env.AWS_SHARED_CREDENTIALS_FILE ? { filepath: env.AWS_SHARED_CREDENTIALS_FILE } : {}),
    ignoreCache: true,
  });
  const profile = { ...files.configFile[name ?? 'default'], ...files.credentialsFile[name ?? 'default'] };
  if (name && !(name in files.configFile) && !(name in files.credentialsFile)) {
    const known = [...new Set([...Object.keys(files.configFile), ...Object.keys(files.credentialsFile)])].sort();
    throw new InputError(
      `${from}: profile "${visible(name)}" is not in ${env.AWS_CONFIG_FILE ?? '~/.aws/config'} or ${env.AWS_SHARED_CREDENTIALS_FILE ?? '~/.aws/credentials'}` +
        `${known.length ? ` (profiles there: ${known.map((profile) => visible(profile)).join(', ')})` : ''}${didYouMean(name, known)}`,
    );
  }
  return profile;
}

export interface MemberRole {
  roleName: string;
  externalId?: string;
  sessionName: string;
  durationSeconds: number;
}

/**
 * An assumed-role session shared by every client of the account (one per service and region:
 * each client caches credentials on its own, so without this each would assume the role again),
 * refreshed before it expires, so long sweeps keep working past the role's duration.
 */
export function sharedCredentials(provider: AwsCredentialIdentityProvider): AwsCredentialIdentityProvider {
  return memoizeIdentityProvider(holding(provider), isIdentityExpired, doesIdentityRequireRefresh)!;
}

/** The target for a member account: the member role assumed with the caller's credentials. */
export function memberTarget(base: AwsTarget, accountId: string, partition: string, role: MemberRole): AwsTarget {
  const roleArn = `arn:${partition}:iam::${accountId}:role/${role.roleName}`;
  const caller = callerStsOf(base);
  const assumeRole = fromTemporaryCredentials({
    masterCredentials: holding(base.credentials),
    params: {
      RoleArn: roleArn,
      RoleSessionName: role.sessionName,
      DurationSeconds: role.durationSeconds,
      ...(role.externalId ? { ExternalId: role.externalId } : {}),
    },
    clientConfig: {
      region: base.globalRegion,
      maxAttempts: base.maxAttempts,
      ...(base.endpointUrl ? { endpoint: base.endpointUrl } : {}),
      requestHandler: caller.requestHandler,
    },
  });
  return { ...base, credentials: sharedCredentials((props) => caller.limit(() => assumeRole(props))), assumedRole: roleArn };
}

/** What every member's AssumeRole shares: the caller's STS endpoint, its limit and its connections. */
interface CallerSts {
  limit: LimitFunction;
  requestHandler: NodeHttpHandler;
}

const callerSts = new WeakMap<AwsTarget, CallerSts>();

/**
 * Every member's AssumeRole is an STS call by the caller's account: like any other
 * (account, region, service), at most PER_SERVICE_CONCURRENCY in flight, whatever --concurrency is,
 * on keep-alive connections shared by all members (a new one per member costs a TLS handshake).
 */
function callerStsOf(base: AwsTarget): CallerSts {
  let sts = callerSts.get(base);
  if (!sts) callerSts.set(base, (sts = { limit: pLimit(PER_SERVICE_CONCURRENCY), requestHandler: requestHandler(new ConnectionPool(), base) }));
  return sts;
}

/** Resolves the target's credentials once, so a failed AssumeRole is one clear error, not one per call. */
export async function checkCredentials(target: AwsTarget): Promise<{ errorName: string; message: string } | undefined> {
  if (typeof target.credentials !== 'function') return undefined;
  try {
    await target.credentials();
    return undefined;
  } catch (thrown) {
    const e = thrown as { name?: string; Code?: string; message?: string };
    return { errorName: e.Code ?? e.name ?? 'CredentialsError', message: redactHeld(e.message ?? String(thrown)) };
  }
}
