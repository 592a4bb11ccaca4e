import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ResultsDocument } from '../../src/evaluate/types.js';
import { cli } from '../helpers/cli.js';

const DIR = 'test-output/cli-evaluate';
mkdirSync(DIR, { recursive: true });
const INVENTORY = 'test/fixtures/inventory/compliant.json';
const FIXTURE_RULES = ['--no-builtin', '--rules', 'test/fixtures/rules/valid'];

function write(name: string, text: string): string {
  const path = join(DIR, name);
  writeFileSync(path, text);
  return path;
}

const parse = (out: string) => JSON.parse(out) as ResultsDocument;

describe('trailguard evaluate', () => {
  it('writes the results JSON on stdout and a summary on stderr; exit 0 when nothing fails', async () => {
    const { code, out, err } = await cli(['evaluate', '--inventory', INVENTORY, ...FIXTURE_RULES]);
    expect(code).toBe(0);
    const doc = parse(out);
    expect(doc.results.map((r) => [r.ruleId, r.status])).toEqual([
      ['fixture-critical-buckets', 'skip'],
      ['fixture-trail-validation', 'pass'],
    ]);
    expect(err).toBe('2 results from 2 rules: 1 pass, 0 fail, 0 error, 1 skip, 0 waived\n');
  });

  it("is deterministic: the scan time defaults to the inventory's collectedAt", async () => {
    const first = await cli(['evaluate', '--inventory', INVENTORY]);
    const second = await cli(['evaluate', '--inventory', INVENTORY]);
    expect(second.out).toBe(first.out);
    expect(parse(first.out).run.scanTime).toBe('2026-01-01T00:00:00.000Z');
    const later = await cli(['evaluate', '--inventory', INVENTORY, '--scan-time', '2026-03-01T00:00:00Z']);
    expect(parse(later.out).run.scanTime).toBe('2026-03-01T00:00:00.000Z');
    expect(parse(later.out).run.runId).not.toBe(parse(first.out).run.runId);
  });

  it('--output writes the file and keeps stdout empty', async () => {
    const output = join(DIR, 'nested', 'results.json');
    const { code, out, err } = await cli(['evaluate', '--inventory', INVENTORY, ...FIXTURE_RULES, '--output', output]);
    expect(code).toBe(0);
    expect(out).toBe('');
    expect(err).toContain(`→ ${output}`);
    expect(parse(readFileSync(output, 'utf8')).summary.total).toBe(2);
  });

  it('exits 1 on a failure, and --fail-on raises the threshold', async () => {
    const config = write('critical.yaml', 'rules:\n  fixture-critical-buckets:\n    parameters:\n      critical_buckets: [ledger-prod, hr-records]\n');
    const failing = await cli(['evaluate', '--inventory', INVENTORY, ...FIXTURE_RULES, '--config', config]);
    expect(failing.code).toBe(1);
    const result = parse(failing.out).results.find((r) => r.ruleId === 'fixture-critical-buckets')!;
    expect(result).toMatchObject({ status: 'fail', severity: 'high', parameters: { critical_buckets: ['ledger-prod', 'hr-records'] } });
    expect((await cli(['evaluate', '--inventory', INVENTORY, ...FIXTURE_RULES, '--config', config, '--fail-on', 'critical'])).code).toBe(0);
  });

  it('exits 3 (incomplete) when a result is an error and nothing gating failed', async () => {
    const config = write('critical-for-denied.yaml', 'rules:\n  fixture-critical-buckets: { parameters: { critical_buckets: [ledger-prod] } }\n');
    const inventory = 'test/fixtures/inventory/access-denied-selectors.json';
    const { code, out } = await cli(['evaluate', '--inventory', inventory, ...FIXTURE_RULES, '--config', config]);
    expect(code).toBe(3);
    const error = parse(out).results.find((r) => r.status === 'error')!;
    expect(error).toMatchObject({ ruleId: 'fixture-critical-buckets', error: { operation: 'GetEventSelectors' } });
    expect(error.message).toMatch(/^Could not read derived\.s3DataEvents\.allBuckets\.read: cloudtrail GetEventSelectors failed with AccessDenied/);
  });

  it('a waiver turns the failure into waived and the run passes; an unused one warns', async () => {
    const config = write('waived-config.yaml', 'rules:\n  fixture-critical-buckets: { parameters: { critical_buckets: [ledger-prod, hr-records] } }\n');
    const waivers = write(
      'waivers.yaml',
      'schemaVersion: 1\nwaivers:\n  - id: W-1\n    rules: [fixture-critical-buckets]\n    accounts: ["111111111111"]\n' +
        '    reason: Data events move to the new trail next sprint.\n    owner: sec@example.com\n    expires: 2026-03-01\n' +
        '  - id: W-2\n    rules: [nothing-*]\n    reason: Left over from a removed rule pack.\n    owner: sec@example.com\n    expires: 2026-03-01\n',
    );
    const { code, out, err } = await cli(['evaluate', '--inventory', INVENTORY, ...FIXTURE_RULES, '--config', config, '--waivers', waivers]);
    expect(code).toBe(0);
    expect(parse(out).results.find((r) => r.ruleId === 'fixture-critical-buckets')).toMatchObject({ status: 'waived', waiver: { id: 'W-1' } });
    expect(err).toContain(`warning: waiver W-2 (${waivers}:9) matches no failing result`);
  });

  it('a corrupt inventory exits 2 naming the file, with no stack trace', async () => {
    const bad = write('corrupt.json', '{"schemaVersion": 1,');
    const { code, out, err } = await cli(['evaluate', '--inventory', bad]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(new RegExp(`^${bad}(:\\d+:\\d+)?: `));
    expect(err).not.toMatch(/\n\s+at /);
  });

  it('a bad --scan-time or --fail-on is a usage error (exit 2)', async () => {
    expect((await cli(['evaluate', '--inventory', INVENTORY, '--scan-time', 'yesterday'])).code).toBe(2);
    expect((await cli(['evaluate', '--inventory', INVENTORY, '--fail-on', 'severe'])).code).toBe(2);
  });
});

describe('trailguard evaluate --config: problems are located in the config file', () => {
  const run = (config: string) => cli(['evaluate', '--inventory', INVENTORY, ...FIXTURE_RULES, '--config', config]);

  it('a parameter value that breaks the rule schema: exit 2 at the value', async () => {
    const config = write('bad-param.yaml', 'rules:\n  fixture-critical-buckets:\n    parameters:\n      critical_buckets: [ab]\n');
    const { code, err } = await run(config);
    expect(code).toBe(2);
    expect(err.trim()).toBe(`${config}:4:25: parameter \`critical_buckets\` of \`fixture-critical-buckets\`: 0 must NOT have fewer than 3 characters`);
  });

  it('an override with an unknown parameter, and an unknown rule id, each with a suggestion', async () => {
    const config = write(
      'bad-names.yaml',
      'rules:\n  fixture-trail-validaton: off\noverrides:\n  - accounts: ["111111111111"]\n    rules:\n      fixture-critical-buckets:\n        parameters: { critical: [ledger] }\n',
    );
    const { code, err } = await run(config);
    expect(code).toBe(2);
    expect(err.trim().split('\n')).toEqual([
      `${config}:2:3: unknown rule \`fixture-trail-validaton\`; did you mean \`fixture-trail-validation\`?`,
      `${config}:7:23: rule \`fixture-critical-buckets\` has no parameter \`critical\`; did you mean \`critical_buckets\`?`,
    ]);
  });

  it('a config that breaks the config schema: exit 2 with did-you-mean', async () => {
    const config = write('bad-schema.yaml', 'rules:\n  fixture-trail-validation: { severity: hgh }\nrule_dir: [x]\n');
    const { code, err } = await run(config);
    expect(code).toBe(2);
    expect(err.trim().split('\n')).toEqual([
      `${config}:2:41: \`rules.fixture-trail-validation.severity\` must be one of informational, low, medium, high, critical; did you mean \`high\`?`,
      `${config}:3:1: unknown key \`rule_dir\`; did you mean \`rule_dirs\`?`,
    ]);
  });

  it('settings for built-in rules are not errors when the built-in pack is left out', async () => {
    const config = write('builtin-settings.yaml', 'rules:\n  cloudtrail-log-file-validation: { severity: critical }\n');
    expect((await run(config)).code).toBe(0);
  });

  it('a config that is not valid YAML: exit 2 at the syntax error', async () => {
    const config = write('bad-yaml.yaml', 'rules:\n  fixture-trail-validation: { severity: high\n');
    const { code, err } = await run(config);
    expect(code).toBe(2);
    expect(err).toMatch(new RegExp(`^${config}:3:1: `));
  });

  it('"off" stops a rule from running', async () => {
    const config = write('off.yaml', 'rules:\n  fixture-trail-validation: off\n');
    const doc = parse((await run(config)).out);
    expect(doc.rules.map((r) => r.id)).toEqual(['fixture-critical-buckets']);
  });
});
