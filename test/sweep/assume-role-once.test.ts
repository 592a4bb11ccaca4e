/**
 * A sweep assumes each member role once, however many clients (one per service and region) its
 * collection creates: per-region sections such as Config, VPC flow logs and Security Hub would
 * otherwise cost one sts:AssumeRole per client, tens per account.
 */
import { describe, expect, it } from 'vitest';
import { closePlan } from '../../src/collect/sections.js';
import { DEMO_WORLD } from '../../src/simulator/index.js';
import { sweepOrganization } from '../../src/sweep/sweep.js';
import { callsByOperation, simTarget } from '../helpers/sim-target.js';
import { useSimulator } from '../helpers/simulator.js';

const sim = useSimulator(DEMO_WORLD);

describe('member role sessions', () => {
  it('are assumed once per member account and shared by all its clients', async () => {
    const { inventory } = await sweepOrganization({
      target: simTarget(sim, '111111111111', { maxAttempts: 8 }),
      plan: closePlan(['config-recorders', 'vpc-flow-logs', 'security-hub']),
      role: { roleName: 'OrganizationAccountAccessRole', sessionName: 'trailguard-test', durationSeconds: 3600 },
      filters: {},
      concurrency: 8,
      now: new Date('2026-11-25T00:00:00Z'),
      tool: { name: 'trailguard', version: 'test' },
    });
    const members = inventory.accounts.filter((a) => a.AccountId !== '111111111111');
    expect(members.length).toBeGreaterThan(5);
    // Every member was read through its role: 17 regions of Security Hub each.
    for (const member of members) expect(Object.keys(member.securityHub ?? {}), member.AccountId).toHaveLength(17);
    expect(callsByOperation(sim)['sts:AssumeRole']).toBe(members.length);
  });
});
