/** A collector target pointed at a running simulator, with an account's credentials. */
import type { AwsTarget } from '../../src/collect/aws-target.js';
import type { Simulator } from '../../src/simulator/index.js';

export function simTarget(sim: Simulator, accountId: string, overrides: Partial<AwsTarget> = {}): AwsTarget {
  return {
    credentials: sim.credentialsFor(accountId),
    globalRegion: 'us-east-1',
    endpointUrl: sim.endpoint,
    maxAttempts: 3,
    requestTimeoutMs: 15_000,
    retryTuning: { baseDelayMs: 5, minFillRate: 500 },
    ...overrides,
  };
}

/** Calls the simulator served, as `service:Operation` → count. */
export function callsByOperation(sim: Simulator): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of sim.requests) out[`${r.service}:${r.operation}`] = (out[`${r.service}:${r.operation}`] ?? 0) + 1;
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}
