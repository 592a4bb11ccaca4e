/** One SDK client per (service, region) for an account, configured once: endpoint, retries, timeouts. */
import { AdaptiveRetryStrategy, DefaultRateLimiter } from '@smithy/core/retry';
import type { RetryErrorInfo, RetryStrategyV2, RetryToken } from '@aws-sdk/types';
import { holding } from '../util/held-secrets.js';
import type { AwsTarget } from './aws-target.js';
import { ConnectionPool, requestHandler } from './connections.js';

/** The shape every SDK v3 client constructor shares, as far as trailguard uses it. */
export type ClientConstructor<C> = new (config: Record<string, unknown>) => C;

// The SDK warns once per process that its releases after January 2027 will need Node 22.
// trailguard supports Node 20 (engines) with pinned SDK versions, so the notice says nothing
// to its users and litters every run's stderr. This is the SDK's documented switch for that
// one warning (aws/aws-sdk-js-v3#7983); a user's own setting wins.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/**
 * The SDK's adaptive retry mode with bounded attempts (tuned delays only when the target asks),
 * under a budget for hangs: a call that timed out is retried once, and a second timeout ends it.
 * The SDK counts a timeout as transient and would wait out every attempt.
 */
function retryConfig(target: AwsTarget): Record<string, unknown> {
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
  return { maxAttempts: target.maxAttempts, retryStrategy: new TimeoutBudget(strategy) };
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

/** One client per (service, region) for an account, all on one connection pool. */
export class ClientCache {
  private readonly clients = new Map<string, unknown>();
  private readonly pool: ConnectionPool;
  /** Whether destroy() closes the pool: only one this cache made for itself. */
  private readonly ownsPool: boolean;
  private readonly credentials: AwsTarget['credentials'];

  /** `pool`: shared with other accounts' caches (and left open by destroy()); else one of its own. */
  constructor(
    private readonly target: AwsTarget,
    pool?: ConnectionPool,
  ) {
    // Remembered as resolved, so that an endpoint echoing them in an error message is redacted.
    this.credentials = holding(target.credentials);
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
    const key = `${ctor.name}/${region}`;
    const endpointUrl = this.target.endpointUrl;
    let client = this.clients.get(key) as C | undefined;
    if (!client) {
      client = new ctor({
        region,
        credentials: this.credentials,
        ...retryConfig(this.target),
        // The middleware chain is built once per command type, not again on every call.
        cacheMiddleware: true,
        requestHandler: requestHandler(this.pool, this.target),
        ...(endpointUrl
          ? // Custom endpoints (simulator, LocalStack) can't resolve <bucket>.host names.
            // FIPS and dual-stack never apply to them, and settling each client's provider chains costs a sweep dearly.
            { endpoint: endpointUrl, forcePathStyle: true, disableHostPrefix: true, useFipsEndpoint: false, useDualstackEndpoint: false }
          : {}),
        ...(endpointUrl && options.fixedEndpoint ? { endpointProvider: () => ({ url: new URL(endpointUrl) }) } : {}),
      });
      this.clients.set(key, client);
    }
    return client;
  }

  /**
   * Forgets the clients of a region (not the global region's, which global calls share).
   * They are not destroyed: that would close the account's connection pool under calls in
   * flight; once unreferenced they are collected, and a later call makes a new one.
   */
  release(region: string): void {
    if (region === this.target.globalRegion) return;
    for (const key of [...this.clients.keys()]) if (key.endsWith(`/${region}`)) this.clients.delete(key);
  }

  /** Forgets the clients; closes their connections unless the pool is shared (its owner does). */
  destroy(): void {
    // A client's destroy() only closes its handler's agents: the pool's.
    this.clients.clear();
    if (this.ownsPool) this.pool.destroy();
  }
}
