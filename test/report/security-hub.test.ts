/**
 * `--security-hub`, the one write trailguard makes, end to end against the simulator through
 * the real Security Hub client: an organization scan sends each account's ASFF findings from
 * that account (the member role for 444444444444, whose hub is on; the caller's own account
 * has none, so its findings are refused with the reason), in batches of at most 100 per
 * account and region, and the simulator counts the imports apart from the refused mutations.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ResultsDocument } from '../../src/evaluate/types.js';
import { DEMO_WORLD } from '../../src/simulator/index.js';
import { cli, scratchDir } from '../evidence/sample.js';
import { useSimulator } from '../helpers/simulator.js';

const MANAGEMENT = '111111111111';
const MEMBER = '444444444444';
const sim = useSimulator(DEMO_WORLD, { signInAs: MANAGEMENT });
let dir: string;
let scan: Awaited<ReturnType<typeof cli>>;

beforeAll(async () => {
  dir = await scratchDir('security-hub');
  scan = await cli(
    ['scan', '--organization', '--accounts', `${MANAGEMENT},${MEMBER}`, '--regions', 'us-east-1', '--endpoint-url', sim.endpoint, '--soft-fail', '--output-dir', 'run', '--security-hub'],
    dir,
  );
}, 120_000);

describe('scan --security-hub', () => {
  it("imports each member's findings from that member, and says what was accepted and refused, and why", () => {
    expect(scan.code, scan.err).toBe(0);
    const asff = JSON.parse(readFileSync(join(dir, 'run', 'findings.asff.json'), 'utf8')) as Array<{ AwsAccountId: string; Id: string; ProductArn: string }>;
    const member = asff.filter((f) => f.AwsAccountId === MEMBER);
    const imported = sim.securityHubImports.filter((i) => i.account === MEMBER).flatMap((i) => i.accepted);
    expect(imported.sort()).toEqual(member.map((f) => f.Id).sort());
    // One line per account and Security Hub region (the ProductArn's).
    const regions = new Map<string, number>();
    for (const f of member) regions.set(f.ProductArn.split(':')[3]!, (regions.get(f.ProductArn.split(':')[3]!) ?? 0) + 1);
    for (const [region, n] of regions) expect(scan.err).toContain(`security hub: ${MEMBER} ${region}: ${n} accepted, 0 refused`);
    // The management account has no hub: its findings are refused with Security Hub's own reason, not dropped.
    expect(scan.err).toMatch(
      new RegExp(`security hub: ${MANAGEMENT} us-east-1: 0 accepted, \\d+ refused\\n  refused trailguard/\\w+: InvalidAccessException: Account ${MANAGEMENT} is not subscribed`),
    );
    // The import is the only write, and it is not one of the refused mutations.
    expect(sim.mutations).toEqual([]);
  });

  it('sends at most 100 findings a call, one account and region per call', async () => {
    sim.reset();
    const doc = JSON.parse(readFileSync(join(dir, 'run', 'results.json'), 'utf8')) as ResultsDocument;
    const template = doc.results.find((r) => r.accountId === MEMBER && r.region === 'us-east-1' && r.status !== 'skip');
    if (!template) throw new Error('the member has a us-east-1 result');
    doc.results = Array.from({ length: 250 }, (_, i) => ({ ...template, id: i.toString(16).padStart(16, '0'), resourceArn: `${template.resourceArn}-${i}` }));
    const file = join(dir, 'many.json');
    writeFileSync(file, JSON.stringify(doc));
    const run = await cli(
      [
        'report',
        '--results',
        file,
        '--format',
        'json=many-out.json',
        '--soft-fail',
        '--security-hub',
        '--security-hub-role',
        'OrganizationAccountAccessRole',
        '--endpoint-url',
        sim.endpoint,
      ],
      dir,
    );
    expect(run.code, run.err).toBe(0);
    expect(sim.securityHubImports.map((i) => [i.account, i.region, i.accepted.length])).toEqual([
      [MEMBER, 'us-east-1', 100],
      [MEMBER, 'us-east-1', 100],
      [MEMBER, 'us-east-1', 50],
    ]);
    expect(run.err).toContain('security hub: 250 findings imported, 0 refused');
  });

  it('without a role, refuses the findings of another account and says how to send them', async () => {
    sim.reset();
    const run = await cli(['report', '--results', join(dir, 'many.json'), '--format', 'json=many-out.json', '--soft-fail', '--security-hub', '--endpoint-url', sim.endpoint], dir);
    expect(run.err).toContain(`findings of account ${MEMBER} must be imported from that account`);
    expect(run.err).toContain('give --security-hub-role');
    expect(sim.securityHubImports).toEqual([]);
  });
});

describe('permissions --security-hub', () => {
  it('prints the import statement on its own; the read-only policy never holds it', async () => {
    const hub = await cli(['permissions', '--security-hub']);
    expect(JSON.parse(hub.out)).toEqual({
      Version: '2012-10-17',
      Statement: [{ Sid: 'TrailguardSecurityHubImport', Effect: 'Allow', Action: ['securityhub:BatchImportFindings'], Resource: 'arn:*:securityhub:*:*:product/*/default' }],
    });
    expect((await cli(['permissions'])).out).not.toContain('BatchImportFindings');
  });
});
