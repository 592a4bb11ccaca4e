/**
 * The whole pipeline: `trailguard scan --organization --evidence` against the simulator, whose
 * credentials are known (long-term keys per account, session keys for each assumed member
 * role). No output file, report or bundle, holds any of them, and the bundle verifies.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from 'tar';
import { beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/package-info.js';
import { useSimulator } from '../helpers/simulator.js';
import { cli, ed25519Keys, scratchDir } from './sample.js';

const MANAGEMENT = '111111111111';
// Every credential the simulator hands out has one of these shapes (src/simulator/identity.ts).
const SIMULATOR_SECRET = /SIMSECRET[0-9a-f]{31}|SIMSESSIONTOKEN[0-9a-f]{64}/;

// The default credential provider chain reads the environment, as it would on a workstation.
const sim = useSimulator(join(PACKAGE_ROOT, 'examples', 'demo-org.yaml'), { signInAs: MANAGEMENT });
let dir: string;
let scan: { code: number; out: string; err: string };

beforeAll(async () => {
  dir = await scratchDir('scan');
  const keys = ed25519Keys(dir);
  scan = await cli([
    'scan',
    '--organization',
    '--accounts',
    '111111111111,222222222222',
    '--regions',
    'us-east-1',
    '--endpoint-url',
    sim.endpoint,
    '--output-dir',
    join(dir, 'run'),
    '--evidence',
    join(dir, 'bundle.tar.gz'),
    '--sign-key',
    keys.privateKey,
  ]);
  await extract({ file: join(dir, 'bundle.tar.gz'), cwd: dir });
}, 60_000);

describe('scan --evidence against the simulator', () => {
  it('writes the reports and a bundle holding raw responses from every scanned account', () => {
    expect(scan.err).toContain('evidence: ');
    const raw = readdirSync(join(dir, 'raw'));
    expect(raw).toEqual(expect.arrayContaining(['111111111111', '222222222222']));
    const run = JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8'));
    expect(run.accounts.map((a: { accountId: string }) => a.accountId)).toEqual(['111111111111', '222222222222']);
    expect(run.accounts[1].callerIdentity.Arn).toMatch(/^arn:aws:sts::222222222222:assumed-role\/OrganizationAccountAccessRole\//);
  });

  it('puts no simulator credential in any output file', () => {
    const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    expect(files.length).toBeGreaterThan(50);
    for (const file of files) {
      const path = join(file.parentPath, file.name);
      expect(SIMULATOR_SECRET.test(readFileSync(path, 'latin1')), path).toBe(false);
    }
    expect(SIMULATOR_SECRET.test(scan.out + scan.err)).toBe(false);
  });

  it('produces a bundle that verifies', async () => {
    const verified = await cli(['evidence', 'verify', join(dir, 'bundle.tar.gz')]);
    expect(verified.code, verified.out).toBe(0);
  });
});
