/**
 * `scan --organization --workers N`: members read in worker threads give the very report one
 * thread gives, with the same calls; the management account's calls (Organizations, every
 * member's AssumeRole) are made once, in the main thread, whatever N is; a member role that
 * can't be assumed is that account's `error` results, as without workers.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ResultsDocument } from '../../src/evaluate/types.js';
import type { Inventory } from '../../src/inventory/types.js';
import { DEMO_WORLD, loadWorldFile, startSimulator, type Simulator } from '../../src/simulator/index.js';
import { cli, scratchDir } from '../evidence/sample.js';
import { callsByOperation } from '../helpers/sim-target.js';

const MANAGEMENT = '111111111111';
/** A member whose role is gone: AssumeRole fails. */
const NO_ROLE = '333333333333';
let sim: Simulator;
let dir: string;
const saved = { ...process.env };
const runs = new Map<number, { code: number; err: string; calls: Record<string, number>; managementCalls: string[] }>();

const read = (workers: number, name: string) => readFileSync(join(dir, `workers-${workers}`, name), 'utf8');
/** results.json without what differs from run to run: its id and time. */
const comparable = (text: string) => {
  const { runId: _runId, scanTime: _scanTime, ...run } = (JSON.parse(text) as ResultsDocument).run;
  return JSON.stringify({ ...(JSON.parse(text) as ResultsDocument), run });
};

beforeAll(async () => {
  const world = loadWorldFile(DEMO_WORLD);
  world.accounts.get(NO_ROLE)!.roles.clear();
  // Both scans run at the same instant (this thread's clock stands still: ages such as "hours
  // since the last delivery" are computed from it), against a simulator whose clock stands still.
  const start = new Date();
  sim = await startSimulator({ world, now: () => start });
  dir = await scratchDir('sweep-workers');
  const credentials = sim.credentialsFor(MANAGEMENT);
  Object.assign(process.env, { AWS_ACCESS_KEY_ID: credentials.accessKeyId, AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey, AWS_REGION: 'us-east-1' });
  delete process.env.AWS_SESSION_TOKEN;
  delete process.env.AWS_PROFILE;
  for (const workers of [1, 2]) {
    sim.reset();
    vi.useFakeTimers({ toFake: ['Date'], now: start });
    const run = await cli(['scan', '--organization', '--endpoint-url', sim.endpoint, '--output-dir', `workers-${workers}`, '--workers', String(workers), '--soft-fail'], dir);
    vi.useRealTimers();
    runs.set(workers, {
      ...run,
      calls: callsByOperation(sim),
      managementCalls: sim.requests
        .filter((r) => r.account === MANAGEMENT && ['sts', 'organizations'].includes(r.service))
        .map((r) => `${r.service}:${r.operation}`)
        .sort(),
    });
  }
}, 180_000);

afterAll(async () => {
  process.env = saved;
  await sim?.close();
});

describe('an organization sweep in worker threads', () => {
  it('writes byte for byte the results and inventory of a one-thread sweep', () => {
    for (const workers of [1, 2]) expect(runs.get(workers)!.code, runs.get(workers)!.err).toBe(0);
    expect(comparable(read(2, 'results.json'))).toEqual(comparable(read(1, 'results.json')));
    // The simulator numbers its request ids in the order it answers.
    const inventory = (workers: number) =>
      read(workers, 'inventory.json')
        .replace(/"collectedAt": "[^"]+"/, '')
        .replaceAll(/"requestId": "[^"]+"/g, '');
    expect(inventory(2)).toEqual(inventory(1));
  });

  it('makes the same calls, the management account its Organizations and AssumeRole calls once', () => {
    expect(runs.get(2)!.calls).toEqual(runs.get(1)!.calls);
    expect(runs.get(2)!.managementCalls).toEqual(runs.get(1)!.managementCalls);
    // One AssumeRole per member read (the suspended one is not).
    const members = (JSON.parse(read(2, 'inventory.json')) as Inventory).accounts.filter((a) => a.AccountId !== MANAGEMENT);
    expect(members.length).toBeGreaterThan(4);
    expect(runs.get(2)!.managementCalls.filter((c) => c === 'sts:AssumeRole')).toHaveLength(members.length);
  });

  it("reports a member role that can't be assumed as that account's errors, as one thread does", () => {
    const doc = JSON.parse(read(2, 'results.json')) as ResultsDocument;
    const results = doc.results.filter((r) => r.accountId === NO_ROLE);
    expect(results.length).toBeGreaterThan(0);
    expect(results.filter((r) => r.status === 'pass' || r.status === 'fail')).toEqual([]);
    const errors = results.filter((r) => r.status === 'error');
    expect(errors.length).toBeGreaterThan(5);
    expect(errors.every((r) => r.error?.operation === 'AssumeRole')).toBe(true);
    expect(errors[0]!.error?.message).toContain(`cannot assume OrganizationAccountAccessRole in ${NO_ROLE}`);
  });
});
