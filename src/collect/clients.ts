/** An account's SDK clients: the thread's shared clients, called with the account's credentials and retry strategies. */
import { doesIdentityRequireRefresh, isIdentityExpired, memoizeIdentityProvider } from '@smithy/core';
import { AdaptiveRetryStrategy, DefaultRateLimiter } from '@smithy/core/retry';
import { SignatureV4 } from '@smithy/signature-v4';
import type { AuthScheme, AwsCredentialIdentityProvider, RequestSigner, RetryErrorInfo, RetryStrategyV2, RetryToken } from '@aws-sdk/types';

import { holding } from '../util/held-secrets.js';
import type { AwsTarget } from './aws-target.js';
import { ConnectionPool } from './connections.js';
import { sendAs, sharedClients, type AccountCalls, type ClientConstructor, type ClientKey, type SharedConfig } from './shared-clients.js';

/**
 * The SDK's adaptive retry mode with bounded attempts (tuned delays only when the target asks),
 * under a budget for hangs: a call that timed out is retried once, and a second timeout ends it.
 * The SDK counts a timeout as transient and would wait out every attempt.
 */
function retryStrategy(target: AwsTarget): RetryStrategyV2 {
  const tuning = target.retryTuning;
  const strategy = tuning
    ? new AdaptiveRetryStrategy(target.maxAttempts, {
        rateLimiter: new DefaultRateLimiter({ minFillRate: tuning.minFillRate }),
        backoff: {
          computeNextBackoffDelay: (attempt: number) => Math.random() * tuning.baseDelayMs * 2 ** Math.min(attempt, 6),
          setDelayBase: () => undefined,
        },
      })
    : new AdaptiveRetryStrategy(target.maxAttempts);
  return new TimeoutBudget(strategy);
}

/** At most one retry after a timeout, whatever the attempts left for other errors. */
class TimeoutBudget implements RetryStrategyV2 {
  private readonly timedOut = new WeakSet<RetryToken>();

  constructor(private readonly inner: RetryStrategyV2) {}

  acquireInitialRetryToken(scope: string): Promise<RetryToken> {
    return this.inner.acquireInitialRetryToken(scope);
  }

  async refreshRetryTokenForRetry(token: RetryToken, info: RetryErrorInfo): Promise<RetryToken> {
    const timeout = isTimeout(info.error);
    // Throwing here makes the SDK give up with the call's own (timeout) error.
    if (timeout && info.error && this.timedOut.has(token)) throw info.error;
    const next = await this.inner.refreshRetryTokenForRetry(token, info);
    if (timeout || this.timedOut.has(token)) this.timedOut.add(next);
    return next;
  }

  recordSuccess(token: RetryToken): void {
    this.inner.recordSuccess(token);
  }
}

export function isTimeout(error: unknown): boolean {
  return (error as { name?: string } | undefined)?.name === 'TimeoutError';
}

/**
 * An account's clients: the thread's shared SDK clients (shared-clients.ts), each call made as
 * this account's (its credentials, its retry strategy per service and region).
 */
export class ClientCache implements AccountCalls {
  /** Per region: what release() forgets at once. */
  private readonly regions = new Map<string, RegionState>();
  private readonly pool: ConnectionPool;
  /** Whether destroy() closes the pool: only one this cache made for itself. */
  private readonly ownsPool: boolean;
  /** Resolved once per account and refreshed before expiry, as each SDK client would. */
  private readonly credentials: AwsCredentialIdentityProvider;

  /** `pool`: shared with other accounts' caches (and left open by destroy()); else one of its own. */
  constructor(
    private readonly target: AwsTarget,
    pool?: ConnectionPool,
  ) {
    // Remembered as resolved, so that an endpoint echoing them in an error message is redacted.
    this.credentials = memoizeIdentityProvider(holding(target.credentials), isIdentityExpired, doesIdentityRequireRefresh)!;
    this.pool = pool ?? new ConnectionPool();
    this.ownsPool = !pool;
  }

  /**
   * `fixedEndpoint`: with an endpoint override, send every request to exactly that URL. S3
   * Control needs it: its endpoint rules put the account id in front of the host
   * (`<account>.<host>`), which no custom endpoint resolves; the account travels in the
   * x-amz-account-id header anyway.
   */
  get<C>(ctor: ClientConstructor<C>, region: string, options: { fixedEndpoint?: boolean } = {}): C {
    const fixedEndpoint = options.fixedEndpoint ?? false;
    const views = this.region(region).views;
    const viewKey = `${ctor.name}/${fixedEndpoint}`;
    let view = views.get(viewKey) as C | undefined;
    if (!view) {
      const shared = sharedClients(this.pool).get(ctor, region, this.target, fixedEndpoint) as { send(...args: unknown[]): unknown };
      // The shared client itself, but every send (paginators' too) made as this account's.
      view = Object.create(shared, { send: { value: (command: unknown, ...rest: unknown[]) => sendAs(this, shared, command, rest) } }) as C;
      views.set(viewKey, view);
    }
    return view;
  }

  signer(client: ClientKey, authScheme: AuthScheme | undefined, config: SharedConfig): Promise<RequestSigner> {
    const signers = this.region(client.region).signers;
    let signer = signers.get(client.name);
    if (!signer) signers.set(client.name, (signer = accountSigner(config, authScheme, this.credentials)));
    return signer;
  }

  retryStrategy(client: ClientKey): RetryStrategyV2 {
    const retries = this.region(client.region).retries;
    let strategy = retries.get(client.name);
    if (!strategy) retries.set(client.name, (strategy = retryStrategy(this.target)));
    return strategy;
  }

  /**
   * Forgets the account's state for a region (not the global region's, which global calls
   * share): its retry strategies and signers. The shared clients stay, for other accounts.
   */
  release(region: string): void {
    if (region !== this.target.globalRegion) this.regions.delete(region);
  }

  /** Forgets the account's state; closes the connections unless the pool is shared (its owner does). */
  destroy(): void {
    this.regions.clear();
    if (this.ownsPool) this.pool.destroy();
  }

  private region(region: string): RegionState {
    let state = this.regions.get(region);
    if (!state) this.regions.set(region, (state = { views: new Map(), signers: new Map(), retries: new Map() }));
    return state;
  }
}

/** An account's clients, signers and retry strategies in one region, by client class name. */
interface RegionState {
  views: Map<string, unknown>;
  signers: Map<string, Promise<RequestSigner>>;
  retries: Map<string, RetryStrategyV2>;
}

/**
 * The signer the SDK would build for this client and auth scheme, holding the account's
 * credentials (the SDK builds a new one per call, from a copy of the whole client config).
 */
async function accountSigner(config: SharedConfig, authScheme: AuthScheme | undefined, credentials: AwsCredentialIdentityProvider): Promise<RequestSigner> {
  const region = authScheme?.signingRegion ?? (await (config.region as () => Promise<string>)());
  const service = (config.signingName ?? authScheme?.signingName ?? config.defaultSigningName ?? config.serviceId) as string;
  // S3's SignatureV4MultiRegion (SigV4a for multi-region access points), else plain SigV4.
  const SignerCtor = (config.signerConstructor ?? SignatureV4) as new (options: Record<string, unknown>) => RequestSigner;
  return new SignerCtor({ credentials, region, service, sha256: config.sha256, uriEscapePath: config.signingEscapePath, applyChecksum: config.applyChecksum, runtime: config.runtime });
}
