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
  return (!f.account || f.account === account) && (!f.region || f.region === region)
    && (!f.service || f.service === service) && (!f.operation || f.operation === operation);
}
