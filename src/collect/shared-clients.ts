/**
 * SDK clients shared by every account a thread reads: one per (client class, region, endpoint
 * settings), whichever account calls. Building and first-resolving an SDK client costs more CPU
 * than a call (config provider chains, middleware stack, endpoint rules); a sweep reads 1,000
 * accounts × 17 regions × a dozen services, so one client per account made client set-up the
 * largest cost of a sweep.
 *
 * What is the account's own travels with each call instead: ClientCache (clients.ts) tags the
 * command with its account, the SDK carries the command's fields down its middleware chain, and
 * this module's retry middleware (in place of the SDK's) hands the SDK's retry loop that
 * account's retry strategy (its adaptive rate limiter is the account's, as before) and tags the
 * request for the `signer`, which signs with that account's credentials. The shared client's own
 * credentials are a placeholder that no request is signed with, and a call that reaches a shared
 * client without an account fails: nothing is ever signed with a guess.
 *
 * An AsyncLocalStorage would carry the account too, but on Node 20 its promise hooks cost every
 * promise in the thread, about a tenth of a sweep's CPU.
 */
import { retryMiddleware, retryMiddlewareOptions } from '@smithy/core/retry';
import type { AuthScheme, FinalizeHandler, FinalizeHandlerArguments, HandlerExecutionContext, Logger, MetadataBearer, RequestSigner, RetryStrategyV2 } from '@aws-sdk/types';
import type { AwsTarget } from './aws-target.js';
import { requestHandler, type ConnectionPool } from './connections.js';

/** The shape every SDK v3 client constructor shares, as far as trailguard uses it. */
export type ClientConstructor<C> = new (config: Record<string, unknown>) => C;

/** The settings of a shared SDK client: its resolved config, as the account's signer needs it. */
export type SharedConfig = Record<string, unknown>;

/** A shared client as its callers' accounts know it: an account keeps a signer and a retry strategy per (class, region). */
export interface ClientKey {
  name: string;
  region: string;
}

/** What a call needs from the account it is made for. */
export interface AccountCalls {
  /** A SigV4 signer holding the account's credentials, for this shared client. */
  signer(client: ClientKey, authScheme: AuthScheme | undefined, config: SharedConfig): Promise<RequestSigner>;
  /** The account's retry strategy for this shared client. */
  retryStrategy(client: ClientKey): RetryStrategyV2;
}

// The SDK warns once per process that its releases after January 2027 will need Node 22.
// trailguard supports Node 20 (engines) with pinned SDK versions, so the notice says nothing
// to its users and litters every run's stderr. This is the SDK's documented switch for that
// one warning (aws/aws-sdk-js-v3#7983); a user's own setting wins.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/** Where a command, and then its HTTP request, carries the account it is sent for. */
const CALLER = Symbol('trailguard.caller');

type Tagged = Record<typeof CALLER, AccountCalls | undefined>;

/** Sends `command` on a shared client as `account`'s. Each send needs its own command object (the SDK's paginators make one per page). */
export function sendAs(account: AccountCalls, client: { send(...args: unknown[]): unknown }, command: unknown, rest: unknown[]): unknown {
  (command as Tagged)[CALLER] = account;
  return client.send(command, ...rest);
}

function callerOf(carrier: unknown): AccountCalls {
  const account = (carrier as Partial<Tagged> | undefined)?.[CALLER];
  // Only ClientCache's views reach a shared client; anything else is a bug, not a guess at credentials.
  if (!account) throw new Error('trailguard: an SDK call reached a shared client without its account');
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

  get<C>(ctor: ClientConstructor<C>, region: string, target: AwsTarget, fixedEndpoint: boolean): C {
    let clients = this.byClass.get(ctor);
    if (!clients) this.byClass.set(ctor, (clients = new Map<string, unknown>()));
    const settings = `${region}/${settingsKey(target, fixedEndpoint)}`;
    let client = clients.get(settings) as C | undefined;
    if (!client) clients.set(settings, (client = this.build(ctor, region, target, fixedEndpoint)));
    return client;
  }

  private build<C>(ctor: ClientConstructor<C>, region: string, target: AwsTarget, fixedEndpoint: boolean): C {
    const endpointUrl = target.endpointUrl;
    const key: ClientKey = { name: ctor.name, region };
    let config: SharedConfig = {};
    const client = new ctor({
      region,
      credentials: PLACEHOLDER_CREDENTIALS,
      // A documented client setting: the SDK asks for a signer per call.
      signer: (authScheme?: AuthScheme) => Promise.resolve(accountSigner(key, authScheme, config)),
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
    }) as C & { config: SharedConfig; middlewareStack: { add(middleware: unknown, options: unknown): void } };
    config = client.config;
    // Replaces the SDK's retry middleware (same name, step and priority) with the same loop under the caller's strategy.
    client.middlewareStack.add(accountRetryMiddleware(key, target.maxAttempts, config), retryMiddlewareOptions);
    return client;
  }
}

/**
 * The SDK's retry middleware, run per call with the calling account's retry strategy; it also
 * tags the request, which the signer sees, with the account.
 */
function accountRetryMiddleware(key: ClientKey, maxAttempts: number, config: SharedConfig) {
  const attempts = () => Promise.resolve(maxAttempts);
  return <Output extends MetadataBearer>(next: FinalizeHandler<object, Output>, context: HandlerExecutionContext): FinalizeHandler<object, Output> =>
    (args: FinalizeHandlerArguments<object>) => {
      const account = callerOf(args);
      (args.request as Tagged)[CALLER] = account;
      const strategy = account.retryStrategy(key);
      return retryMiddleware({ maxAttempts: attempts, retryStrategy: () => Promise.resolve(strategy), ...(config.logger ? { logger: config.logger as Logger } : {}) })(next, context)(args);
    };
}

/** Signs with the credentials of the account the request was tagged with. */
function accountSigner(key: ClientKey, authScheme: AuthScheme | undefined, config: SharedConfig): RequestSigner {
  return {
    sign: async (request, options) => (await callerOf(request).signer(key, authScheme, config)).sign(request, options),
  };
}

const sharedByPool = new WeakMap<ConnectionPool, SharedClients>();

/** The shared clients on `pool`'s connections. */
export function sharedClients(pool: ConnectionPool): SharedClients {
  let shared = sharedByPool.get(pool);
  if (!shared) sharedByPool.set(pool, (shared = new SharedClients(pool)));
  return shared;
}
