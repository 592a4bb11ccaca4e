/**
 * Renamed built-in rules keep answering to their old ids (`previousIds:`) wherever a user names
 * a rule: the config, the waivers file and --only/--skip, each with a warning naming the new id.
 * Old ids on purpose: apply-renames.sh must leave this file alone.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ResultsDocument } from '../../src/evaluate/types.js';
import { cli } from '../helpers/cli.js';

const DIR = 'test-output/renamed-rule-ids';
mkdirSync(DIR, { recursive: true });
const INVENTORY = 'test/fixtures/inventory/rulepack-buckets/organization.json';
const OLD = 'cloudtrail-bucket-versioning';
const NEW = 's3-trail-bucket-versioning';

function write(name: string, text: string): string {
  const path = join(DIR, name);
  writeFileSync(path, text);
  return path;
}

const renamed = (where: string, old: string, current: string) => `warning: ${where}: rule \`${old}\` was renamed to \`${current}\`; the old id still works, but use the new one`;

interface Listed {
  id: string;
  severity: string;
  enabled: boolean;
}

describe('a renamed rule named by its old id', () => {
  it('in the config: its settings and overrides apply to the renamed rule', async () => {
    const config = write(
      'config.yaml',
      [
        'rules:',
        `  ${OLD}:`,
        '    severity: critical',
        '  organizations-org-trail-present: off',
        'overrides:',
        '  - accounts: ["500000000004"]',
        '    rules:',
        '      cloudtrail-log-group-retention: off',
        '',
      ].join('\n'),
    );
    const list = await cli(['rules', 'list', '--json', '--config', config]);
    expect(list.code, list.err).toBe(0);
    const rows = JSON.parse(list.out) as Listed[];
    expect(rows.find((r) => r.id === NEW)).toMatchObject({ severity: 'critical', enabled: true });
    expect(rows.find((r) => r.id === 'org-trail-present')).toMatchObject({ enabled: false });
    expect(rows.map((r) => r.id)).not.toContain(OLD);
    expect(list.err.trim().split('\n')).toEqual([
      renamed(`${config}:2`, OLD, NEW),
      renamed(`${config}:4`, 'organizations-org-trail-present', 'org-trail-present'),
      renamed(`${config}:8`, 'cloudtrail-log-group-retention', 'logs-trail-log-group-retention'),
    ]);

    // The override reaches the evaluation: the account it names loses the rule (its failing log group), the others keep it.
    const args = ['evaluate', '--inventory', 'test/fixtures/inventory/rulepack-monitoring/standalone.json', '--only', 'logs-trail-log-group-retention'];
    const accountsOf = (out: string) => (JSON.parse(out) as ResultsDocument).results.map((r) => r.accountId);
    expect(accountsOf((await cli(args)).out)).toContain('500000000004');
    const overridden = accountsOf((await cli([...args, '--config', config])).out);
    expect(overridden).not.toContain('500000000004');
    expect(overridden).toContain('500000000005');
  });

  it('in the config together with its new id: exit 2 naming both', async () => {
    const config = write('both.yaml', `rules:\n  ${OLD}: off\n  ${NEW}:\n    severity: low\n`);
    const run = await cli(['rules', 'list', '--config', config]);
    expect(run.code).toBe(2);
    expect(run.err).toContain(`${config}:2:3: rule \`${OLD}\` was renamed to \`${NEW}\`, which is configured too: keep only \`${NEW}\``);
  });

  it('in --only and --skip: selects (or leaves out) the renamed rule', async () => {
    const only = await cli(['evaluate', '--inventory', INVENTORY, '--only', OLD]);
    const results = (JSON.parse(only.out) as ResultsDocument).results;
    expect(new Set(results.map((r) => r.ruleId))).toEqual(new Set([NEW]));
    expect(only.err).toContain(renamed('--only', OLD, NEW));

    const skip = await cli(['rules', 'list', '--json', '--only', 's3-*', '--skip', OLD]);
    expect(skip.code, skip.err).toBe(0);
    const ids = (JSON.parse(skip.out) as Listed[]).map((r) => r.id);
    expect(ids).toContain('s3-trail-bucket-object-lock');
    expect(ids).not.toContain(NEW);
    expect(skip.err).toContain(renamed('--skip', OLD, NEW));
  });

  it("in a waiver: the renamed rule's failure is waived, and the waiver is not reported unused", async () => {
    const waivers = write(
      'waivers.yaml',
      [
        'schemaVersion: 1',
        'waivers:',
        '  - id: W-RENAMED',
        `    rules: [${OLD}]`,
        '    resources: ["arn:aws:s3:::weak-trail-logs"]',
        '    reason: Bucket being retired.',
        '    owner: platform@example.com',
        `    expires: "${new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10)}"`,
        '',
      ].join('\n'),
    );
    const run = await cli(['evaluate', '--inventory', INVENTORY, '--only', NEW, '--waivers', waivers]);
    const weak = (JSON.parse(run.out) as ResultsDocument).results.find((r) => r.resourceArn === 'arn:aws:s3:::weak-trail-logs');
    expect(weak).toMatchObject({ ruleId: NEW, status: 'waived', waiver: { id: 'W-RENAMED' } });
    expect(run.err).toContain(renamed(`${waivers}:4`, OLD, NEW));
    expect(run.err).not.toContain('matches no failing result');
  });

  it('is not a rule of its own: `rules list` and benchmarks show only the new id', async () => {
    const list = await cli(['rules', 'list', '--json', '--benchmark', 'cis-aws-foundations@5.0.0']);
    expect(list.code, list.err).toBe(0);
    const all = await cli(['rules', 'list', '--json']);
    const ids = (JSON.parse(all.out) as Listed[]).map((r) => r.id);
    expect(ids).toContain(NEW);
    expect(ids).not.toContain(OLD);
    expect(list.out).not.toContain(OLD);
  });

  it("cannot be claimed by a second rule: a user rule whose previousIds name a loaded rule or another rule's old id is refused", async () => {
    const dir = join(DIR, 'clash');
    mkdirSync(dir, { recursive: true });
    const original = readFileSync('rules/kms/kms-cmk-rotation.yaml', 'utf8');
    const file = write('clash/kms-custom-rotation.yaml', original.replace('id: kms-cmk-rotation\n', `id: kms-custom-rotation\npreviousIds: [kms-cmk-rotation, ${OLD}]\n`));
    const run = await cli(['rules', 'validate', '--rules', dir]);
    expect(run.code).toBe(2);
    expect(run.err).toContain(`${file}:3:5: previous id \`kms-cmk-rotation\` of \`kms-custom-rotation\` is the id of a loaded rule (rules/kms/kms-cmk-rotation.yaml)`);
    expect(run.err).toContain(`${file}:3:5: previous id \`${OLD}\` of \`kms-custom-rotation\` is also a previous id of \`${NEW}\``);
  });
});
