/**
 * `--concurrency` sets how many accounts are read at once, never how hard one AWS endpoint is
 * called: every (account, region, service) keeps at most PER_SERVICE_CONCURRENCY calls in
 * flight, the caller's own STS included (every member's AssumeRole goes through it), also when
 * worker threads share the accounts.
 */
import { describe, expect, it } from 'vitest';
import { closePlan } from '../../src/collect/sections.js';
import { PER_SERVICE_CONCURRENCY } from '../../src/collect/aws-target.js';
import { generateWorld } from '../../src/simulator/index.js';
import { busiestEndpoints } from '../../src/simulator/request-log.js';
import { sweepOrganization } from '../../src/sweep/sweep.js';
import { simTarget } from '../helpers/sim-target.js';
import { useSimulator } from '../helpers/simulator.js';

const MANAGEMENT = '100000000000';
const sim = useSimulator(() => {
  const world = generateWorld({ accounts: 24, regions: 2, seed: 7 });
  // Calls that take a while overlap: what they would do against AWS.
  world.faults = [{ kind: 'latency', ms: 15 }];
  return world;
});

describe('request rates of a sweep', () => {
  it.each([1, 2])('stay within the per-(account, region, service) limit at a --concurrency far above it (%i workers)', async (workers) => {
    sim.reset();
    const { inventory } = await sweepOrganization({
      workers,
      target: simTarget(sim, MANAGEMENT, { maxAttempts: 8 }),
      plan: closePlan(['security-hub']),
      role: { roleName: 'OrganizationAccountAccessRole', sessionName: 'trailguard-test', durationSeconds: 3600 },
      filters: {},
      concurrency: 4 * PER_SERVICE_CONCURRENCY,
      now: new Date('2026-11-25T00:00:00Z'),
      tool: { name: 'trailguard', version: 'test' },
    });
    expect(inventory.accounts.length).toBeGreaterThan(4 * PER_SERVICE_CONCURRENCY);
    const assumed = sim.requests.filter((r) => r.operation === 'AssumeRole');
    expect(new Set(assumed.map((r) => r.account))).toEqual(new Set([MANAGEMENT]));
    expect(assumed.length).toBeGreaterThan(4 * PER_SERVICE_CONCURRENCY);
    expect(busiestEndpoints(sim.requests).inFlight.calls).toBeLessThanOrEqual(PER_SERVICE_CONCURRENCY);
  });
});
