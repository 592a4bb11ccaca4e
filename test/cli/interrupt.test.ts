/**
 * Ctrl-C during `scan --organization`: the accounts in flight finish, the rest are reported as
 * not scanned, and the run still writes its results (the command owns SIGINT; the scan only
 * sees an AbortSignal). Through the CLI against the simulator's demo organization.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import type { ResultsDocument } from '../../src/evaluate/types.js';
import { DEMO_WORLD, startSimulator, type Simulator } from '../../src/simulator/index.js';

const saved = { ...process.env };
let sim: Simulator;
let dir: string;

beforeAll(async () => {
  sim = await startSimulator({ world: DEMO_WORLD });
  dir = mkdtempSync(join(tmpdir(), 'trailguard-interrupt-'));
}, 60_000);

afterAll(async () => {
  process.env = { ...saved };
  await sim?.close();
});

describe('Ctrl-C during an organization sweep', () => {
  it('finishes the account in flight, reports the rest as not scanned, and still writes the results', async () => {
    const c = sim.credentialsFor('111111111111');
    process.env = { PATH: saved.PATH ?? '', AWS_ACCESS_KEY_ID: c.accessKeyId, AWS_SECRET_ACCESS_KEY: c.secretAccessKey, AWS_EC2_METADATA_DISABLED: 'true' };
    const listeners = process.listeners('SIGINT');
    let err = '';
    let interrupted = false;
    try {
      const code = await run(
        [
          'scan',
          '--organization',
          '--concurrency',
          '1',
          '--regions',
          'us-east-1',
          '--only',
          'cloudtrail-trail-exists',
          '--endpoint-url',
          sim.endpoint,
          '--output-dir',
          join(dir, 'run'),
          '--format',
          'json',
          '--soft-fail',
        ],
        {
          out: () => undefined,
          err: (text) => {
            err += text;
            // The first account read (a 10% progress line): the user presses Ctrl-C.
            if (!interrupted && text.startsWith('accounts: 1/')) {
              interrupted = true;
              process.emit('SIGINT', 'SIGINT');
            }
          },
          isTTY: false,
          env: { AWS_CONFIG_FILE: join(dir, 'none'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'none') },
          cwd: dir,
        },
      );
      expect(code).toBe(0);
    } finally {
      // The second Ctrl-C's handler (quit) stays registered after the first, as in a real run.
      for (const l of process.listeners('SIGINT')) if (!listeners.includes(l)) process.removeListener('SIGINT', l);
    }
    expect(err).toContain('interrupted: finishing the accounts in flight; the rest are reported as not scanned');
    const doc = JSON.parse(readFileSync(join(dir, 'run', 'results.json'), 'utf8')) as ResultsDocument;
    const notScanned = (doc.run.notFullyScanned ?? []).filter((a) => a.reason === 'the sweep was interrupted before this account was read');
    expect(notScanned.length).toBeGreaterThan(0);
    expect(notScanned.every((a) => a.scanned === 'no')).toBe(true);
    // The account read before Ctrl-C keeps its verdicts.
    expect(doc.results.some((r) => r.accountId === '111111111111' && r.status !== 'error')).toBe(true);
  });
});
