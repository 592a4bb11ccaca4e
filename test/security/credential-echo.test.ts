/**
 * An endpoint that echoes the request's session token and Authorization header in its error
 * messages (a hostile or buggy proxy, LocalStack-like service, or AWS endpoint). An organization
 * sweep through it stores none of the credentials the process held (its own, each assumed
 * role's): not in the inventory errors, results, reports, raw responses or the signed bundle,
 * nor on the terminal. The calls stay `error` results naming the call.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/package-info.js';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import type { CliRun } from '../helpers/cli.js';
import { scanAccount, scratch } from './hostile.js';

const MANAGEMENT = '111111111111';
// The simulator's credential shapes (src/simulator/identity.ts): long-term and session key ids, secrets, tokens.
const SIMULATOR_CREDENTIAL = /SIMSECRET[0-9a-f]{31}|SIMSESSIONTOKEN[0-9a-f]{64}|A[KS]IASIM[0-9A-Z]{13}/;

let sim: Simulator;
let proxy: Server;
let dir: string;
let scan: CliRun;
let echoed = 0;

/** Forwards every request to the simulator, except GetTrailStatus, answered with an error that quotes the request's credentials. */
function echoingProxy(target: URL): Server {
  return createServer((req: IncomingMessage, res: ServerResponse) => {
    if (String(req.headers['x-amz-target'] ?? '').endsWith('.GetTrailStatus')) {
      echoed++;
      const quoted = `Authorization: ${req.headers.authorization ?? ''}; X-Amz-Security-Token: ${String(req.headers['x-amz-security-token'] ?? '')}`;
      req.resume();
      res.writeHead(400, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-errortype': 'AccessDeniedException' });
      res.end(JSON.stringify({ __type: 'AccessDeniedException', message: `User is not authorized; request was ${quoted}` }));
      return;
    }
    const upstream = request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    req.pipe(upstream);
  });
}

beforeAll(async () => {
  dir = scratch('echo');
  sim = await startSimulator({ world: join(PACKAGE_ROOT, 'examples', 'demo-org.yaml') });
  proxy = echoingProxy(new URL(sim.endpoint));
  await new Promise<void>((ready) => proxy.listen(0, '127.0.0.1', ready));
  const endpoint = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  const proxied = { ...sim, endpoint };
  scan = await scanAccount(proxied, MANAGEMENT, [
    '--organization',
    '--accounts',
    '111111111111,222222222222,444444444444',
    '--regions',
    'us-east-1',
    '--output-dir',
    join(dir, 'run'),
    '--evidence',
    join(dir, 'bundle'),
  ]);
}, 90_000);

afterAll(async () => {
  await new Promise((closed) => proxy?.close(closed));
  await sim?.close();
});

describe('credentials echoed by an endpoint', () => {
  it('the echoing calls are error results naming the call, their message redacted', () => {
    expect(echoed).toBeGreaterThan(2);
    expect(scan.code, scan.err).toBe(1); // failures outrank the incomplete scan
    const doc = JSON.parse(readFileSync(join(dir, 'run', 'results.json'), 'utf8')) as {
      results: Array<{ status: string; error?: { operation?: string; message?: string; accountId?: string } }>;
    };
    const echoes = doc.results.filter((r) => r.error?.operation === 'GetTrailStatus');
    expect(echoes.length).toBeGreaterThan(0);
    for (const r of echoes) {
      expect(r.status).toBe('error');
      expect(r.error!.message).toMatch(/Credential=\[REDACTED\]\//);
    }
    // Member accounts were read with assumed-role sessions, whose tokens were echoed too.
    const members = echoes.filter((r) => r.error!.accountId !== MANAGEMENT);
    expect(members.length).toBeGreaterThan(0);
    expect(members.every((r) => r.error!.message!.includes('X-Amz-Security-Token: [REDACTED]'))).toBe(true);
  });

  it('no file of the run folder or the bundle, and nothing printed, holds a credential', () => {
    const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const path = join(file.parentPath, file.name);
      expect(SIMULATOR_CREDENTIAL.exec(readFileSync(path, 'latin1'))?.[0], path).toBeUndefined();
    }
    expect(SIMULATOR_CREDENTIAL.exec(scan.out + scan.err)?.[0]).toBeUndefined();
  });
});
