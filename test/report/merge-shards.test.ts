/**
 * `merge` knows its shards, and every command refuses a run folder whose run did not finish.
 * Two shards of a sweep (`scan --organization --shard I/2`) against the simulator: merge
 * refuses a missing or repeated shard (exit 2, naming it), merges the whole set, and with
 * --allow-partial marks the merged run partial in the reports. Then a scan whose report
 * writing fails part-way (a report path under a file) leaves a folder without run.json's
 * completion marker, which `evidence export`, `report` and `merge` refuse.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ResultsDocument } from '../../src/evaluate/types.js';
import { DEMO_WORLD } from '../../src/simulator/index.js';
import { cli, scratchDir } from '../evidence/sample.js';
import { useSimulator } from '../helpers/simulator.js';

const MANAGEMENT = '111111111111';
// Two accounts that fall in different shards of two (shardOf hashes the account id).
const ACCOUNTS = '111111111111,444444444444';
const sim = useSimulator(DEMO_WORLD, { signInAs: MANAGEMENT });
let dir: string;

const scan = (out: string, ...extra: string[]) =>
  cli(['scan', '--organization', '--accounts', ACCOUNTS, '--regions', 'us-east-1', '--endpoint-url', sim.endpoint, '--output-dir', out, '--soft-fail', ...extra], dir);

beforeAll(async () => {
  dir = await scratchDir('merge-shards');
  for (const index of [0, 1]) {
    const run = await scan(`shard-${index}`, '--shard', `${index}/2`);
    expect(run.code, run.err).toBe(0);
  }
}, 120_000);

describe('merge of a sharded sweep', () => {
  it('records each shard and the sweep in run.json', () => {
    const record = JSON.parse(readFileSync(join(dir, 'shard-1', 'run.json'), 'utf8')) as { shard: unknown; complete: boolean };
    expect(record.shard).toEqual({ index: 1, count: 2, sweepAccounts: ['111111111111', '444444444444'] });
    expect(record.complete).toBe(true);
  });

  it('refuses a set with a shard missing, naming it and its accounts', async () => {
    const run = await cli(['merge', 'shard-0', '--output-dir', 'merged-missing'], dir);
    expect(run.code).toBe(2);
    expect(run.err).toContain('missing shard 1/2 of the sweep (1 of 2 accounts: 444444444444)');
    expect(run.err).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dir, 'merged-missing'))).toBe(false);
  });

  it('refuses a shard given twice', async () => {
    const run = await cli(['merge', 'shard-0', 'shard-0', 'shard-1'], dir);
    expect(run.code).toBe(2);
    expect(run.err).toContain('is shard 0/2 again (also shard-0)');
  });

  it('merges the whole set into one run of both accounts', async () => {
    const run = await cli(['merge', 'shard-0', 'shard-1', '--output-dir', 'merged', '--soft-fail'], dir);
    expect(run.code, run.err).toBe(0);
    const doc = JSON.parse(readFileSync(join(dir, 'merged', 'results.json'), 'utf8')) as ResultsDocument;
    expect(doc.run.accounts).toEqual(['111111111111', '444444444444']);
    expect(doc.run.partial).toBeUndefined();
  });

  it('with --allow-partial, merges what it has and every report says the run is partial', async () => {
    const run = await cli(['merge', 'shard-0', '--allow-partial', '--output-dir', 'partial', '--soft-fail'], dir);
    expect(run.code, run.err).toBe(0);
    expect(run.err).toContain('partial run: shard 1/2 missing');
    const read = (name: string) => readFileSync(join(dir, 'partial', name), 'utf8');
    const doc = JSON.parse(read('results.json')) as ResultsDocument;
    expect(doc.run.partial).toEqual({ missingShards: ['1/2'], missingAccounts: ['444444444444'] });
    expect(read('summary.md')).toContain('partial run: shard 1/2 missing');
    expect(read('report.html')).toContain('<strong>Incomplete:</strong> partial run: shard 1/2 missing');
    expect(read('junit.xml')).toContain('type="PartialRun"');
    expect(read('results.sarif')).toContain('"partial": "partial run: shard 1/2 missing');
    expect(read('findings.ocsf.jsonl').split('\n')[0]).toContain('"partial_run":"partial run: shard 1/2 missing');
    expect(read('findings.asff.json')).toContain('"trailguard/PartialRun": "missing shard 1/2"');
  });
});

describe('a run interrupted while writing its reports', () => {
  it('leaves no report under its final name and no completion marker, and every command refuses the folder', async () => {
    // shard-1 was complete; scanning into it again with a report that cannot be written stops part-way.
    writeFileSync(join(dir, 'blocker'), 'a file, not a folder');
    const run = await scan('shard-1', '--shard', '1/2', '--format', 'json', '--format', 'csv=blocker/results.csv');
    expect(run.code).toBe(2);
    expect(run.err).toContain('cannot write the csv report');
    const files = readdirSync(join(dir, 'shard-1'));
    expect(files).not.toContain('run.json');
    expect(files.filter((f) => f.includes('.partial'))).toEqual([]);

    const exported = await cli(['evidence', 'export', '--run', join(dir, 'shard-1'), '--out', join(dir, 'bundle.tar.gz')], dir);
    expect(exported.code).toBe(2);
    expect(exported.err).toContain('run.json: is missing');
    expect(existsSync(join(dir, 'bundle.tar.gz'))).toBe(false);
    const report = await cli(['report', '--results', 'shard-1/results.json', '--output-dir', 'rerendered'], dir);
    expect(report.code).toBe(2);
    expect(report.err).toContain('run.json: is missing');
    const merged = await cli(['merge', 'shard-0', 'shard-1'], dir);
    expect(merged.code).toBe(2);
    expect(merged.err).toContain('run.json: is missing');

    // A run.json without the marker (an older or interrupted writer) is refused the same way.
    writeFileSync(join(dir, 'shard-1', 'run.json'), readFileSync(join(dir, 'shard-0', 'run.json'), 'utf8').replace('"complete": true', '"complete": false'));
    const again = await cli(['evidence', 'export', '--run', join(dir, 'shard-1'), '--out', join(dir, 'bundle.tar.gz')], dir);
    expect(again.code).toBe(2);
    expect(again.err).toContain('has no completion marker');
  });
});

describe('a scan whose every --format names its file', () => {
  it('writes those files and no run folder', async () => {
    const run = await cli(
      [
        'scan',
        '--organization',
        '--accounts',
        ACCOUNTS,
        '--regions',
        'us-east-1',
        '--endpoint-url',
        sim.endpoint,
        '--soft-fail',
        '--format',
        'json=only/results.json',
        '--format',
        'csv=only/results.csv',
      ],
      dir,
    );
    expect(run.code, run.err).toBe(0);
    expect(readdirSync(join(dir, 'only')).sort()).toEqual(['results.csv', 'results.json']);
    expect(existsSync(join(dir, 'reports'))).toBe(false);
  });

  it('with --evidence, still bundles the run and leaves no run folder', async () => {
    const run = await cli(
      [
        'scan',
        '--organization',
        '--accounts',
        ACCOUNTS,
        '--regions',
        'us-east-1',
        '--endpoint-url',
        sim.endpoint,
        '--soft-fail',
        '--format',
        'json=bundled/results.json',
        '--evidence',
        'bundled/evidence',
      ],
      dir,
    );
    expect(run.code, run.err).toBe(0);
    expect(readdirSync(join(dir, 'bundled')).sort()).toEqual(['evidence', 'results.json']);
    expect(JSON.parse(readFileSync(join(dir, 'bundled', 'evidence', 'run.json'), 'utf8'))).toMatchObject({ exitCode: 0 });
    expect(existsSync(join(dir, 'reports'))).toBe(false);
  });
});
