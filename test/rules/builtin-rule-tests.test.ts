/** Every inline test case of every built-in rule, each as its own test. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_RULES_DIR, loadRuleSet } from '../../src/rules/load.js';
import { runRuleTest } from '../../src/rules/test-runner.js';

/** Rule files in the built-in pack, counted independently of the loader (benchmark catalogues excluded). */
function countRuleFiles(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((n, entry) => {
    if (entry.isDirectory()) return entry.name === 'benchmarks' && dir === BUILTIN_RULES_DIR ? n : n + countRuleFiles(join(dir, entry.name));
    return /\.ya?ml$/.test(entry.name) ? n + 1 : n;
  }, 0);
}

const { rules } = loadRuleSet({ builtin: true });

describe('the built-in rule pack', () => {
  it('loads every rule file in rules/', () => {
    expect(rules.length).toBe(countRuleFiles(BUILTIN_RULES_DIR));
  });

  for (const rule of rules) {
    describe(rule.id, () => {
      it('has at least one pass and one fail case', () => {
        const expects = new Set(rule.tests.map((t) => t.expect));
        expect(expects.has('pass') && expects.has('fail')).toBe(true);
      });
      for (const test of rule.tests) {
        it(`${test.name} → ${test.expect} (${test.location.file}:${test.location.line})`, () => {
          const result = runRuleTest(rule, test);
          expect(result.actual, result.message).toBe(test.expect);
        });
      }
    });
  }
});
