import { describe, expect, it } from 'vitest';
import { rendered } from './rendered.js';
import { OCSF_VERSION, renderOcsf } from '../../src/report/ocsf.js';
import { orgScan } from './fixture.js';

type Json = Record<string, unknown>;

const isInt = (v: unknown) => Number.isInteger(v);
const isString = (v: unknown) => typeof v === 'string' && v.length > 0;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** OCSF 1.6 Compliance Finding: the base event, finding and class attributes our findings must carry, with their types. */
function checkFinding(f: Json): void {
  expect(f.category_uid).toBe(2);
  expect(f.class_uid).toBe(2003);
  expect(f.activity_id).toBe(1);
  expect(f.type_uid).toBe(200301); // class_uid * 100 + activity_id
  expect(isInt(f.time) && (f.time as number) > 1e12).toBe(true); // epoch milliseconds
  expect([1, 2, 3, 4, 5]).toContain(f.severity_id);
  expect(isString(f.severity)).toBe(true);
  expect([1, 3]).toContain(f.status_id);
  expect(isString(f.message)).toBe(true);
  const metadata = f.metadata as Json;
  expect(metadata.version).toBe(OCSF_VERSION);
  expect(isString((metadata.product as Json).name)).toBe(true);
  const info = f.finding_info as Json;
  expect(isString(info.uid)).toBe(true);
  expect(isString(info.title)).toBe(true);
  const compliance = f.compliance as Json;
  expect(isObject(compliance)).toBe(true);
  expect([1, 2, 3]).toContain(compliance.status_id);
  expect(isString(compliance.status)).toBe(true);
  expect(isString(compliance.control)).toBe(true);
  if (compliance.standards !== undefined) expect((compliance.standards as unknown[]).every(isString)).toBe(true);
  const cloud = f.cloud as Json;
  expect(cloud.provider).toBe('AWS');
  expect((cloud.account as Json).type_id).toBe(10);
  const resources = f.resources as Json[];
  expect(resources.length).toBe(1);
  expect(resources.every((r) => isString(r.uid) && isString(r.type) && isString(r.region))).toBe(true);
}

describe('ocsf report', () => {
  const doc = orgScan();
  const text = rendered(renderOcsf(doc));
  const findings = text
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as Json);

  it('is JSON lines of Compliance Findings with the required fields and types', () => {
    expect(text.endsWith('\n')).toBe(true);
    for (const f of findings) checkFinding(f);
    expect(findings[0]?.time).toBe(Date.parse(doc.run.scanTime));
  });

  it('emits one finding per result, none for skipped results, with unique stable uids', () => {
    expect(findings).toHaveLength(doc.results.filter((r) => r.status !== 'skip').length);
    const uids = findings.map((f) => (f.finding_info as Json).uid);
    expect(new Set(uids).size).toBe(uids.length);
    const again = rendered(renderOcsf({ ...doc, results: [...doc.results].reverse() }));
    expect(again).toBe(text);
  });

  it('maps statuses: fail → Fail, error → Warning, waived → Fail and Suppressed, pass → Pass', () => {
    const of = (arn: string, rule: string) => findings.filter((f) => (f.resources as Json[])[0]?.uid === arn && (f.metadata as Json).event_code === rule);
    const validation = of('arn:aws:cloudtrail:eu-west-1:777788889999:trail/legacy', 'cloudtrail-log-file-validation');
    // One finding carries every mapped control.
    expect(validation.map((f) => (f.compliance as Json).standards)).toEqual([['cis-aws-foundations@5.0.0', 'cis-aws-foundations@6.0.0', 'nist-800-53@rev5']]);
    expect(validation.map((f) => (f.compliance as Json).requirements)).toEqual([
      ['cis-aws-foundations@5.0.0 3.2', 'cis-aws-foundations@6.0.0 4.2', 'nist-800-53@rev5 AU-9', 'nist-800-53@rev5 SI-7(1)'],
    ]);
    expect(validation.map((f) => (f.compliance as Json).control)).toEqual(['cloudtrail-log-file-validation']);
    expect((validation[0]?.compliance as Json).status_id).toBe(3);
    const error = of('arn:aws:kms:us-east-1:444455556666:key/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b', 'kms-trail-key-rotation')[0];
    expect((error?.compliance as Json).status_id).toBe(2);
    expect(((error?.evidences as Json[])[0]?.api as Json).operation).toBe('GetKeyRotationStatus');
    const waived = of('arn:aws:cloudtrail:eu-west-1:777788889999:trail/legacy', 'cloudtrail-kms-encryption')[0];
    expect([(waived?.compliance as Json).status_id, waived?.status_id, waived?.status]).toEqual([3, 3, 'Suppressed']);
    const org = of('arn:aws:organizations::111122223333:organization/o-a1b2c3d4e5', 'organization-trail-enabled')[0];
    expect((org?.compliance as Json).status_id).toBe(1);
    expect((org?.compliance as Json).control).toBe('organization-trail-enabled');
  });
});
