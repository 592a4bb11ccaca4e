/**
 * Rule selection as Checkov and Trivy users expect it: --only/--skip with ids or `*` globs,
 * --severity in any case, --service by the rule's folder; the same flags on every command
 * that runs, plans or re-reports rules.
 */
import { basename, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ResultsDocument } from '../../src/evaluate/types.js';
import { ORG_SCAN, orgScan } from '../report/fixture.js';
import { cli } from '../helpers/cli.js';

interface Listed {
  id: string;
  severity: string;
  file: string;
}

async function listed(...args: string[]): Promise<Listed[]> {
  const run = await cli(['rules', 'list', '--json', ...args]);
  expect(run.code, run.err).toBe(0);
  return JSON.parse(run.out) as Listed[];
}

describe('rule selection', () => {
  it('--only and --skip take ids and * globs, comma-separated or repeated', async () => {
    const all = await listed();
    const cloudtrail = await listed('--only', 'cloudtrail-*');
    expect(cloudtrail.map((r) => r.id)).toEqual(all.map((r) => r.id).filter((id) => id.startsWith('cloudtrail-')));
    expect(cloudtrail.length).toBeGreaterThan(5);
    const narrowed = await listed('--only', 'cloudtrail-*', '--skip', 'cloudtrail-s3-*,cloudtrail-kms-key-healthy');
    expect(narrowed.map((r) => r.id)).toEqual(cloudtrail.map((r) => r.id).filter((id) => !id.startsWith('cloudtrail-s3-') && id !== 'cloudtrail-kms-key-healthy'));
    const two = await listed('--only', 'cloudtrail-kms-key-healthy', '--only', 'cloudtrail-log-file-validation');
    expect(two.map((r) => r.id)).toEqual(['cloudtrail-kms-key-healthy', 'cloudtrail-log-file-validation']);
  });

  it('--severity takes a list in any case; --service the folders of the rule files', async () => {
    const severe = await listed('--severity', 'High,CRITICAL');
    expect(new Set(severe.map((r) => r.severity))).toEqual(new Set(['high', 'critical']));
    expect(severe.length).toBe((await listed()).filter((r) => r.severity === 'high' || r.severity === 'critical').length);
    const services = await listed('--service', 's3,kms');
    expect(new Set(services.map((r) => basename(dirname(r.file))))).toEqual(new Set(['s3', 'kms']));
  });

  it('names what matches nothing, and a bad severity, with exit 2', async () => {
    const glob = await cli(['rules', 'list', '--only', 'clodtrail-*']);
    expect(glob).toMatchObject({ code: 2, err: '--only `clodtrail-*` matches no rule\n' });
    const id = await cli(['rules', 'list', '--skip', 'cloudtrail-log-file-validaton']);
    expect(id.code).toBe(2);
    expect(id.err).toContain('unknown rule id `cloudtrail-log-file-validaton`; did you mean `cloudtrail-log-file-validation`?');
    const service = await cli(['rules', 'list', '--service', 'cloudtrial']);
    expect(service.code).toBe(2);
    expect(service.err).toMatch(/^--service `cloudtrial` has no rules; did you mean `cloudtrail`\? \(services: cloudtrail, cloudwatch, /);
    const severity = await cli(['scan', '--severity', 'severe']);
    expect(severity.code).toBe(2);
    expect(severity.err).toContain('"severe" is not a severity (expected one of informational, low, medium, high, critical, in any case)');
  });

  it('offers the same flags on scan, evaluate, report, plan and permissions', async () => {
    for (const command of ['scan', 'evaluate', 'report', 'plan', 'permissions', 'collect', 'merge']) {
      const help = await cli([command, '--help']);
      for (const flag of ['--only <ids>', '--skip <ids>', '--severity <list>', '--service <list>']) expect(help.out, `${command} ${flag}`).toContain(flag);
    }
  });

  it('evaluate judges only the selected rules', async () => {
    const run = await cli(['evaluate', '--inventory', 'test/fixtures/inventory/compliant.json', '--only', 'cloudtrail-log-file-*', '--severity', 'medium,high,critical']);
    const doc = JSON.parse(run.out) as ResultsDocument;
    expect(doc.rules.map((r) => r.id)).toEqual(['cloudtrail-log-file-validation']);
    expect(new Set(doc.results.map((r) => r.ruleId))).toEqual(new Set(['cloudtrail-log-file-validation']));
  });

  it('report narrows saved results and recomputes their counts and gate', async () => {
    const critical = orgScan().results.filter((r) => r.severity === 'critical');
    const run = await cli(['report', '--results', ORG_SCAN, '--format', 'json', '--severity', 'CRITICAL']);
    const doc = JSON.parse(run.out) as ResultsDocument;
    expect(doc.results.map((r) => r.id).sort()).toEqual(critical.map((r) => r.id).sort());
    expect(doc.summary.total).toBe(critical.length);
    expect(doc.rules.every((r) => r.severity === 'critical')).toBe(true);
    expect(run.code).toBe(critical.some((r) => r.status === 'fail') ? 1 : 0);
    const none = await cli(['report', '--results', ORG_SCAN, '--format', 'json', '--skip', '*']);
    expect((JSON.parse(none.out) as ResultsDocument).summary.total).toBe(0);
    expect(none.code).toBe(0);
  });

  it('permissions covers the selection, an organization sweep and verify-logs', async () => {
    type Policy = { Statement: Array<{ Sid: string; Action: string[]; Resource: string }> };
    const policy = async (...args: string[]) => JSON.parse((await cli(['permissions', ...args])).out) as Policy;
    const kms = await policy('--service', 'kms');
    expect(kms.Statement).toHaveLength(1);
    expect(kms.Statement[0]!.Action).toContain('kms:GetKeyRotationStatus');
    expect(kms.Statement[0]!.Action.some((a) => a.startsWith('s3:GetBucket'))).toBe(false);
    expect(kms.Statement[0]!.Action).not.toContain('organizations:ListAccounts');

    const org = await policy('--service', 'kms', '--organization', '--member-role-name', 'TrailguardAudit', '--verify-logs');
    expect(org.Statement.map((s) => s.Sid)).toEqual(['TrailguardReadOnly', 'TrailguardAssumeMemberRole', 'TrailguardVerifyLogs']);
    expect(org.Statement[0]!.Action).toEqual(expect.arrayContaining([...kms.Statement[0]!.Action, 'organizations:DescribeOrganization', 'organizations:ListAccounts']));
    expect(org.Statement[1]).toMatchObject({ Action: ['sts:AssumeRole'], Resource: 'arn:aws:iam::*:role/TrailguardAudit' });
    expect(org.Statement[2]!.Action).toEqual(['cloudtrail:GetTrail', 'cloudtrail:ListPublicKeys', 'kms:Decrypt', 's3:GetObject', 's3:ListBucket']);
  });
});
