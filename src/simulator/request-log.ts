/** What the simulator served: a bounded request log, counters by call, and refused mutations. */
export interface RequestRecord {
  time: number;
  account: string;
  region: string;
  service: string;
  operation: string;
  status: number;
  latencyMs: number;
  errorCode?: string;
}

export interface CallKey {
  account: string;
  region: string;
  service: string;
  operation: string;
}

export class Counters {
  private readonly counts = new Map<string, number>();

  increment(k: CallKey): void {
    const key = `${k.account}|${k.region}|${k.service}|${k.operation}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  /** Calls matching every given field (all calls when none is given). */
  count(filter: Partial<CallKey> = {}): number {
    let n = 0;
    for (const [key, c] of this.counts) if (matches(key, filter)) n += c;
    return n;
  }

  /** Counts by "service:Operation", sorted, for tables and assertions. */
  byOperation(filter: Partial<CallKey> = {}): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [key, c] of [...this.counts].sort(([a], [b]) => a.localeCompare(b))) {
      if (!matches(key, filter)) continue;
      const [, , service, operation] = key.split('|');
      const name = `${service}:${operation}`;
      out[name] = (out[name] ?? 0) + c;
    }
    return out;
  }

  clear(): void {
    this.counts.clear();
  }
}

function matches(key: string, f: Partial<CallKey>): boolean {
  const [account, region, service, operation] = key.split('|');
  return (!f.account || f.account === account) && (!f.region || f.region === region) && (!f.service || f.service === service) && (!f.operation || f.operation === operation);
}

export interface Busiest {
  /** Most calls one (account, region, service) had in flight at once, and which. */
  inFlight: { calls: number; key: string };
  /** Most calls one (account, region, service) received within any 1-second window, and which. */
  perSecond: { calls: number; key: string };
}

/** From the simulator's request log (arrival time and duration of each request), the busiest (account, region, service). */
export function busiestEndpoints(requests: RequestRecord[]): Busiest {
  const byKey = new Map<string, RequestRecord[]>();
  for (const r of requests) {
    const key = `${r.account}/${r.region}/${r.service}`;
    const list = byKey.get(key);
    if (list) list.push(r);
    else byKey.set(key, [r]);
  }
  const busiest: Busiest = { inFlight: { calls: 0, key: '' }, perSecond: { calls: 0, key: '' } };
  for (const [key, list] of [...byKey].sort(([a], [b]) => a.localeCompare(b))) {
    const starts = list.map((r) => r.time).sort((a, b) => a - b);
    const ends = list.map((r) => r.time + r.latencyMs).sort((a, b) => a - b);
    let open = 0;
    for (let s = 0, e = 0; s < starts.length; s++) {
      while ((ends[e] as number) <= (starts[s] as number)) e++;
      open = Math.max(open, s + 1 - e);
    }
    let window = 0;
    for (let s = 0, first = 0; s < starts.length; s++) {
      while ((starts[first] as number) <= (starts[s] as number) - 1000) first++;
      window = Math.max(window, s + 1 - first);
    }
    if (open > busiest.inFlight.calls) busiest.inFlight = { calls: open, key };
    if (window > busiest.perSecond.calls) busiest.perSecond = { calls: window, key };
  }
  return busiest;
}
