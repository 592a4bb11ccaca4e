import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rendered } from './rendered.js';
import type { ResultsDocument } from '../../src/evaluate/types.js';
import { FORMAT_NAMES, FORMATS } from '../../src/report/formats.js';
import { renderJson } from '../../src/report/json.js';
import { run as runCli } from '../../src/cli/main.js';
import { cli } from '../helpers/cli.js';
import { ORG_SCAN, orgScan, TEST_OUTPUT } from './fixture.js';

function workdir(): string {
  mkdirSync(TEST_OUTPUT, { recursive: true });
  return mkdtempSync(join(TEST_OUTPUT, 'cli-'));
}

/** The fixture with its failures and errors reshaped, saved where the command can read it. */
function saved(dir: string, change: (doc: ResultsDocument) => void = () => undefined): string {
  const doc = orgScan();
  change(doc);
  const file = join(dir, 'results.json');
  writeFileSync(file, JSON.stringify(doc));
  return file;
}

const keepOnly = (statuses: string[], maxSeverity?: string) => (doc: ResultsDocument) => {
  doc.results = doc.results.filter((r) => statuses.includes(r.status) || r.status === 'pass');
  if (maxSeverity) doc.results = doc.results.filter((r) => r.status !== 'fail' || ['informational', 'low', 'medium'].includes(r.severity));
};

describe('trailguard report', () => {
  it('writes every format to reports/<run-id>/ and prints a one-screen summary on stderr', async () => {
    const dir = workdir();
    const run = await cli(['report', '--results', ORG_SCAN], dir);
    expect(run.code).toBe(1);
    const out = join(dir, 'reports', '3f9c2a7be41d6085c7aa');
    expect(readdirSync(out).sort()).toEqual(FORMAT_NAMES.map((f) => FORMATS[f].fileName).sort());
    expect(readFileSync(join(out, 'results.json'), 'utf8')).toBe(rendered(renderJson(orgScan())));
    expect(run.out).toBe('');
    expect(run.err).toContain('16 results: 5 fail, 2 error, 1 waived, 7 pass, 1 skip (3 accounts, 2 regions)');
    expect(run.err).toMatch(/critical +s3-trail-bucket-not-public +1 resource/);
    expect(run.err).toContain('incomplete: 2 results could not be evaluated (AccessDeniedException ×2)');
    expect(run.err).toContain('reports: reports/3f9c2a7be41d6085c7aa/ (results.json, junit.xml,');
    expect(run.err.trimEnd().split('\n').at(-1)).toBe('exit 1: 5 unwaived failures');
    expect(run.err.split('\n').length).toBeLessThan(25);
  });

  it('writes JSON to stdout with --format json, and a chosen format to its path', async () => {
    const dir = workdir();
    const json = await cli(['report', '--results', ORG_SCAN, '--format', 'json'], dir);
    expect(json.out).toBe(rendered(renderJson(orgScan())));
    expect(existsSync(join(dir, 'reports'))).toBe(false);
    const sarif = await cli(['report', '--results', ORG_SCAN, '--format', 'sarif=out/scan.sarif', '--soft-fail'], dir);
    expect(sarif.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'out', 'scan.sarif'), 'utf8'))).toMatchObject({ version: '2.1.0' });
  });

  it('anchors SARIF at the running GitHub workflow when the rule files are outside the repository', async () => {
    const dir = workdir();
    const file = saved(dir, (doc) => {
      for (const r of doc.rules) r.file = `/home/runner/.npm/_npx/1/node_modules/trailguard/rules/${r.id}.yaml`;
    });
    const env = { GITHUB_WORKFLOW_REF: 'acme/infra/.github/workflows/audit.yml@refs/heads/main' };
    const io = { out: () => undefined, err: () => undefined, isTTY: false, env, cwd: dir };
    expect(await runCli(['report', '--results', file, '--format', 'sarif=out.sarif', '--soft-fail'], io)).toBe(0);
    const sarif = JSON.parse(readFileSync(join(dir, 'out.sarif'), 'utf8')) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    expect(new Set(sarif.runs[0]?.results.map((r) => r.locations[0]?.physicalLocation.artifactLocation.uri))).toEqual(new Set(['.github/workflows/audit.yml']));
  });

  describe('gate', () => {
    const gate = async (change: (doc: ResultsDocument) => void, flags: string[] = []) => {
      const dir = workdir();
      return (await cli(['report', '--results', saved(dir, change), '--format', 'json=out.json', ...flags], dir)).code;
    };

    it('exits 1 on an unwaived failure at or above --fail-on', async () => {
      expect(await gate(() => undefined)).toBe(1);
      expect(await gate(() => undefined, ['--fail-on', 'critical'])).toBe(1);
      expect(await gate(keepOnly(['fail'], 'medium'), ['--fail-on', 'high'])).toBe(0);
      expect(await gate(keepOnly(['fail'], 'medium'), ['--fail-on', 'medium'])).toBe(1);
    });

    it('never gates on waived or skipped results', async () => {
      expect(await gate(keepOnly(['waived', 'skip']))).toBe(0);
    });

    it('exits 3 when results are errors and nothing fails, unless --allow-incomplete', async () => {
      expect(await gate(keepOnly(['error']))).toBe(3);
      expect(await gate(keepOnly(['error']), ['--allow-incomplete'])).toBe(0);
      // A failure takes precedence over an incomplete scan.
      expect(await gate(keepOnly(['error', 'fail']))).toBe(1);
      expect(await gate(keepOnly(['error', 'fail'], 'medium'), ['--fail-on', 'high'])).toBe(3);
    });

    it('says on stderr why the exit code is what it is', async () => {
      const last = async (change: (doc: ResultsDocument) => void, flags: string[]) => {
        const dir = workdir();
        const run = await cli(['report', '--results', saved(dir, change), '--format', 'json=out.json', ...flags], dir);
        return run.err.trimEnd().split('\n').at(-1);
      };
      expect(await last(keepOnly(['error']), [])).toBe('exit 3: the scan is incomplete (2 error results); --allow-incomplete accepts that');
      expect(await last(keepOnly(['error']), ['--allow-incomplete'])).toBe('exit 0: 2 error results accepted (the scan is incomplete)');
      expect(await last(() => undefined, ['--soft-fail', '--fail-on', 'high'])).toBe('exit 0: --soft-fail lets 2 unwaived failures at or above high pass');
    });

    it('exits 0 with --soft-fail whatever the results, but still 2 on bad input', async () => {
      expect(await gate(keepOnly(['error', 'fail']), ['--soft-fail'])).toBe(0);
      const dir = workdir();
      writeFileSync(join(dir, 'bad.json'), '{');
      expect((await cli(['report', '--results', 'bad.json', '--soft-fail'], dir)).code).toBe(2);
    });
  });

  describe('bad input exits 2 with a message naming the file', () => {
    it('a truncated file, at its line and column', async () => {
      const dir = workdir();
      writeFileSync(join(dir, 'results.json'), readFileSync(ORG_SCAN, 'utf8').slice(0, 300));
      const run = await cli(['report', '--results', 'results.json'], dir);
      expect(run.code).toBe(2);
      expect(run.err).toMatch(/^results\.json:\d+:\d+: not valid JSON: /);
      expect(run.err).not.toContain('    at ');
    });

    it('a file that breaks the results schema, at the offending line', async () => {
      const dir = workdir();
      const file = saved(dir, (doc) => {
        (doc.results[3] as { status: string }).status = 'failed';
      });
      writeFileSync(file, JSON.stringify(JSON.parse(readFileSync(file, 'utf8')), null, 2));
      const run = await cli(['report', '--results', 'results.json'], dir);
      expect(run.code).toBe(2);
      expect(run.err).toMatch(/^results\.json:\d+:\d+: `results\[3\]\.status` must be one of pass, fail, error, skip, waived/);
    });

    it('a result whose rule is missing', async () => {
      const dir = workdir();
      saved(dir, (doc) => {
        doc.rules = doc.rules.filter((r) => r.id !== 'kms-trail-key-rotation');
      });
      const run = await cli(['report', '--results', 'results.json'], dir);
      expect(run.code).toBe(2);
      expect(run.err).toContain('rule `kms-trail-key-rotation` is not in `rules`');
    });

    it('a missing file, an unknown format, an unwritable output', async () => {
      const dir = workdir();
      expect(await cli(['report', '--results', 'nope.json'], dir)).toMatchObject({ code: 2, err: 'nope.json: cannot read the results file (ENOENT)\n' });
      expect((await cli(['report', '--results', ORG_SCAN, '--format', 'pdf'], dir)).code).toBe(2);
      writeFileSync(join(dir, 'blocker'), '');
      const run = await cli(['report', '--results', ORG_SCAN, '--format', 'csv=blocker/results.csv'], dir);
      expect(run.code).toBe(2);
      expect(run.err).toMatch(/blocker\/results\.csv: cannot write the csv report \(E[A-Z]+\)/);
    });
  });
});
