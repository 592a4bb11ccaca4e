import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { rendered } from './rendered.js';
import type { ResultsDocument } from '../../src/evaluate/types.js';
import { renderJunit } from '../../src/report/junit.js';
import { orgScan } from './fixture.js';

interface Case {
  '@_classname': string;
  '@_name': string;
  '@_file': string;
  failure?: { '@_message': string; '@_type': string; '#text': string };
  error?: { '@_message': string; '@_type': string; '#text': string };
  skipped?: string;
  'system-out'?: string;
}
interface Suite {
  '@_name': string;
  '@_timestamp': string;
  '@_tests': string;
  '@_failures': string;
  '@_errors': string;
  '@_skipped': string;
  testcase: Case[];
}

function parse(doc: ResultsDocument): Suite[] {
  const xml = rendered(renderJunit(doc));
  expect(XMLValidator.validate(xml)).toBe(true);
  const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'testsuite' || name === 'testcase' });
  return (parser.parse(xml) as { testsuites: { testsuite: Suite[] } }).testsuites.testsuite;
}

function caseFor(suites: Suite[], ruleId: string, arn: string): Case {
  const found = suites.flatMap((s) => s.testcase).find((c) => c['@_classname'].endsWith(`.${ruleId}`) && c['@_name'].endsWith(` ${arn}`));
  if (!found) throw new Error(`no testcase for ${ruleId} ${arn}`);
  return found;
}

describe('junit report', () => {
  const doc = orgScan();
  const suites = parse(doc);

  it('has one suite per rule with results and one testcase per (rule, resource)', () => {
    expect(suites.map((s) => s['@_name'].split(':')[0])).toEqual([...new Set(doc.results.map((r) => r.ruleId))].sort());
    const cases = suites.flatMap((s) => s.testcase);
    expect(cases).toHaveLength(doc.results.length);
    for (const r of doc.results) {
      const c = caseFor(suites, r.ruleId, r.resourceArn);
      expect(c['@_classname']).toBe(`${r.accountId}.${r.ruleId}`);
      expect(c['@_name']).toBe(`[${r.region}] ${r.resourceArn}`);
    }
    // GitLab keeps only the first of two testcases with the same name in a class.
    expect(new Set(cases.map((c) => `${c['@_classname']} ${c['@_name']}`)).size).toBe(cases.length);
  });

  it('puts expected, found and the remediation in the failure body, which GitLab shows', () => {
    const c = caseFor(suites, 's3-trail-bucket-not-public', 'arn:aws:s3:::legacy-trail-logs');
    expect(c.failure?.['@_type']).toBe('critical');
    const body = c.failure?.['#text'] ?? '';
    expect(body).toContain('PublicAccessBlock.BlockPublicPolicy is_true: expected true, found false');
    expect(body).toContain('Policy.Statement');
    expect(body).toContain('Remediation:\nEnable all four S3 Block Public Access settings on the bucket.');
    expect(body).toContain('aws s3api put-public-access-block');
    expect(body).toContain('cis-aws-foundations@5.0.0 3.3');
    expect(c['@_file']).toBe('rules/s3/s3-trail-bucket-not-public.yaml');
  });

  it('maps errors to <error> with the API call, skips to <skipped> with the reason, waivers to <skipped> with the waiver', () => {
    const error = caseFor(suites, 'kms-trail-key-rotation', 'arn:aws:kms:us-east-1:444455556666:key/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b');
    expect(error.error?.['@_type']).toBe('AccessDeniedException');
    expect(error.error?.['#text']).toContain('kms:GetKeyRotationStatus AccessDeniedException');
    expect(error.failure).toBeUndefined();

    const skip = caseFor(suites, 'cloudtrail-log-file-validation', 'arn:aws:cloudtrail:eu-west-1:111122223333:trail/org-trail');
    expect(skip.skipped).toBeDefined();
    expect(skip['system-out']).toContain('Shadow copy');

    const waived = caseFor(suites, 'cloudtrail-kms-encryption', 'arn:aws:cloudtrail:eu-west-1:777788889999:trail/legacy');
    expect(waived.skipped).toBeDefined();
    expect(waived.failure).toBeUndefined();
    expect(waived['system-out']).toContain('Waived by W-2026-001');
    expect(waived['system-out']).toContain('Legacy trail being retired');

    const pass = caseFor(suites, 'organization-trail-enabled', 'arn:aws:organizations::111122223333:organization/o-a1b2c3d4e5');
    expect(pass.failure ?? pass.error ?? pass.skipped).toBeUndefined();
  });

  it('counts per suite and stamps the scan time with its zone, never the clock', () => {
    const s = suites.find((x) => x['@_name'].startsWith('cloudtrail-kms-encryption:'));
    expect(s).toMatchObject({ '@_tests': '3', '@_failures': '0', '@_errors': '1', '@_skipped': '1' });
    for (const suite of suites) expect(suite['@_timestamp']).toBe('2026-06-01T12:00:00.000Z');
  });

  it('stays well-formed XML whatever the data holds', () => {
    const hostile = orgScan();
    const r = hostile.results.find((x) => x.status === 'fail');
    if (!r) throw new Error('fixture has a failure');
    r.message = 'a ]]> b ]]> c <x y="1"> & \u0001 done';
    r.resourceArn = 'arn:aws:s3:::"<bucket>"&';
    const c = caseFor(parse(hostile), r.ruleId, r.resourceArn);
    // A control character, which XML 1.0 cannot hold, shows as an escape.
    expect(c.failure?.['#text']).toContain('a ]]> b ]]> c <x y="1"> & \\x01 done');
    expect(c.failure?.['@_message']).toBe('a ]]> b ]]> c <x y="1"> & \\x01 done');
  });

  it('is byte-for-byte the same when rendered twice or from shuffled results', () => {
    expect(rendered(renderJunit({ ...doc, results: [...doc.results].reverse() }))).toBe(rendered(renderJunit(doc)));
  });
});
