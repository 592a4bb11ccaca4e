/**
 * Meta-tests of the built-in pack: every rule is complete, and rules and benchmarks agree.
 * Each failure names the rule or the control, so a new rule's author knows what to add.
 */
import { basename, dirname, extname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinBenchmarks } from '../../src/rules/benchmark-load.js';
import type { Benchmark } from '../../src/rules/benchmark-load.js';
import { controlsOf, selectBenchmark } from '../../src/rules/benchmarks.js';
import { loadRuleSet } from '../../src/rules/load.js';
import type { Rule } from '../../src/rules/types.js';

const rules = loadRuleSet().rules;
const benchmarks = builtinBenchmarks();

/**
 * Rules that ask for opposite configurations: CIS 3.8/3.9 want S3 data events on every bucket,
 * the baseline wants them on the critical buckets only (cost). A profile holding both could
 * never pass, so no benchmark profile may select both.
 */
const CONTRADICTIONS: ReadonlyArray<readonly [string, string]> = [
  ['cloudtrail-data-events-critical-buckets-only', 'cloudtrail-s3-data-events-write'],
  ['cloudtrail-data-events-critical-buckets-only', 'cloudtrail-s3-data-events-read'],
];

/**
 * The id prefix of each rules/ folder (the service): an id starts with `<prefix>-`. The one
 * statement of the convention docs/rule-language.md describes; a new folder must be added here.
 */
const ID_PREFIX: Readonly<Record<string, string>> = {
  cloudtrail: 'cloudtrail',
  cloudwatch: 'cw',
  config: 'config',
  kms: 'kms',
  logs: 'logs',
  organizations: 'org',
  s3: 's3',
  securityhub: 'securityhub',
  sns: 'sns',
  vpc: 'vpc',
};

/** `problem` for each rule it returns a message for: one assertion listing them all. */
function everyRule(problem: (rule: Rule) => string | undefined): string[] {
  return rules.flatMap((rule) => {
    const message = problem(rule);
    return message ? [`${rule.id}: ${message}`] : [];
  });
}

/** The whole benchmark, then each profile: every selection a user can ask for. */
function selections(benchmark: Benchmark): string[] {
  return [benchmark.id, ...Object.keys(benchmark.profiles).map((profile) => `${benchmark.id}:${profile}`)];
}

describe('every built-in rule', () => {
  it('is built in, and its id equals its file name', () => {
    expect(rules.length).toBeGreaterThan(40);
    expect(everyRule((rule) => (basename(rule.location.file, extname(rule.location.file)) === rule.id ? undefined : `file ${rule.location.file}`))).toEqual([]);
  });

  it("has an id that starts with its folder's prefix (renamed ones keep the old id under previousIds)", () => {
    const wrong = everyRule((rule) => {
      const folder = basename(dirname(rule.location.file));
      const prefix = ID_PREFIX[folder];
      if (prefix === undefined) return `folder rules/${folder}/ has no prefix in ID_PREFIX`;
      return rule.id.startsWith(`${prefix}-`) ? undefined : `in rules/${folder}/ the id must start with \`${prefix}-\``;
    });
    expect(wrong).toEqual([]);
  });

  it('has its texts: title, description, rationale, references and a remediation with summary, CLI, CloudFormation, Terraform and console', () => {
    const missing = everyRule((rule) => {
      const texts: Record<string, string | undefined> = {
        title: rule.title,
        description: rule.description,
        rationale: rule.rationale,
        'remediation.summary': rule.remediation.summary,
        'remediation.cli': rule.remediation.cli,
        'remediation.cloudformation': rule.remediation.cloudformation,
        'remediation.terraform': rule.remediation.terraform,
        'remediation.console': rule.remediation.console,
      };
      const absent = Object.entries(texts)
        .filter(([, value]) => !value?.trim())
        .map(([key]) => key);
      if (rule.references.length === 0 || rule.references.some((ref) => !/^https:\/\//.test(ref))) absent.push('references (https URLs)');
      return absent.length ? `missing ${absent.join(', ')}` : undefined;
    });
    expect(missing).toEqual([]);
  });

  it('has inline tests expecting pass, fail and error, and skip when it has applies_when', () => {
    const missing = everyRule((rule) => {
      const expected = new Set(rule.tests.map((t) => t.expect));
      const needed = ['pass', 'fail', 'error', ...(rule.appliesWhen ? ['skip'] : [])].filter((status) => !expected.has(status as never));
      return needed.length ? `no test expecting ${needed.join(', ')}` : undefined;
    });
    expect(missing).toEqual([]);
  });

  it('maps only to controls that exist: each frameworks key names a benchmark file, each id a control in it, once', () => {
    const wrong = everyRule((rule) => {
      const problems: string[] = [];
      for (const [key, ids] of Object.entries(rule.frameworks)) {
        const benchmark = benchmarks.find((b) => b.id === key);
        if (!benchmark) {
          problems.push(`no benchmark file rules/benchmarks/${key}.yaml`);
          continue;
        }
        const controls = new Set(controlsOf(benchmark).map((c) => c.id));
        for (const id of ids) if (!controls.has(id)) problems.push(`${key} has no control ${id}`);
        if (new Set(ids).size !== ids.length) problems.push(`${key} lists a control twice`);
      }
      return problems.length ? problems.join('; ') : undefined;
    });
    expect(wrong).toEqual([]);
  });
});

describe('every built-in benchmark', () => {
  it('lists each control id once per framework version', () => {
    for (const benchmark of benchmarks) {
      const ids = controlsOf(benchmark).map((c) => c.id);
      expect(
        ids.filter((id, i) => ids.indexOf(id) !== i),
        benchmark.id,
      ).toEqual([]);
    }
  });

  it('selects only existing rules, and judges every automated control with at least one rule', () => {
    const ids = new Set(rules.map((r) => r.id));
    const unjudged: string[] = [];
    for (const benchmark of benchmarks) {
      const selection = selectBenchmark(rules, benchmark.id, benchmarks);
      for (const control of selection.controls) {
        for (const id of control.ruleIds) expect(ids.has(id), `${benchmark.id} ${control.id} → ${id}`).toBe(true);
        if (control.assessment === 'automated' && control.ruleIds.length === 0) unjudged.push(`${benchmark.id} ${control.id} ${control.title}`);
      }
    }
    expect(unjudged).toEqual([]);
  });

  it('sets only parameters its rules declare (a misspelt one would be ignored), with values they accept', () => {
    for (const benchmark of benchmarks) {
      // selectBenchmark rejects a value a rule's parameter schema refuses.
      const selected = selectBenchmark(rules, benchmark.id, benchmarks).rules;
      for (const name of Object.keys(benchmark.parameters)) {
        expect(
          selected.some((rule) => name in rule.parameters),
          `${benchmark.id} parameter ${name}`,
        ).toBe(true);
      }
    }
  });

  it('never holds two contradicting rules in one profile', () => {
    const clashes: string[] = [];
    for (const benchmark of benchmarks) {
      for (const spec of selections(benchmark)) {
        const selected = new Set(selectBenchmark(rules, spec, benchmarks).rules.map((r) => r.id));
        for (const [a, b] of CONTRADICTIONS) if (selected.has(a) && selected.has(b)) clashes.push(`${spec}: ${a} and ${b}`);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('the contradiction list names real rules, so the check above cannot pass vacuously', () => {
    const ids = new Set(rules.map((r) => r.id));
    expect(CONTRADICTIONS.flat().filter((id) => !ids.has(id))).toEqual([]);
  });
});
