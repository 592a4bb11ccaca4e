/**
 * How to reach AWS for one account: credentials, endpoint override and retry policy, as the
 * AWS CLI's users know them (default provider chain, --profile, --role-arn, AWS_ENDPOINT_URL).
 */
import { fromNodeProviderChain, fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { doesIdentityRequireRefresh, isIdentityExpired, memoizeIdentityProvider } from '@smithy/core';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@aws-sdk/types';
import { holding, redactHeld } from '../util/held-secrets.js';

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

/** Resolves options (flags first, then environment) into a target. Credentials stay lazy. */
export function resolveTarget(options: TargetOptions, env: NodeJS.ProcessEnv = process.env): AwsTarget {
  const globalRegion = options.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'us-east-1';
  const endpointUrl = options.endpointUrl ?? env.AWS_ENDPOINT_URL ?? undefined;
  const base = holding(fromNodeProviderChain(options.profile ? { profile: options.profile } : {}));
  const credentials = options.roleArn
    ? sharedHeld(
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
    maxAttempts: options.maxAttempts ?? 8,
    requestTimeoutMs: options.requestTimeoutMs ?? 30_000,
  };
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
function sharedHeld(provider: AwsCredentialIdentityProvider): AwsCredentialIdentityProvider {
  return memoizeIdentityProvider(holding(provider), isIdentityExpired, doesIdentityRequireRefresh)!;
}

/** The target for a member account: the member role assumed with the caller's credentials. */
export function memberTarget(base: AwsTarget, accountId: string, partition: string, role: MemberRole): AwsTarget {
  const assumeRole = fromTemporaryCredentials({
    masterCredentials: holding(base.credentials),
    params: {
      RoleArn: `arn:${partition}:iam::${accountId}:role/${role.roleName}`,
      RoleSessionName: role.sessionName,
      DurationSeconds: role.durationSeconds,
      ...(role.externalId ? { ExternalId: role.externalId } : {}),
    },
    clientConfig: {
      region: base.globalRegion,
      maxAttempts: base.maxAttempts,
      ...(base.endpointUrl ? { endpoint: base.endpointUrl } : {}),
    },
  });
  return { ...base, credentials: sharedHeld(assumeRole) };
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
