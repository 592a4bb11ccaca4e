import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

describe('trailguard rules list', () => {
  it('prints id, severity, resource and title, sorted by id', async () => {
    const { code, out } = await cli(['rules', 'list', '--no-builtin', '--rules', 'test/fixtures/rules/valid']);
    expect(code).toBe(0);
    expect(out).toBe(
      'fixture-critical-buckets  high    account  Fixture data events cover exactly the critical buckets\n' +
        'fixture-trail-validation  medium  trail    Fixture trails have log file validation on\n',
    );
  });

  it('--json, with the severity the config sets', async () => {
    mkdirSync('test-output/rules-list', { recursive: true });
    writeFileSync('test-output/rules-list/config.yaml', 'rules:\n  fixture-trail-validation: { severity: critical }\n  fixture-critical-buckets: off\n');
    const { code, out } = await cli(['rules', 'list', '--no-builtin', '--rules', 'test/fixtures/rules/valid', '--config', 'test-output/rules-list/config.yaml', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual([
      {
        id: 'fixture-critical-buckets',
        severity: 'high',
        enabled: false,
        resource: 'account',
        title: 'Fixture data events cover exactly the critical buckets',
        file: 'test/fixtures/rules/valid/fixture-critical-buckets.yaml',
      },
      {
        id: 'fixture-trail-validation',
        severity: 'critical',
        enabled: true,
        resource: 'trail',
        title: 'Fixture trails have log file validation on',
        file: 'test/fixtures/rules/valid/fixture-trail-validation.yaml',
      },
    ]);
  });

  it('finds trailguard.config.yaml walking up to the repository root, and reads its rule_dirs', async () => {
    const root = resolve('test-output/config-discovery');
    mkdirSync(`${root}/.git`, { recursive: true });
    mkdirSync(`${root}/sub/deeper`, { recursive: true });
    writeFileSync(`${root}/trailguard.config.yaml`, `rule_dirs: [${JSON.stringify(resolve('test/fixtures/rules/valid'))}]\nrules:\n  fixture-trail-validation: { severity: critical }\n`);
    const { code, out } = await cli(['rules', 'list', '--no-builtin', '--json'], `${root}/sub/deeper`);
    expect(code).toBe(0);
    expect((JSON.parse(out) as Array<{ id: string; severity: string }>).map((r) => [r.id, r.severity])).toEqual([
      ['fixture-critical-buckets', 'high'],
      ['fixture-trail-validation', 'critical'],
    ]);
  });

  it('includes the built-in pack by default', async () => {
    const { out } = await cli(['rules', 'list', '--rules', 'test/fixtures/rules/valid', '--json']);
    const ids = (JSON.parse(out) as Array<{ id: string }>).map((r) => r.id);
    expect(ids).toContain('fixture-trail-validation');
    expect(ids).toContain('cloudtrail-log-file-validation');
  });
});

describe('trailguard rules test', () => {
  it('passes the cases of valid rules: exit 0 and the count line', async () => {
    const { code, out } = await cli(['rules', 'test', 'test/fixtures/rules/valid']);
    expect(code).toBe(0);
    expect(out).toBe('2 rules, 7 cases, 0 failed\n');
  });

  it('prints each failing case at its file:line and exits 1', async () => {
    const { code, out } = await cli(['rules', 'test', 'test/fixtures/rules/failing-tests', 'test/fixtures/rules/valid']);
    expect(code).toBe(1);
    expect(out.split('\n')).toEqual([
      'test/fixtures/rules/failing-tests/fixture-wrong-expectation.yaml:22:5: fixture-wrong-expectation › stopped is wrongly expected to pass: ' +
        'expected pass, got fail (not logging: Status.IsLogging is_true (found false))',
      '3 rules, 9 cases, 1 failed',
      '',
    ]);
  });

  it('tests the built-in pack when no folder is given', async () => {
    const { code, out } = await cli(['rules', 'test']);
    expect(code).toBe(0);
    expect(out).toMatch(/^[1-9]\d* rules, \d+ cases, 0 failed\n$/);
  });
});

describe('rules subcommands take their folders the same way', () => {
  const DIR = 'test/fixtures/rules/valid';
  it.each(['list', 'validate', 'test'])('rules %s DIR is rules %s --rules DIR --no-builtin', async (sub) => {
    const positional = await cli(['rules', sub, DIR]);
    const flagged = await cli(['rules', sub, '--rules', DIR, '--no-builtin']);
    expect(positional.code, positional.err).toBe(0);
    expect(positional).toEqual(flagged);
    // --rules adds to the built-in pack.
    const added = await cli(['rules', sub, '--rules', DIR]);
    expect(added.out).not.toEqual(flagged.out);
  });
});
