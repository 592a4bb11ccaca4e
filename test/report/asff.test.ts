import { describe, expect, it } from 'vitest';
import { rendered } from './rendered.js';
import { ASFF_LIMITS, renderAsff } from '../../src/report/asff.js';
import { orgScan } from './fixture.js';

type Json = Record<string, unknown>;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** The ASFF top-level attributes BatchImportFindings requires, with their types and limits. */
function checkFinding(f: Json): void {
  expect(f.SchemaVersion).toBe('2018-10-08');
  for (const key of ['Id', 'GeneratorId', 'Title', 'Description']) expect(typeof f[key] === 'string' && f[key].length > 0, key).toBe(true);
  expect((f.Id as string).length).toBeLessThanOrEqual(512);
  expect(f.ProductArn).toBe(`arn:aws:securityhub:${(f.Resources as Array<{ Region: string }>)[0]!.Region}:${f.AwsAccountId as string}:product/${f.AwsAccountId as string}/default`);
  expect(f.AwsAccountId).toMatch(/^\d{12}$/);
  expect(Array.isArray(f.Types) && (f.Types as string[]).every((t) => t.split('/').length >= 2)).toBe(true);
  expect(f.CreatedAt).toMatch(ISO);
  expect(f.UpdatedAt).toMatch(ISO);
  expect(['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL']).toContain((f.Severity as Json).Label);
  expect((f.Title as string).length).toBeLessThanOrEqual(ASFF_LIMITS.title);
  expect((f.Description as string).length).toBeLessThanOrEqual(ASFF_LIMITS.description);
  const resources = f.Resources as Json[];
  expect(resources.length).toBeGreaterThan(0);
  for (const r of resources) {
    for (const key of ['Type', 'Id', 'Partition', 'Region']) expect(typeof r[key], key).toBe('string');
    expect(r.Region).toMatch(/^[a-z]{2}(-[a-z]+)+-\d$/);
  }
  expect(['PASSED', 'WARNING', 'FAILED', 'NOT_AVAILABLE']).toContain((f.Compliance as Json).Status);
  expect(['NEW', 'NOTIFIED', 'RESOLVED', 'SUPPRESSED']).toContain((f.Workflow as Json).Status);
  expect(f.RecordState).toBe('ACTIVE');
  expect(((f.Remediation as Json).Recommendation as Json).Text).toBeTruthy();
}

describe('asff report', () => {
  const doc = orgScan();
  const findings = JSON.parse(rendered(renderAsff(doc))) as Json[];

  it('is an array of findings with every required attribute, right types and limits', () => {
    expect(findings).toHaveLength(doc.results.filter((r) => r.status !== 'skip').length);
    for (const f of findings) checkFinding(f);
    expect(new Set(findings.map((f) => f.Id)).size).toBe(findings.length);
  });

  it('maps statuses and puts global resources in the partition home region', () => {
    const by = (arn: string, rule: string) => findings.find((f) => (f.Resources as Json[])[0]?.Id === arn && f.GeneratorId === `trailguard/${rule}`);
    // Security Hub's own id for an account resource.
    const fail = by('AWS::::Account:777788889999', 'cloudtrail-multi-region-trail');
    expect([(fail?.Compliance as Json).Status, (fail?.Workflow as Json).Status]).toEqual(['FAILED', 'NEW']);
    expect((fail?.Resources as Json[])[0]).toEqual({ Id: 'AWS::::Account:777788889999', Partition: 'aws', Region: 'us-east-1', Type: 'AwsAccount' });
    expect(fail?.ProductArn).toBe('arn:aws:securityhub:us-east-1:777788889999:product/777788889999/default');
    const waived = by('arn:aws:cloudtrail:eu-west-1:777788889999:trail/legacy', 'cloudtrail-kms-encryption');
    expect([(waived?.Compliance as Json).Status, (waived?.Workflow as Json).Status]).toEqual(['FAILED', 'SUPPRESSED']);
    const error = by('arn:aws:kms:us-east-1:444455556666:key/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b', 'kms-trail-key-rotation');
    expect((error?.Compliance as Json).Status).toBe('NOT_AVAILABLE');
    const pass = by('arn:aws:s3:::org-trail-logs-444455556666', 's3-trail-bucket-not-public');
    expect([(pass?.Compliance as Json).Status, (pass?.Resources as Json[])[0]?.Type]).toEqual(['PASSED', 'AwsS3Bucket']);
  });

  it('truncates long descriptions to 1,024 characters and keeps ids stable', () => {
    const long = orgScan();
    const r = long.results.find((x) => x.status === 'fail');
    if (!r) throw new Error('fixture has a failure');
    r.message = 'x'.repeat(5000);
    const out = JSON.parse(rendered(renderAsff(long))) as Json[];
    const f = out.find((x) => x.Id === `trailguard/${r.id}`);
    expect((f?.Description as string).length).toBe(1024);
    expect((f?.Description as string).endsWith('…')).toBe(true);
    expect(out.map((x) => x.Id)).toEqual(findings.map((x) => x.Id));
  });

  it('lists the findings of one account and Security Hub region together, the unit BatchImportFindings takes', () => {
    const keys = findings.map((f) => `${String(f.AwsAccountId)} ${String(f.ProductArn).split(':')[3]}`);
    const runs = keys.filter((k, i) => k !== keys[i - 1]);
    expect(new Set(runs).size).toBe(runs.length);
    for (const f of findings) expect(String(f.ProductArn)).toContain(`:${String(f.AwsAccountId)}:product/${String(f.AwsAccountId)}/default`);
  });
});
