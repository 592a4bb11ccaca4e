/** One SDK client per (service, region) for an account, configured once: endpoint, retries, timeouts. */
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { AwsTarget } from './aws-target.js';

/** The shape every SDK v3 client constructor shares, as far as trailguard uses it. */
export type ClientConstructor<C> = new (config: Record<string, unknown>) => C;

// Shared keep-alive agents: a sweep opens thousands of clients and must not open a socket per call.
const httpAgent = new HttpAgent({ keepAlive: true, maxSockets: 256 });
const httpsAgent = new HttpsAgent({ keepAlive: true, maxSockets: 256 });

export class ClientCache {
  private readonly clients = new Map<string, unknown>();

  constructor(private readonly target: AwsTarget) {}

  get<C>(ctor: ClientConstructor<C>, region: string): C {
    const key = `${ctor.name}/${region}`;
    let client = this.clients.get(key) as C | undefined;
    if (!client) {
      client = new ctor({
        region,
        credentials: this.target.credentials,
        retryMode: 'adaptive',
        maxAttempts: this.target.maxAttempts,
        requestHandler: new NodeHttpHandler({
          httpAgent,
          httpsAgent,
          connectionTimeout: 5_000,
          requestTimeout: this.target.requestTimeoutMs,
        }),
        ...(this.target.endpointUrl
          ? // Custom endpoints (simulator, LocalStack) can't resolve <bucket>.host names.
            { endpoint: this.target.endpointUrl, forcePathStyle: true }
          : {}),
      });
      this.clients.set(key, client);
    }
    return client;
  }

  destroy(): void {
    for (const client of this.clients.values()) (client as { destroy?: () => void }).destroy?.();
    this.clients.clear();
  }
}
