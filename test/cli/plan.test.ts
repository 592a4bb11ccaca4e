/** `trailguard plan` against the demo organization: the selected rules' calls, as a table, with the right plurals. */
import { describe, expect, it } from 'vitest';
import { DEMO_WORLD } from '../../src/simulator/index.js';
import { cli } from '../helpers/cli.js';
import { useSimulator } from '../helpers/simulator.js';

const sim = useSimulator(DEMO_WORLD, { signInAs: '111111111111' });

describe('trailguard plan', () => {
  it('lists the calls of the selected rules in aligned columns', async () => {
    const run = await cli(['plan', '--endpoint-url', sim.endpoint, '--service', 'kms', '--severity', 'MEDIUM,high,critical']);
    expect(run.code, run.err).toBe(0);
    const lines = run.out.trimEnd().split('\n');
    expect(lines[0]).toBe('plan for account 111111111111: 1 rule, 6 sections, 17 regions, 1 trail');
    expect(lines[1]).toMatch(/^ {2}section +call +how often +calls$/);
    const callColumn = lines[1]!.indexOf('call ');
    for (const row of lines.slice(2, -2)) expect(row.slice(callColumn), row).toMatch(/^(kms|sts|account|ec2|cloudtrail):[A-Za-z]+ /);
    expect(lines.some((l) => /^ {2}key-metadata +kms:DescribeKey +per key +1$/.test(l))).toBe(true);
    expect(lines.at(-2)).toMatch(/^expected: \d+ calls plus 3 operations whose count is only known after collection \(\?\)$/);
  });
});
