/**
 * Accounts read by one thread share its SDK clients (one per service and region), yet every call
 * is made with its own account's credentials, whatever else is in flight at the same moment.
 */
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import { ClientCache } from '../../src/collect/clients.js';
import { ConnectionPool } from '../../src/collect/connections.js';
import { DEMO_WORLD } from '../../src/simulator/index.js';
import { simTarget } from '../helpers/sim-target.js';
import { useSimulator } from '../helpers/simulator.js';

const sim = useSimulator(DEMO_WORLD);
const ACCOUNTS = ['111111111111', '222222222222', '333333333333', '444444444444'];

describe('shared SDK clients', () => {
  it('are one per service and region, and each account calls with its own credentials, interleaved', async () => {
    const pool = new ConnectionPool();
    try {
      const caches = ACCOUNTS.map((id) => new ClientCache(simTarget(sim, id), pool));
      const clients = caches.map((cache) => cache.get(STSClient, 'us-east-1'));
      // One SDK client under every account's view of it.
      expect(new Set(clients.map((c) => Object.getPrototypeOf(c) as unknown)).size).toBe(1);
      // 25 rounds of every account at once: any call signed as another account would show here.
      const answers = await Promise.all(Array.from({ length: 25 }, () => clients.map((c) => c.send(new GetCallerIdentityCommand({})))).flat());
      expect(answers.map((a) => a.Account)).toEqual(Array.from({ length: 25 }, () => ACCOUNTS).flat());
    } finally {
      pool.destroy();
    }
  });

  it("keep one account's bad credentials to that account's calls", async () => {
    const pool = new ConnectionPool();
    try {
      const good = new ClientCache(simTarget(sim, '111111111111'), pool).get(STSClient, 'us-east-1');
      const bad = new ClientCache(simTarget(sim, '222222222222', { credentials: { accessKeyId: 'AKIANOTKNOWN00000000', secretAccessKey: 'x'.repeat(40) } }), pool).get(
        STSClient,
        'us-east-1',
      );
      const outcomes = await Promise.allSettled([good, bad, good, bad].map((c) => c.send(new GetCallerIdentityCommand({}))));
      expect(outcomes.map((o) => (o.status === 'fulfilled' ? o.value.Account : (o.reason as Error).name))).toEqual([
        '111111111111',
        'InvalidClientTokenId',
        '111111111111',
        'InvalidClientTokenId',
      ]);
    } finally {
      pool.destroy();
    }
  });
});
