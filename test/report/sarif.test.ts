import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { rendered } from './rendered.js';
import type { ResultsDocument } from '../../src/evaluate/types.js';
import { renderContext } from '../../src/report/publish.js';
import { anchorFor, renderSarif, SECURITY_SEVERITY } from '../../src/report/sarif.js';
import { orgScan } from './fixture.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/**
 * The SARIF 2.1.0 schema as published by the SARIF TC (2.1.0-rtm.5, the schema of the final
 * standard), shipped by Microsoft's @microsoft/jest-sarif. It declares draft-04, but its only
 * draft-04-specific keyword is the root `id`; with that renamed it validates under ajv's draft-07.
 * Its `language` pattern has a stray "]" that only non-unicode regular expressions accept.
 */
function sarifValidator() {
  const path = createRequire(import.meta.url).resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const { id, $schema: _draft04, ...schema } = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  const ajv = addFormats(new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }));
  return ajv.compile({ ...schema, $id: id as string });
}

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } }; logicalLocations: { fullyQualifiedName: string }[] }[];
  partialFingerprints: Record<string, string>;
  properties: { accountId: string; failures?: string[] };
}
interface SarifLog {
  runs: {
    tool: { driver: { rules: { id: string; help: { markdown: string }; properties: { 'security-severity': string; tags: string[] } }[] } };
    results: SarifResult[];
    invocations: { toolExecutionNotifications: { associatedRule: { id: string }; message: { text: string } }[] }[];
  }[];
}

const parse = (doc: ResultsDocument) => JSON.parse(rendered(renderSarif(doc))) as SarifLog;

describe('sarif report', () => {
  const doc = orgScan();
  const log = parse(doc);
  const run = log.runs[0];
  if (!run) throw new Error('one run');

  it('is valid SARIF 2.1.0', () => {
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors, null, 1)).toBe(true);
    // The validator is live: a level SARIF does not define is rejected.
    const tampered = parse(doc);
    (tampered.runs[0]?.results[0] as SarifResult).level = 'fatal';
    expect(validate(tampered)).toBe(false);
  });

  it('reports exactly the unwaived failures, each anchored at its rule file line with the ARN as logical location', () => {
    const fails = doc.results.filter((r) => r.status === 'fail');
    expect(run.results.map((r) => r.locations[0]?.logicalLocations[0]?.fullyQualifiedName).sort()).toEqual(fails.map((r) => r.resourceArn).sort());
    for (const result of run.results) {
      // GitHub rejects the whole upload when any result lacks a physical location.
      const physical = result.locations[0]?.physicalLocation;
      const rule = doc.rules.find((r) => r.id === result.ruleId);
      expect(physical?.artifactLocation.uri).toBe(rule?.file);
      expect(physical?.region.startLine).toBe(rule?.line);
      expect(run.tool.driver.rules[result.ruleIndex]?.id).toBe(result.ruleId);
      expect(result.message.text).toContain(result.locations[0]?.logicalLocations[0]?.fullyQualifiedName);
    }
  });

  it('gives every (rule, resource) its own fingerprint, the same in every run', () => {
    const prints = run.results.map((r) => r.partialFingerprints['trailguard/v1']);
    expect(new Set(prints).size).toBe(prints.length);
    const later = orgScan();
    later.run.scanTime = '2027-01-01T00:00:00.000Z';
    later.results.reverse();
    expect(parse(later).runs[0]?.results.map((r) => r.partialFingerprints['trailguard/v1'])).toEqual(prints);
  });

  it('maps severity to security-severity and level, and carries remediation in the rule help', () => {
    const critical = run.tool.driver.rules.find((r) => r.id === 's3-trail-bucket-not-public');
    expect(critical?.properties['security-severity']).toBe('9.5');
    expect(critical?.properties.tags).toContain('security');
    expect(critical?.help.markdown).toContain('Enable all four S3 Block Public Access settings');
    const s3 = run.results.find((r) => r.ruleId === 's3-trail-bucket-not-public');
    expect(s3?.level).toBe('error');
    expect(s3?.properties.accountId).toBe('777788889999');
    expect(s3?.properties.failures?.[0]).toBe('PublicAccessBlock.BlockPublicPolicy is_true: expected true, found false (All four Block Public Access settings must be on.)');
    expect(run.results.find((r) => r.ruleId === 'cloudtrail-log-file-validation')?.level).toBe('warning');
    expect(Object.values(SECURITY_SEVERITY).map(Number)).toEqual([9.5, 8.0, 5.5, 3.0, 0.0]);
  });

  it('reports errors as tool notifications, not alerts', () => {
    const notes = run.invocations[0]?.toolExecutionNotifications ?? [];
    expect(notes.map((n) => n.associatedRule.id).sort()).toEqual(['cloudtrail-kms-encryption', 'kms-trail-key-rotation']);
    expect(notes[0]?.message.text).toContain('AccessDeniedException');
  });

  it('anchors rules that are not in the repository at the workflow that ran the scan', () => {
    const rule = doc.rules[0];
    if (!rule) throw new Error('fixture has rules');
    const anchor = { anchor: '.github/workflows/cloudtrail audit.yml' };
    expect(anchorFor(rule, anchor)).toEqual({ uri: rule.file, line: rule.line });
    for (const file of ['/home/runner/.npm/_npx/1/node_modules/trailguard/rules/x.yaml', 'node_modules/trailguard/rules/x.yaml', '../rules/x.yaml']) {
      expect(anchorFor({ ...rule, file }, anchor)).toEqual({ uri: '.github/workflows/cloudtrail%20audit.yml', line: 1 });
    }
    // Without an anchor an absolute path still gives a location, as a file URI.
    expect(anchorFor({ ...rule, file: '/opt/rules/x.yaml' }, {}).uri).toBe('file:///opt/rules/x.yaml');
    expect(renderContext({ GITHUB_WORKFLOW_REF: 'acme/infra/.github/workflows/audit.yml@refs/heads/main' })).toEqual({ anchor: '.github/workflows/audit.yml' });
    expect(renderContext({})).toEqual({});

    const outside = orgScan();
    for (const r of outside.rules) r.file = `/opt/trailguard/rules/${r.id}.yaml`;
    const anchored = JSON.parse(rendered(renderSarif(outside, { anchor: '.github/workflows/audit.yml' }))) as SarifLog;
    const uris = new Set(anchored.runs[0]?.results.map((r) => r.locations[0]?.physicalLocation.artifactLocation.uri));
    expect([...uris]).toEqual(['.github/workflows/audit.yml']);
    expect(sarifValidator()(anchored)).toBe(true);
  });

  it('is deterministic', () => {
    expect(rendered(renderSarif({ ...doc, results: [...doc.results].reverse() }))).toBe(rendered(renderSarif(doc)));
  });
});
