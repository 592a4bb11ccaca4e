/**
 * The AWS simulator's programmatic API, for tests, benchmarks and `trailguard demo`:
 * start it on a loopback port with a world, point SDK clients at it with clientConfigFor,
 * read what it served from requests / counters / mutations, inject faults at run time.
 *
 * Addressing on loopback (no DNS here: Node does not resolve `*.localhost` names):
 * - S3 path style (forcePathStyle) works against any endpoint; virtual-host style works with
 *   endpoint http://localhost:<port> and a handler that resolves `<bucket>.localhost` to
 *   127.0.0.1 (clientConfigFor(..., { virtualHost: true }) sets both up).
 * - S3 Control puts the account id in the host (`<account>.<endpoint host>`), which the SDK
 *   rejects for an IP endpoint; use the virtual-host config above, or a fixed endpointProvider
 *   (the simulator reads the account from the x-amz-account-id header either way).
 */
import { importsOf, type SecurityHubImport } from './services/securityhub.js';
import { lookup } from 'node:dns';
import { Agent } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { Faults } from './faults.js';
import { IdentityStore, type Credentials } from './identity.js';
import { Counters, type RequestRecord } from './request-log.js';
import { createSimulatorServer } from './server.js';
import { buildWorld, loadWorldFile } from './world/load.js';
import { World } from './world/model.js';
import type { WorldSpec } from './world/spec.js';

export { World } from './world/model.js';
export type { CloudTrailPublicKey, SimObject } from './world/model.js';
export type { WorldSpec, FaultSpec } from './world/spec.js';
export type { Credentials } from './identity.js';
export type { RequestRecord, CallKey } from './request-log.js';
export { loadWorldFile, parseWorld } from './world/load.js';
export { generateWorld, type GenerateOptions } from './world/generate.js';
export { MUTATION_REFUSED } from './errors.js';

export { DEMO_WORLD } from '../package-info.js';

export interface SimulatorOptions {
  /** A world, its spec, or the path of a world YAML file. */
  world: World | WorldSpec | string;
  /** Default: a free port. */
  port?: number;
  host?: string;
  /** Largest page any paginated list returns (default: each API's own maximum, or the world's options.pageSize). */
  pageSize?: number;
  /** Seeds fault rates and credentials (default: the world's options.seed, else 1). */
  seed?: number;
  /** The simulator's clock (session expiry, delivery times). Default: the real clock. */
  now?: () => Date;
  /** Request records kept in `requests` (older ones are dropped). Default 50,000. */
  maxLogEntries?: number;
}

export interface SdkClientConfig {
  endpoint: string;
  region: string;
  credentials: Credentials;
  forcePathStyle: boolean;
  /** Resolves `<bucket>.localhost` and `<account>.localhost` (S3 virtual hosts, S3 Control) to loopback. */
  requestHandler: NodeHttpHandler;
}

export interface Simulator {
  endpoint: string;
  port: number;
  world: World;
  credentialsFor(accountId: string): Credentials;
  /** SDK v3 client config for an account (path-style S3 unless virtualHost is set). */
  clientConfigFor(accountId: string, region?: string, options?: { virtualHost?: boolean; timeoutMs?: number }): SdkClientConfig;
  requests: RequestRecord[];
  counters: Counters;
  mutations: Array<{ account: string; region: string; service: string; operation: string }>;
  /** Security Hub BatchImportFindings calls: the one write the simulator serves, counted apart from the refused mutations. */
  readonly securityHubImports: SecurityHubImport[];
  faults: Faults;
  setPageSize(n: number | undefined): void;
  /** Clears the log, counters, mutations and faults added at run time (world faults come back). */
  reset(): void;
  close(): Promise<void>;
}

export async function startSimulator(options: SimulatorOptions): Promise<Simulator> {
  const world = options.world instanceof World ? options.world : typeof options.world === 'string' ? loadWorldFile(options.world) : buildWorld(options.world);
  const seed = options.seed ?? world.seed;
  const identity = new IdentityStore(seed, world.accounts.keys());
  const faults = new Faults(seed, world.faults);
  const state = {
    world,
    identity,
    faults,
    counters: new Counters(),
    requests: [] as RequestRecord[],
    mutations: [] as Simulator['mutations'],
    pageSize: options.pageSize ?? world.pageSize,
    maxLogEntries: options.maxLogEntries ?? 50_000,
    now: options.now ?? (() => new Date()),
  };
  const { server, hanging } = createSimulatorServer(state);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const endpoint = `http://${host}:${port}`;
  return {
    endpoint,
    port,
    world,
    credentialsFor: (id) => identity.credentialsFor(id),
    clientConfigFor(accountId, region = 'us-east-1', opts = {}) {
      return {
        endpoint: opts.virtualHost ? `http://localhost:${port}` : endpoint,
        region,
        credentials: identity.credentialsFor(accountId),
        forcePathStyle: !opts.virtualHost,
        requestHandler: loopbackHandler(opts.timeoutMs),
      };
    },
    get requests() {
      return state.requests;
    },
    counters: state.counters,
    get mutations() {
      return state.mutations;
    },
    get securityHubImports() {
      return importsOf(state.world);
    },
    faults,
    setPageSize(n) {
      state.pageSize = n;
    },
    reset() {
      state.requests.length = 0;
      state.mutations.length = 0;
      importsOf(state.world).length = 0;
      state.counters.clear();
      faults.clear();
      for (const f of world.faults) faults.add(f);
    },
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * An HTTP handler whose agent resolves every `*.localhost` name to 127.0.0.1: Node's resolver
 * doesn't (no DNS here), and S3 virtual-host and S3 Control requests need such names.
 */
export function loopbackHandler(timeoutMs?: number): NodeHttpHandler {
  const httpAgent = new Agent({
    keepAlive: true,
    maxSockets: 64,
    lookup: (hostname, opts, callback) => {
      if (hostname === 'localhost' || hostname.endsWith('.localhost')) {
        if ((opts as { all?: boolean }).all) (callback as (e: null, a: Array<{ address: string; family: number }>) => void)(null, [{ address: '127.0.0.1', family: 4 }]);
        else callback(null, '127.0.0.1', 4);
        return;
      }
      lookup(hostname, opts, callback);
    },
  });
  // throwOnRequestTimeout: without it this SDK version only logs a warning when the timeout passes.
  const timeouts = timeoutMs === undefined ? {} : { requestTimeout: timeoutMs, connectionTimeout: timeoutMs, throwOnRequestTimeout: true };
  return new NodeHttpHandler({ httpAgent, ...timeouts });
}
