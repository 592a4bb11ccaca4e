/**
 * Faults injected into matching requests: latency, throttling, 5xx, AccessDenied, connection
 * resets and hangs. Rates draw from a seeded RNG so a run is reproducible; `afterCalls`
 * counts calls per (account, region, service) like a service-side rate limiter would.
 */
import type { FaultSpec } from './world/spec.js';

export interface FaultTarget {
  account: string;
  region: string;
  service: string;
  operation: string;
}

/** What to do with one request: an added delay, and at most one failure (latency only delays). */
export interface FaultDecision {
  delayMs: number;
  failure?: FaultSpec & { kind: Exclude<FaultSpec['kind'], 'latency'> };
}

interface ActiveFault {
  spec: FaultSpec;
  injected: number;
}

export class Faults {
  private active: ActiveFault[] = [];
  private readonly calls = new Map<string, number>();
  private rng: () => number;

  constructor(
    private readonly seed: number,
    initial: FaultSpec[] = [],
  ) {
    this.rng = mulberry32(seed);
    for (const f of initial) this.add(f);
  }

  /** Adds a fault; returns a function that removes it. */
  add(spec: FaultSpec): () => void {
    const entry = { spec, injected: 0 };
    this.active.push(entry);
    return () => {
      this.active = this.active.filter((a) => a !== entry);
    };
  }

  clear(): void {
    this.active = [];
    this.calls.clear();
    this.rng = mulberry32(this.seed);
  }

  get list(): FaultSpec[] {
    return this.active.map((a) => a.spec);
  }

  decide(t: FaultTarget): FaultDecision {
    const decision: FaultDecision = { delayMs: 0 };
    if (this.active.length === 0) return decision;
    const unit = `${t.account}|${t.region}|${t.service}`;
    const count = (this.calls.get(unit) ?? 0) + 1;
    this.calls.set(unit, count);
    for (const a of this.active) {
      const f = a.spec;
      if ((f.service && f.service !== t.service) || (f.operation && f.operation !== t.operation) || (f.account && f.account !== t.account) || (f.region && f.region !== t.region)) continue;
      if (f.afterCalls !== undefined && count <= f.afterCalls) continue;
      if (f.times !== undefined && a.injected >= f.times) continue;
      if (f.rate !== undefined && f.rate < 1 && this.rng() >= f.rate) continue;
      if (f.kind === 'latency') {
        a.injected++;
        decision.delayMs += (f.ms ?? 0) + (f.jitterMs ? this.rng() * f.jitterMs : 0);
      } else if (!decision.failure) {
        a.injected++;
        decision.failure = { ...f, kind: f.kind };
      }
    }
    return decision;
  }
}

/** A small, fast, seedable PRNG (uniform in [0, 1)). */
export function mulberry32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
