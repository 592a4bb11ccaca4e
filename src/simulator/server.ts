/**
 * The HTTP front: read the request, find service, region and caller from the SigV4
 * Authorization header, apply faults, refuse mutations, dispatch to the service handler and
 * write the answer in the service's wire protocol; log and count every request.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Ctx } from './context.js';
import { SimError, type CommonErrorKind } from './errors.js';
import type { Faults } from './faults.js';
import type { Caller, IdentityStore } from './identity.js';
import { isMutating } from './mutations.js';
import type { WireRequest, WireResponse } from './protocols/types.js';
import type { Counters, RequestRecord } from './request-log.js';
import { serviceFor, type ServiceDef } from './services/index.js';
import type { World } from './world/model.js';

export interface ServerState {
  world: World;
  identity: IdentityStore;
  faults: Faults;
  counters: Counters;
  requests: RequestRecord[];
  mutations: Array<{ account: string; region: string; service: string; operation: string }>;
  pageSize?: number | undefined;
  maxLogEntries: number;
  now: () => Date;
}

interface Scope {
  accessKeyId: string;
  region: string;
  service: string;
}

/** Credential=AKID/date/region/service/aws4_request out of the Authorization header. */
function credentialScope(auth: string | undefined): Scope | undefined {
  if (!auth) return undefined;
  const at = auth.indexOf('Credential=');
  if (at < 0) return undefined;
  const end = auth.indexOf(',', at);
  const parts = auth.slice(at + 11, end < 0 ? undefined : end).split('/');
  if (parts.length < 5) return undefined;
  return { accessKeyId: parts[0] ?? '', region: parts[2] ?? '', service: parts[3] ?? '' };
}

/** Services whose endpoints are global: any region in the scope is accepted. */
const GLOBAL_SERVICES = new Set(['s3', 's3control', 'organizations', 'sts', 'account']);

export function createSimulatorServer(state: ServerState): { server: Server; hanging: Set<ServerResponse> } {
  const hanging = new Set<ServerResponse>();
  let requestCount = 0;

  async function handle(req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> {
    const started = performance.now();
    const requestId = `00000000-0000-4000-8000-${(++requestCount).toString(16).padStart(12, '0')}`;
    const rawUrl = req.url ?? '/';
    const q = rawUrl.indexOf('?');
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const wire: WireRequest = {
      method: req.method ?? 'GET',
      path: decodeURIComponent(q < 0 ? rawUrl : rawUrl.slice(0, q)),
      query: new URLSearchParams(q < 0 ? '' : rawUrl.slice(q + 1)),
      headers: req.headers,
      host,
      body,
    };
    const scope = credentialScope(req.headers.authorization);
    const def = serviceFor(scope?.service, wire);
    const record: RequestRecord = { time: Date.now(), account: '', region: scope?.region ?? '', service: def?.name ?? scope?.service ?? '', operation: '', status: 0, latencyMs: 0 };
    let response: WireResponse;
    if (!def) {
      response = {
        status: 400,
        headers: { 'content-type': 'text/plain' },
        body: `trailguard simulator: no AWS service for this request (credential scope service "${scope?.service ?? 'none'}")`,
      };
    } else {
      record.operation = def.protocol.operation(wire);
      try {
        const output = await serve(def, wire, scope, record, res);
        if (output === NO_ANSWER) {
          record.latencyMs = performance.now() - started;
          log(record);
          return;
        }
        response = def.protocol.result(record.operation, output, requestId);
      } catch (e) {
        const err = e instanceof SimError ? e : def.protocol.common('internal', def.name, e instanceof Error ? e.message : String(e));
        record.errorCode = err.code;
        response = def.protocol.error(err, requestId, wire);
      }
    }
    record.status = response.status;
    if (!res.destroyed) {
      res.writeHead(response.status, response.headers);
      res.end(req.method === 'HEAD' ? undefined : response.body);
    }
    record.latencyMs = performance.now() - started;
    log(record);
  }

  function log(record: RequestRecord): void {
    state.counters.increment(record);
    state.requests.push(record);
    if (state.requests.length > state.maxLogEntries * 2) state.requests.splice(0, state.requests.length - state.maxLogEntries);
  }

  async function serve(def: ServiceDef, wire: WireRequest, scope: Scope | undefined, record: RequestRecord, res: ServerResponse): Promise<unknown> {
    const common = (kind: CommonErrorKind, message: string) => def.protocol.common(kind, def.name, message);
    if (!scope) throw common('accessDenied', 'Anonymous requests are not served: sign requests with SigV4 credentials from the world.');
    const now = state.now();
    const caller: Caller = state.identity.resolve(scope.accessKeyId, now.getTime(), (why) =>
      common(why, why === 'invalidToken' ? 'The security token included in the request is invalid.' : 'The security token included in the request is expired'),
    );
    record.account = caller.accountId;
    const account = state.world.accounts.get(caller.accountId);
    if (!account || account.status === 'SUSPENDED') throw common('invalidToken', `The security token included in the request is invalid (account ${caller.accountId} is suspended).`);
    if (!GLOBAL_SERVICES.has(def.name)) {
      const status = account.regionStatus.get(scope.region);
      if (status === undefined || status === 'DISABLED')
        throw common('invalidToken', `The security token included in the request is invalid (region ${scope.region} is not enabled for account ${caller.accountId}).`);
    }
    const operation = record.operation;
    const handler = def.handlers[operation];
    if (!handler) {
      if (isMutating(operation)) {
        state.mutations.push({ account: caller.accountId, region: scope.region, service: def.name, operation });
        throw common('mutationRefused', `trailguard simulator refuses mutating call ${def.name}:${operation}: trailguard must only read.`);
      }
      throw common('unknownOperation', `trailguard simulator does not serve ${def.name}:${operation || '(no operation)'}`);
    }
    const decision = state.faults.decide({ account: caller.accountId, region: scope.region, service: def.name, operation });
    if (decision.delayMs > 0) await sleep(decision.delayMs);
    const f = decision.failure;
    if (f) {
      switch (f.kind) {
        case 'throttle':
          throw common(f.status === 429 ? 'throttle429' : 'throttle', 'Rate exceeded');
        case 'error':
          throw f.status === 503 ? common('unavailable', 'Service unavailable (injected)') : common('internal', 'Internal failure (injected)');
        case 'accessDenied':
          throw common(
            'accessDenied',
            `User: ${caller.arn} is not authorized to perform: ${def.name}:${operation} ${f.scp ? 'with an explicit deny in a service control policy' : 'because no identity-based policy allows the action'} (injected)`,
          );
        case 'reset':
          res.socket?.destroy();
          record.errorCode = 'ConnectionReset';
          return NO_ANSWER;
        case 'hang':
          hanging.add(res);
          res.once('close', () => hanging.delete(res));
          record.errorCode = 'Hang';
          return NO_ANSWER;
      }
    }
    const ctx: Ctx = {
      world: state.world,
      identity: state.identity,
      caller,
      account,
      region: scope.region,
      service: def.name,
      operation,
      now,
      pageSize: state.pageSize,
      protocol: def.protocol,
    };
    return handler(ctx, def.protocol.input(wire) as never);
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      handle(req, res, chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)).catch((e: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`trailguard simulator internal error: ${e instanceof Error ? e.message : String(e)}`);
      });
    });
  });
  server.keepAliveTimeout = 60_000;
  return { server, hanging };
}

/** What serve() returns when the fault leaves the request unanswered (reset or hang). */
const NO_ANSWER = Symbol('no answer');
