/** Benchmark files, `--benchmark <id>[:<profile>]` selection, and the control statuses reports show. */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { benchmarkStatus } from '../../src/evaluate/benchmark-status.js';
import type { Result, Status } from '../../src/evaluate/types.js';
import { builtinBenchmarks, loadBenchmarks } from '../../src/rules/benchmark-load.js';
import { selectBenchmark, type SelectedControl } from '../../src/rules/benchmarks.js';
import { loadRuleSet } from '../../src/rules/load.js';

const builtinRules = loadRuleSet().rules;

function problems(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputError) return error.message.split('\n');
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('benchmark files', () => {
  it('every mistake of every file is reported at its file:line:col, with "did you mean"', () => {
    expect(problems(() => loadBenchmarks('test/fixtures/rules/benchmarks-invalid'))).toEqual([
      'test/fixtures/rules/benchmarks-invalid/broken@1.yaml:5:1: Flow sequence in block collection must be sufficiently indented and end with a ]',
      'test/fixtures/rules/benchmarks-invalid/demo@1.yaml:3:5: benchmark id `demo@2` must equal the file name stem `demo@1`',
      'test/fixtures/rules/benchmarks-invalid/demo@1.yaml:7:46: profile `level-2` includes unknown profile `level-one`; did you mean `level-1`?',
      'test/fixtures/rules/benchmarks-invalid/demo@1.yaml:13:15: duplicate control id `1.1`: a control id appears once per benchmark',
      'test/fixtures/rules/benchmarks-invalid/demo@1.yaml:13:45: unknown profile `level-3`; did you mean `level-1`?',
      'test/fixtures/rules/benchmarks-invalid/demo@1.yaml:14:9: control `1.2` is missing required key `profile` (the benchmark declares profiles: level-1, level-2)',
      'test/fixtures/rules/benchmarks-invalid/typo@1.yaml:4:1: unknown key `titel`; did you mean `title`?',
      'test/fixtures/rules/benchmarks-invalid/typo@1.yaml:9:48: `sections[0].controls[0].assessment` must be one of automated, manual; did you mean `automated`?',
    ]);
  });

  it('the built-in benchmarks load: CIS 3.0.0 to 6.0.0, Security Hub controls, NIST evidence, the trailguard baseline', () => {
    expect(builtinBenchmarks().map((b) => b.id)).toEqual([
      'aws-foundational-security-best-practices',
      'cis-aws-foundations@3.0.0',
      'cis-aws-foundations@4.0.1',
      'cis-aws-foundations@5.0.0',
      'cis-aws-foundations@6.0.0',
      'nist-800-53@rev5',
      'trailguard-baseline',
    ]);
  });

  it('CIS manual items follow the versions: 3.0.0 none, 4.0.1 monitoring 4.2-4.15, 5.0.0 4.1-4.15, 6.0.0 renumbered 5.1-5.15', () => {
    const manual = (id: string, section: string) =>
      builtinBenchmarks()
        .find((b) => b.id === id)!
        .sections.find((s) => s.id === section)!
        .controls.filter((c) => c.assessment === 'manual')
        .map((c) => c.id);
    const range = (s: string, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `${s}.${from + i}`);
    expect(manual('cis-aws-foundations@3.0.0', '4')).toEqual([]);
    expect(manual('cis-aws-foundations@4.0.1', '4')).toEqual(range('4', 2, 15));
    expect(manual('cis-aws-foundations@5.0.0', '4')).toEqual(range('4', 1, 15));
    expect(manual('cis-aws-foundations@6.0.0', '5')).toEqual(range('5', 1, 15));
    // v6 is v5 renumbered: same titles, levels and assessments, one section up.
    const strip = (id: string, section: string) =>
      builtinBenchmarks()
        .find((b) => b.id === id)!
        .sections.find((s) => s.id === section)!
        .controls.map((c) => ({ n: c.id.split('.')[1], title: c.title, profile: c.profile, assessment: c.assessment }));
    expect(strip('cis-aws-foundations@6.0.0', '4')).toEqual(strip('cis-aws-foundations@5.0.0', '3'));
    expect(strip('cis-aws-foundations@6.0.0', '5')).toEqual(strip('cis-aws-foundations@5.0.0', '4'));
  });
});

describe('selectBenchmark', () => {
  it('a profile selects its controls and those of the profiles it includes, and only the rules mapped to them', () => {
    const level1 = selectBenchmark(builtinRules, 'cis-aws-foundations@5.0.0:level-1');
    const level2 = selectBenchmark(builtinRules, 'cis-aws-foundations@5.0.0:level-2');
    const all = selectBenchmark(builtinRules, 'cis-aws-foundations@5.0.0');
    expect(level1.controls.every((c) => c.profile === 'level-1')).toBe(true);
    expect(level1.controls.map((c) => c.id)).toContain('3.1');
    expect(level1.controls.map((c) => c.id)).not.toContain('3.2'); // log file validation is level 2
    expect(level2.controls.map((c) => c.id)).toEqual(all.controls.map((c) => c.id));
    expect(level1.rules.map((r) => r.id)).not.toContain('cloudtrail-log-file-validation');
    expect(level2.rules.map((r) => r.id)).toContain('cloudtrail-log-file-validation');
    // Rules with no mapping to the benchmark never run under it.
    expect(all.rules.map((r) => r.id)).not.toContain('cloudtrail-data-events-critical-buckets-only');
    for (const rule of all.rules) expect(Object.keys(rule.frameworks)).toContain('cis-aws-foundations@5.0.0');
  });

  it('an unknown benchmark or profile is an input error naming the choices', () => {
    expect(problems(() => selectBenchmark(builtinRules, 'cis-aws-foundations@5.0'))[0]).toMatch(
      /^--benchmark: unknown benchmark `cis-aws-foundations@5.0`; did you mean `cis-aws-foundations@5.0.0`\? \(available: aws-foundational-security-best-practices, cis-aws-foundations@3.0.0/,
    );
    expect(problems(() => selectBenchmark(builtinRules, 'cis-aws-foundations@5.0.0:level1'))).toEqual([
      '--benchmark: cis-aws-foundations@5.0.0 has no profile `level1`; did you mean `level-1`? (profiles: level-1, level-2)',
    ]);
    expect(problems(() => selectBenchmark(builtinRules, 'nist-800-53@rev5:high'))).toEqual(['--benchmark: nist-800-53@rev5 has no profile `high` (it has no profiles)']);
  });
});

describe('benchmarkStatus', () => {
  const control = (id: string, ruleIds: string[], assessment: 'automated' | 'manual' = 'automated'): SelectedControl => ({
    id,
    title: `Control ${id}`,
    section: { id: '1', title: 'One' },
    assessment,
    ruleIds,
  });
  const result = (ruleId: string, status: Status, n: number): Result => ({
    id: `${ruleId}-${n}`,
    ruleId,
    title: ruleId,
    severity: 'medium',
    status,
    resourceType: 'trail',
    resourceArn: `arn:aws:cloudtrail:us-east-1:111111111111:trail/t${n}`,
    resourceName: `t${n}`,
    accountId: '111111111111',
    region: 'us-east-1',
    message: '',
  });

  it('a control is its worst result (fail > error > waived > pass; all skip: skip), manual stays manual, no rule: not-evaluated', () => {
    const report = benchmarkStatus(
      {
        id: 'demo',
        title: 'Demo',
        controls: [
          control('1.1', ['a', 'b']),
          control('1.2', ['b']),
          control('1.3', ['c']),
          control('1.4', ['d']),
          control('1.5', ['e']),
          control('1.6', []),
          control('1.7', ['a'], 'manual'),
          control('1.8', ['f']),
        ],
      },
      [
        result('a', 'pass', 1),
        result('a', 'fail', 2),
        result('b', 'error', 3),
        result('b', 'pass', 4),
        result('c', 'waived', 5),
        result('c', 'pass', 6),
        result('d', 'skip', 7),
        result('e', 'pass', 8),
        result('e', 'skip', 9),
      ],
    );
    expect(report.controls.map((c) => [c.id, c.status])).toEqual([
      ['1.1', 'fail'],
      ['1.2', 'error'],
      ['1.3', 'waived'],
      ['1.4', 'skip'],
      ['1.5', 'pass'],
      ['1.6', 'not-evaluated'],
      ['1.7', 'manual'],
      ['1.8', 'skip'], // a rule with nothing to judge
    ]);
    // A manual control keeps its rules' results as evidence.
    expect(report.controls[6]!.counts).toEqual({ pass: 1, fail: 1, error: 0, skip: 0, waived: 0 });
    expect(report.summary).toEqual({ fail: 1, error: 1, waived: 1, pass: 1, skip: 2, manual: 1, 'not-evaluated': 1 });
  });
});
