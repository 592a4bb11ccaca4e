/**
 * The demo organization (examples/demo-org.yaml, with examples/demo-config.yaml) shows every
 * built-in rule at work: scanned as `trailguard demo` and `trailguard scan --organization` scan
 * it (the simulator, the real collector and the organization sweep, from the management
 * account), each rule has at least one passing and one failing resource. A new rule needs a
 * compliant and a broken example in the demo world; the failure message names the rules that
 * lack one.
 *
 * A rule that can judge only one resource of an organization (the organization itself, or the
 * management account alone) cannot both pass and fail in one organization: it must give a
 * verdict, pass or fail.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FORMAT_NAMES, FORMATS } from '../../src/report/formats.js';
import { writeReports } from '../../src/report/write.js';
import { loadConfiguredRules } from '../../src/config/configured-rules.js';
import type { ResultsDocument, Status } from '../../src/evaluate/types.js';
import { planForRules } from '../../src/plan/rule-plan.js';
import type { Rule } from '../../src/rules/types.js';
import { evaluateInventory } from '../../src/scan/evaluate-inventory.js';
import { sweepOrganization } from '../../src/sweep/sweep.js';
import { DEMO_CONFIG } from '../../src/cli/commands/demo.js';
import { DEMO_WORLD } from '../../src/package-info.js';
import { simTarget } from '../helpers/sim-target.js';
import { useSimulator } from '../helpers/simulator.js';

const { config, ruleSet } = loadConfiguredRules({ configPath: DEMO_CONFIG, cwd: process.cwd() });
const rules = ruleSet.rules;
/** Rules about the management account alone (AWS Organizations calls are recorded there only). */
const MANAGEMENT_ONLY = new Set(['cw-monitor-organizations-changes']);
const oneSubject = (rule: Rule) => rule.resource === 'organization' || MANAGEMENT_ONLY.has(rule.id);
const NOW = new Date('2026-11-25T00:00:00Z');
const sim = useSimulator(DEMO_WORLD, { now: () => NOW });
let doc: ResultsDocument;

beforeAll(async () => {
  const management = sim.world.organization!.masterAccountId;
  const { inventory } = await sweepOrganization({
    target: simTarget(sim, management, { maxAttempts: 8 }),
    // What `trailguard scan --organization` collects for these rules.
    plan: planForRules(rules),
    role: { roleName: 'OrganizationAccountAccessRole', sessionName: 'trailguard-test', durationSeconds: 3600 },
    filters: {},
    concurrency: 8,
    now: NOW,
    tool: { name: 'trailguard', version: 'test' },
  });
  doc = evaluateInventory({ inventory, rules, config, waivers: [] });
}, 120_000);

describe('the demo organization', () => {
  it('gives every built-in rule at least one pass and one fail (one verdict where a single resource is judged)', () => {
    const seen = new Map<string, Set<Status>>(rules.map((rule) => [rule.id, new Set()]));
    for (const result of doc.results) seen.get(result.ruleId)?.add(result.status);
    const lacking = rules.flatMap((rule) => {
      const statuses = seen.get(rule.id)!;
      const missing = oneSubject(rule) ? (statuses.has('pass') || statuses.has('fail') ? [] : ['pass or fail']) : (['pass', 'fail'] as const).filter((s) => !statuses.has(s));
      return missing.length ? [`${rule.id}: no ${missing.join(' and no ')} (has ${[...statuses].sort().join(', ') || 'no results'})`] : [];
    });
    if (lacking.length > 0) console.log(`rules the demo organization does not show passing and failing:\n  ${lacking.join('\n  ')}`);
    expect(rules.length).toBeGreaterThan(40);
    expect(lacking).toEqual([]);
  });

  it('prints every remediation filled: no report of the demo scan holds an unfilled {{placeholder}}', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trailguard-demo-reports-'));
    try {
      const written = await writeReports(
        doc,
        FORMAT_NAMES.map((format) => ({ format, path: join(dir, FORMATS[format].fileName) })),
        () => undefined,
      );
      const unfilled = written.flatMap((file) => {
        // results.json is the data the other reports render: rule texts keep their placeholders there, with each result's values beside them.
        if (file.endsWith('results.json')) return [];
        // The HTML report fills its findings in the browser from the data block; the page around it must hold none.
        const text = readFileSync(file, 'utf8').replace(/<script type="application\/json" id="tg-data">[\s\S]*?<\/script>/, '');
        return [...text.matchAll(/\{\{[^}]*\}\}/g)].map((m) => `${basename(file)}: ${m[0]}`);
      });
      expect([...new Set(unfilled)]).toEqual([]);
      // Every failing bucket's commands name the bucket itself.
      const csv = readFileSync(join(dir, 'results.csv'), 'utf8');
      for (const r of doc.results.filter((x) => x.status === 'fail' && x.ruleId === 's3-trail-bucket-versioning')) expect(csv).toContain(`--bucket ${r.resourceName} `);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
