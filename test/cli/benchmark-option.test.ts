/** --benchmark on the commands: what a user sees listed, tested and reported. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ResultsDocument } from '../../src/evaluate/types.js';
import { validatorFor } from '../../src/documents/schemas.js';
import { cli } from '../helpers/cli.js';

describe('trailguard rules list --benchmark', () => {
  it('lists the logging and monitoring controls of CIS 5.0.0, automated and manual, with their profile and rules', async () => {
    const { code, out } = await cli(['rules', 'list', '--benchmark', 'cis-aws-foundations@5.0.0']);
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines[0]).toBe('cis-aws-foundations@5.0.0: CIS Amazon Web Services Foundations Benchmark v5.0.0 (Logging and Monitoring)');
    expect(lines).toContain('3 Logging');
    expect(lines).toContain('4 Monitoring');
    const row = (id: string) => {
      const i = lines.findIndex((l) => l.startsWith(`${id} `));
      return { control: lines[i]!.split(/\s{2,}/), rules: lines[i + 1]!.trim() };
    };
    expect(row('3.2').control).toEqual(['3.2', 'automated', 'level-2', 'Ensure CloudTrail log file validation is enabled']);
    expect(row('3.2').rules).toBe('rules: cloudtrail-log-file-validation');
    expect(row('4.3').control).toEqual(['4.3', 'manual', 'level-1', "Ensure usage of the 'root' account is monitored"]);
    expect(row('4.3').rules).toBe('rules: cw-monitor-root-usage');
    expect(row('3.1').rules).toMatch(/^rules: .*cloudtrail-multi-region-trail-logging/);
    for (let n = 1; n <= 9; n++) expect(lines.some((l) => l.startsWith(`3.${n} `))).toBe(true);
    for (let n = 1; n <= 16; n++) expect(lines.some((l) => l.startsWith(`4.${n} `))).toBe(true);
    expect(lines.at(-2)).toMatch(/^25 controls \(\d+ automated, \d+ manual\), \d+ rules$/);
  });

  it('--json, for one profile: only its controls', async () => {
    const { code, out } = await cli(['rules', 'list', '--benchmark', 'cis-aws-foundations@4.0.1:level-1', '--json']);
    expect(code).toBe(0);
    const listed = JSON.parse(out) as { id: string; profile: string; controls: Array<{ id: string; assessment: string; profile: string; rules: string[] }> };
    expect(listed.profile).toBe('level-1');
    expect(listed.controls.every((c) => c.profile === 'level-1')).toBe(true);
    expect(listed.controls.find((c) => c.id === '4.2')).toMatchObject({ assessment: 'manual', rules: ['cw-monitor-console-signin-no-mfa'] });
    // 4.1 is level 2 from v4.0.1 on.
    expect(listed.controls.map((c) => c.id)).not.toContain('4.1');
  });

  it('an unknown benchmark is a usage error (exit 2) with a suggestion', async () => {
    const { code, err } = await cli(['rules', 'list', '--benchmark', 'cis-aws-foundation@5.0.0']);
    expect(code).toBe(2);
    expect(err).toContain('unknown benchmark `cis-aws-foundation@5.0.0`; did you mean `cis-aws-foundations@5.0.0`?');
  });
});

describe('trailguard rules test --benchmark', () => {
  it("runs only the selected rules' cases", async () => {
    const all = await cli(['rules', 'test']);
    const baseline = await cli(['rules', 'test', '--benchmark', 'trailguard-baseline:core']);
    expect(baseline.code).toBe(0);
    expect(baseline.out).toMatch(/^6 rules, \d+ cases, 0 failed\n$/);
    expect(all.out).not.toMatch(/^6 rules/);
  });
});

describe('trailguard evaluate --benchmark', () => {
  it('the results carry each control with its status; Markdown and HTML show manual controls as manual', async () => {
    const dir = 'test-output/benchmark-option';
    mkdirSync(dir, { recursive: true });
    const { code } = await cli([
      'evaluate',
      '--inventory',
      'test/fixtures/inventory/compliant.json',
      '--benchmark',
      'cis-aws-foundations@5.0.0',
      '--format',
      'json',
      '--format',
      'markdown',
      '--format',
      'html',
      '--output-dir',
      dir,
    ]);
    expect(code).toBe(1); // the fixture has no metric filters: the monitoring rules fail
    const doc = JSON.parse(readFileSync(`${dir}/results.json`, 'utf8')) as ResultsDocument;
    expect(validatorFor('results')(doc)).toBe(true);
    const status = (id: string) => doc.benchmark!.controls.find((c) => c.id === id)!.status;
    expect(status('3.2')).toBe('pass'); // the compliant trail validates its logs
    expect(status('4.3')).toBe('manual');
    expect(status('3.3')).toMatch(/^(not-evaluated|pass|fail|error|skip)$/);
    // Only the benchmark's rules ran.
    expect(new Set(doc.results.map((r) => r.ruleId))).not.toContain('cloudtrail-data-events-critical-buckets-only');
    const markdown = readFileSync(`${dir}/summary.md`, 'utf8');
    expect(markdown).toContain('### Benchmark: CIS Amazon Web Services Foundations Benchmark v5.0.0');
    expect(markdown).toMatch(/\| 4\.3 \| Ensure usage of the 'root' account is monitored \| manual \| 👤 manual \| `cw-monitor-root-usage`/);
    const html = readFileSync(`${dir}/report.html`, 'utf8');
    expect(html).toMatch(/<td>4\.3<\/td><td>Ensure usage of the &#39;root&#39; account is monitored<\/td><td>[^<]*<\/td><td><span class="badge st-skip">Manual<\/span>/);
    expect(html).toMatch(/Compliance <strong class="big">\d+%<\/strong>: \d+ of \d+ assessed automated controls pass/);
  });
});

describe("a benchmark's parameters", () => {
  const evaluate = async (args: string[]) => {
    const { out } = await cli(['evaluate', '--inventory', 'test/fixtures/inventory/compliant.json', ...args]);
    const doc = JSON.parse(out) as ResultsDocument;
    return doc.results.find((r) => r.ruleId === 'cw-monitor-security-group-changes')!.parameters;
  };

  it('CIS 3.0.0 runs the monitoring rules with its own patterns; the config still wins', async () => {
    expect(await evaluate([])).toMatchObject({ cis_version: '5.0.0' });
    expect(await evaluate(['--benchmark', 'cis-aws-foundations@3.0.0'])).toMatchObject({ cis_version: '3.0.0' });
    expect(await evaluate(['--benchmark', 'cis-aws-foundations@6.0.0:level-2'])).toMatchObject({ cis_version: '6.0.0' });
    mkdirSync('test-output/benchmark-option', { recursive: true });
    writeFileSync('test-output/benchmark-option/config.yaml', 'rules:\n  cw-monitor-security-group-changes: { parameters: { cis_version: "4.0.1" } }\n');
    expect(await evaluate(['--benchmark', 'cis-aws-foundations@3.0.0', '--config', 'test-output/benchmark-option/config.yaml'])).toMatchObject({ cis_version: '4.0.1' });
  });
});

describe('trailguard demo --benchmark (a scan of the demo organization)', () => {
  it('reports the baseline core controls from the organization sweep, each with the worst status of its rules', async () => {
    const dir = 'test-output/benchmark-option/demo';
    const { code } = await cli(['demo', '--benchmark', 'trailguard-baseline:core', '--format', 'json', '--output-dir', dir]);
    expect(code).toBe(0); // the demo is not a gate
    const doc = JSON.parse(readFileSync(`${dir}/results.json`, 'utf8')) as ResultsDocument;
    expect(doc.benchmark?.controls.map((c) => [c.id, c.rules])).toEqual([
      ['1.1', ['cloudtrail-multi-region-trail-logging']],
      ['1.2', ['org-trail-present']],
      ['2.1', ['cloudtrail-log-file-validation']],
      ['2.2', ['cloudtrail-sse-kms']],
      ['3.1', ['s3-trail-bucket-lifecycle-archive']],
      ['4.1', ['cloudtrail-data-events-critical-buckets-only']],
    ]);
    // The organization trail is stopped: the organization has no logging organization trail.
    expect(doc.benchmark?.controls.find((c) => c.id === '1.2')?.status).toBe('fail');
    // Only the six core rules ran.
    expect(new Set(doc.results.map((r) => r.ruleId)).size).toBe(6);
  }, 60_000);
});
