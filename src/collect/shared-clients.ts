/**
 * SDK clients shared by every account a thread reads: one per (client class, region, endpoint
 * settings), whichever account calls. Building and first-resolving an SDK client costs more CPU
 * than a call (config provider chains, middleware stack, endpoint rules); a sweep reads 1,000
 * accounts × 17 regions × a dozen services, so one client per account made client set-up the
 * largest cost of a sweep.
 *
 * What is the account's own travels with each call instead, in an AsyncLocalStorage set by the
 * account's ClientCache (clients.ts): the signer, holding that account's credentials, and the
 * retry strategy (its adaptive rate limiter is the account's, as before). The shared client's
 * own credentials are a placeholder that no request is signed with: the SDK's SigV4 signers take
 * their credentials from the `signer` given here, and a call outside any account is refused.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { AuthScheme, RequestSigner, RetryErrorInfo, RetryStrategyV2, RetryToken } from '@aws-sdk/types';

import type { AwsTarget } from './aws-target.js';
import { requestHandler, type ConnectionPool } from './connections.js';

/** The shape every SDK v3 client constructor shares, as far as trailguard uses it. */
export type ClientConstructor<C> = new (config: Record<string, unknown>) => C;

/** The settings of a shared SDK client: its resolved config, as the account's signer needs it. */
export type SharedConfig = Record<string, unknown>;

/** What a call needs from the account it is made for. */
export interface AccountCalls {
  /** A SigV4 signer holding the account's credentials, for this shared client. */
  signer(clientKey: string, authScheme: AuthScheme | undefined, config: SharedConfig): Promise<RequestSigner>;
  /** The account's retry strategy for this (client class, region). */
  retryStrategy(clientKey: string): RetryStrategyV2;
}

// The SDK warns once per process that its releases after January 2027 will need Node 22.
// trailguard supports Node 20 (engines) with pinned SDK versions, so the notice says nothing
// to its users and litters every run's stderr. This is the SDK's documented switch for that
// one warning (aws/aws-sdk-js-v3#7983); a user's own setting wins.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const callingAccount = new AsyncLocalStorage<AccountCalls>();

/** Runs `call` (an SDK send) as `account`'s: signed with its credentials, retried under its strategy. */
export function callAs<T>(account: AccountCalls, call: () => T): T {
  return callingAccount.run(account, call);
}

function currentAccount(): AccountCalls {
  const account = callingAccount.getStore();
  // Only ClientCache's clients reach a shared client; anything else is a bug, not a guess at credentials.
  if (!account) throw new Error('trailguard: an SDK call was made outside any account');
  return account;
}

/** Never signs anything (see the module comment); the SDK wants some identity resolved. */
const PLACEHOLDER_CREDENTIALS = { accessKeyId: 'trailguard-shared-client', secretAccessKey: 'trailguard-shared-client' };

/** The settings of a target that a shared client is built from: everything but the credentials. */
function settingsKey(target: AwsTarget, fixedEndpoint: boolean): string {
  return JSON.stringify([target.endpointUrl ?? null, fixedEndpoint, target.requestTimeoutMs, target.maxAttempts]);
}

/** The shared clients of one connection pool (a thread's sweep shares one pool by all accounts). */
export class SharedClients {
  private readonly byClass = new Map<ClientConstructor<unknown>, Map<string, unknown>>();

  constructor(private readonly pool: ConnectionPool) {}

  /** `key` names the (client class, region) to the account's signers and retry strategies. */
  get<C>(ctor: ClientConstructor<C>, region: string, target: AwsTarget, fixedEndpoint: boolean): { client: C; key: string } {
    const key = `${ctor.name}/${region}`;
    let clients = this.byClass.get(ctor);
    if (!clients) this.byClass.set(ctor, (clients = new Map<string, unknown>()));
    const settings = `${region}/${settingsKey(target, fixedEndpoint)}`;
    let client = clients.get(settings) as C | undefined;
    if (!client) clients.set(settings, (client = this.build(ctor, region, target, fixedEndpoint, key)));
    return { client, key };
  }

  private build<C>(ctor: ClientConstructor<C>, region: string, target: AwsTarget, fixedEndpoint: boolean, key: string): C {
    const endpointUrl = target.endpointUrl;
    const client = new ctor({
      region,
      credentials: PLACEHOLDER_CREDENTIALS,
      // Resolved per call, for the calling account: both are documented client settings.
      signer: (authScheme?: AuthScheme) => currentAccount().signer(key, authScheme, (client as { config: SharedConfig }).config),
      retryStrategy: new AccountRetryStrategy(key),
      maxAttempts: target.maxAttempts,
      // The middleware chain is built once per command type, not again on every call.
      cacheMiddleware: true,
      requestHandler: requestHandler(this.pool, target),
      // Directory buckets' session auth would sign with the placeholder: plain SigV4 instead. CloudTrail can't log to one.
      disableS3ExpressSessionAuth: true,
      ...(endpointUrl
        ? // Custom endpoints (simulator, LocalStack) can't resolve <bucket>.host names.
          // FIPS and dual-stack never apply to them, and settling each client's provider chains costs a sweep dearly.
          { endpoint: endpointUrl, forcePathStyle: true, disableHostPrefix: true, useFipsEndpoint: false, useDualstackEndpoint: false }
        : {}),
      ...(endpointUrl && fixedEndpoint ? { endpointProvider: () => ({ url: new URL(endpointUrl) }) } : {}),
    });
    return client;
  }
}

/** The calling account's retry strategy, looked up per call; each token stays with the strategy that issued it. */
class AccountRetryStrategy implements RetryStrategyV2 {
  private readonly issuedBy = new WeakMap<RetryToken, RetryStrategyV2>();

  constructor(private readonly clientKey: string) {}

  async acquireInitialRetryToken(scope: string): Promise<RetryToken> {
    const strategy = currentAccount().retryStrategy(this.clientKey);
    const token = await strategy.acquireInitialRetryToken(scope);
    this.issuedBy.set(token, strategy);
    return token;
  }

  async refreshRetryTokenForRetry(token: RetryToken, info: RetryErrorInfo): Promise<RetryToken> {
    const strategy = this.strategyOf(token);
    const next = await strategy.refreshRetryTokenForRetry(token, info);
    this.issuedBy.set(next, strategy);
    return next;
  }

  recordSuccess(token: RetryToken): void {
    this.strategyOf(token).recordSuccess(token);
  }

  private strategyOf(token: RetryToken): RetryStrategyV2 {
    const strategy = this.issuedBy.get(token);
    if (!strategy) throw new Error('trailguard: a retry token from no account');
    return strategy;
  }
}

const sharedByPool = new WeakMap<ConnectionPool, SharedClients>();

/** The shared clients on `pool`'s connections. */
export function sharedClients(pool: ConnectionPool): SharedClients {
  let shared = sharedByPool.get(pool);
  if (!shared) sharedByPool.set(pool, (shared = new SharedClients(pool)));
  return shared;
}
