/** The HTTP side of the SDK clients: keep-alive connections, and handlers with a target's timeouts. */
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';

/**
 * Keep-alive connections shared by many accounts' clients (a sweep's, in one thread): calls to
 * the same endpoint reuse a socket (and its TLS session) whichever account makes them, instead
 * of each account opening its own. Destroyed once, by its owner, when nothing uses it.
 */
export class ConnectionPool {
  readonly httpAgent = new HttpAgent({ keepAlive: true, maxFreeSockets: 1024 });
  readonly httpsAgent = new HttpsAgent({ keepAlive: true, maxFreeSockets: 1024 });

  destroy(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }
}

/** An HTTP handler on the pool's connections, with the target's timeouts. */
export function requestHandler(pool: ConnectionPool, target: { requestTimeoutMs: number }): NodeHttpHandler {
  return new NodeHttpHandler({
    httpAgent: pool.httpAgent,
    httpsAgent: pool.httpsAgent,
    connectionTimeout: 5_000,
    requestTimeout: target.requestTimeoutMs,
    // Without it the handler only logs a warning, and a hung region would never time out.
    throwOnRequestTimeout: true,
  });
}
