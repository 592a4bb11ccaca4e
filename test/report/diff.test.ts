/**
 * Scan-to-scan drift on two saved results fixtures of the same Organization a day apart
 * (the organization trail lost its KMS key, a trail was fixed, resources came and went).
 * diff-demo.test.ts does the same on two real scans of the demo organization.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffResults } from '../../src/report/diff.js';
import { renderDiff } from '../../src/report/diff-format.js';
import { cli } from '../helpers/cli.js';
import { ORG_SCAN, ORG_SCAN_NEXT, orgScan, TEST_OUTPUT } from './fixture.js';

const key = (e: { ruleId: string; resourceArn: string }) => `${e.ruleId} ${e.resourceArn}`;

describe('diff', () => {
  const diff = diffResults(orgScan(ORG_SCAN), orgScan(ORG_SCAN_NEXT));

  it('finds new failures, fixed, still failing, other changes, new and gone resources', () => {
    expect(diff.newFailures.map(key)).toEqual([
      'cloudtrail-cloudwatch-logs arn:aws:cloudtrail:us-east-1:777788889999:trail/workload',
      'cloudtrail-kms-encryption arn:aws:cloudtrail:us-east-1:111122223333:trail/org-trail',
    ]);
    expect(diff.newFailures.map((e) => e.before)).toEqual([undefined, 'pass']);
    expect(diff.fixed.map(key)).toEqual(['cloudtrail-log-file-validation arn:aws:cloudtrail:eu-west-1:777788889999:trail/legacy']);
    expect(diff.stillFailing.map(key)).toEqual([
      'cloudtrail-cloudwatch-logs arn:aws:cloudtrail:eu-west-1:777788889999:trail/legacy',
      'cloudtrail-multi-region-trail arn:aws:::777788889999',
      's3-trail-bucket-not-public arn:aws:s3:::legacy-trail-logs',
    ]);
    expect(diff.otherChanges.map((e) => [e.ruleId, e.before, e.after])).toEqual([['kms-trail-key-rotation', 'error', 'pass']]);
    expect(diff.newResources.map(key)).toEqual([
      'cloudtrail-cloudwatch-logs arn:aws:cloudtrail:us-east-1:777788889999:trail/workload',
      's3-trail-bucket-not-public arn:aws:s3:::workload-trail-logs-777788889999',
    ]);
    expect(diff.goneResources.map((e) => [e.ruleId, e.before, e.after])).toEqual([['lake-retention-one-year', 'fail', undefined]]);
  });

  it('finds nothing between a scan and itself, and the reverse diff swaps new and fixed', () => {
    const same = diffResults(orgScan(), orgScan());
    expect([same.newFailures, same.fixed, same.newResources, same.goneResources, same.otherChanges].flat()).toEqual([]);
    expect(same.stillFailing).toHaveLength(5);
    const back = diffResults(orgScan(ORG_SCAN_NEXT), orgScan(ORG_SCAN));
    // Backwards, what was fixed fails again, and the deleted (failing) event data store is a new failure.
    expect(back.newFailures.map(key)).toEqual([...diff.fixed, ...diff.goneResources].map(key));
    expect(back.goneResources.map(key)).toEqual(diff.newResources.map(key));
  });

  it('prints text, Markdown and stable JSON', () => {
    const text = renderDiff(diff, 'text');
    expect(text).toContain('2 new failures, 1 fixed, 3 still failing, 1 other status changes, 2 new resources, 1 gone resources');
    expect(text).toContain('  + [medium] cloudtrail-kms-encryption 111122223333 us-east-1 arn:aws:cloudtrail:us-east-1:111122223333:trail/org-trail (pass → fail)');
    expect(renderDiff(diff, 'markdown')).toContain('### New failures (2)');
    expect(JSON.parse(renderDiff(diff, 'json'))).toEqual(JSON.parse(JSON.stringify(diff)));
  });

  describe('trailguard diff', () => {
    it('exits 1 on new failures, 0 when there are none', async () => {
      const drift = await cli(['diff', ORG_SCAN, ORG_SCAN_NEXT]);
      expect(drift.code).toBe(1);
      expect(drift.out).toBe(renderDiff(diff, 'text'));
      const none = await cli(['diff', ORG_SCAN_NEXT, ORG_SCAN, '--format', 'json']);
      expect(none.code).toBe(1); // the reverse direction "newly fails" what was fixed
      expect((await cli(['diff', ORG_SCAN, ORG_SCAN])).code).toBe(0);
    });

    it('--summary prints only the counts and the new failures, for a pull-request comment', async () => {
      const run = await cli(['diff', ORG_SCAN, ORG_SCAN_NEXT, '--summary', '--format', 'markdown']);
      expect(run.code).toBe(1);
      const lines = run.out.trimEnd().split('\n');
      expect(lines[0]).toBe('### trailguard: 2 new failures, 1 fixed, 3 still failing, 0 changed to error');
      // A header, its separator and one row per new failure: nothing about fixed or unchanged resources.
      expect(lines.filter((l) => l.startsWith('| '))).toHaveLength(1 + diff.newFailures.length);
      expect(run.out).toContain('`arn:aws:cloudtrail:us-east-1:111122223333:trail/org-trail`');
      expect(run.out).not.toContain('legacy');
      const json = JSON.parse((await cli(['diff', ORG_SCAN_NEXT, ORG_SCAN, '--summary', '--format', 'json'])).out) as { counts: Record<string, number>; newFailures: unknown[] };
      expect(json.counts).toEqual({ newFailures: 2, fixed: 1, stillFailing: 3, changedToError: 1 });
      expect(json.newFailures).toHaveLength(2);
      const text = await cli(['diff', ORG_SCAN, ORG_SCAN_NEXT, '--summary']);
      expect(text.out.split('\n')).toHaveLength(1 + diff.newFailures.length + 1);
    });

    it('exits 2 naming a bad file, and on an unknown format', async () => {
      mkdirSync(TEST_OUTPUT, { recursive: true });
      const bad = join(TEST_OUTPUT, 'diff-bad.json');
      writeFileSync(bad, '{"schemaVersion": 1}');
      const run = await cli(['diff', ORG_SCAN, bad]);
      expect(run.code).toBe(2);
      expect(run.err).toContain('diff-bad.json:1:1: missing required key `run`');
      expect((await cli(['diff', ORG_SCAN, ORG_SCAN, '--format', 'xml'])).code).toBe(2);
    });
  });
});
