import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Result } from '../../src/evaluate/types.js';
import { InputError } from '../../src/errors.js';
import { applyWaivers } from '../../src/evaluate/apply-waivers.js';
import { loadWaivers } from '../../src/waivers/load.js';
import type { Waiver } from '../../src/waivers/types.js';

const SCAN = new Date('2026-01-01T00:00:00Z');
const DIR = 'test-output/waivers';
mkdirSync(DIR, { recursive: true });

function result(ruleId: string, arn: string, status: Result['status'] = 'fail', accountId = '111122223333', region = 'us-east-1'): Result {
  return {
    id: `${ruleId}|${arn}`,
    ruleId,
    title: ruleId,
    severity: 'high',
    status,
    resourceType: 'bucket',
    resourceArn: arn,
    resourceName: arn.split(':').pop()!,
    accountId,
    region,
    message: 'bucket is not compliant',
    failures: status === 'fail' ? [{ path: 'Bucket.ObjectLock', op: 'exists' }] : undefined,
  };
}

function waiver(fields: Partial<Waiver>): Waiver {
  return {
    id: 'W-1',
    rules: ['s3-trail-bucket-object-lock'],
    reason: 'Legacy bucket being retired; replicated to a locked bucket.',
    owner: 'platform-security@example.com',
    expires: '2026-06-30',
    location: { file: 'waivers.yaml', line: 3, column: 5 },
    ...fields,
  };
}

const RULE = 's3-trail-bucket-object-lock';
const legacy = result(RULE, 'arn:aws:s3:::legacy-trail-logs');
const other = result(RULE, 'arn:aws:s3:::legacy-trail-logs-2');

describe('applyWaivers', () => {
  it('turns a matching fail into waived, keeping the failures and naming the waiver and how many results it covers', () => {
    const { results, warnings } = applyWaivers([legacy], [waiver({ resources: ['arn:aws:s3:::legacy-trail-logs'], ticket: 'SEC-1' })], SCAN);
    expect(results[0]).toMatchObject({ status: 'waived', failures: legacy.failures, message: legacy.message });
    expect(results[0]!.waiver).toEqual({
      id: 'W-1',
      reason: 'Legacy bucket being retired; replicated to a locked bucket.',
      owner: 'platform-security@example.com',
      ticket: 'SEC-1',
      expires: '2026-06-30',
      covers: 1,
    });
    expect(warnings).toEqual([]);
  });

  it('matches resources exactly or by * glob, never by substring', () => {
    const exact = applyWaivers([legacy, other], [waiver({ resources: ['arn:aws:s3:::legacy-trail-logs'] })], SCAN).results;
    expect(exact.map((r) => r.status)).toEqual(['waived', 'fail']);
    const glob = applyWaivers([legacy, other], [waiver({ resources: ['arn:aws:s3:::legacy-*'] })], SCAN).results;
    expect(glob.map((r) => r.status)).toEqual(['waived', 'waived']);
    const partial = applyWaivers([legacy], [waiver({ resources: ['legacy-trail-logs'] })], SCAN).results;
    expect(partial[0]!.status).toBe('fail');
  });

  it('never changes pass, skip or error', () => {
    const others = (['pass', 'skip', 'error'] as const).map((s) => result(RULE, 'arn:aws:s3:::legacy-trail-logs', s));
    expect(applyWaivers(others, [waiver({})], SCAN).results.map((r) => r.status)).toEqual(['pass', 'skip', 'error']);
  });

  it('AND within a waiver: every field it sets must match', () => {
    const w = waiver({ accounts: ['444455556666'], resources: ['arn:aws:s3:::legacy-trail-logs'] });
    expect(applyWaivers([legacy], [w], SCAN).results[0]!.status).toBe('fail'); // right ARN, wrong account
    const inRegion = waiver({ regions: ['eu-*'] });
    expect(applyWaivers([legacy], [inRegion], SCAN).results[0]!.status).toBe('fail');
    expect(applyWaivers([legacy], [waiver({ rules: ['other-rule'] })], SCAN).results[0]!.status).toBe('fail');
  });

  it('OR across waivers: any one matching waiver applies', () => {
    const ws = [waiver({ id: 'W-A', resources: ['arn:aws:s3:::legacy-trail-logs'] }), waiver({ id: 'W-B', resources: ['arn:aws:s3:::legacy-trail-logs-2'] })];
    const { results, warnings } = applyWaivers([legacy, other], ws, SCAN);
    expect(results.map((r) => r.waiver?.id)).toEqual(['W-A', 'W-B']);
    expect(warnings).toEqual([]);
  });

  it('rule ids match exactly or by *', () => {
    expect(applyWaivers([legacy], [waiver({ rules: ['*'] })], SCAN).results[0]!.status).toBe('waived');
    expect(applyWaivers([legacy], [waiver({ rules: ['s3-trail-bucket'] })], SCAN).results[0]!.status).toBe('fail');
  });

  it('an expired waiver no longer applies and is reported', () => {
    const { results, warnings } = applyWaivers([legacy], [waiver({ expires: '2025-12-31' })], SCAN);
    expect(results[0]!.status).toBe('fail');
    expect(warnings).toEqual(['waiver W-1 (waivers.yaml:3) expired on 2025-12-31 and no longer applies; 1 failing result(s) it matched count as failures']);
  });

  it('a date-only expiry lasts to the end of that day', () => {
    expect(applyWaivers([legacy], [waiver({ expires: '2026-01-01' })], SCAN).results[0]!.status).toBe('waived');
  });

  it('a waiver that matches nothing is reported as unused', () => {
    const { warnings } = applyWaivers([legacy], [waiver({ id: 'W-9', accounts: ['999999999999'] })], SCAN);
    expect(warnings).toEqual(['waiver W-9 (waivers.yaml:3) matches no failing result: remove it or fix its rules, accounts, regions or resources']);
  });

  it('a waiver expiring within 14 days is reported', () => {
    const { results, warnings } = applyWaivers([legacy], [waiver({ expires: '2026-01-10' })], SCAN);
    expect(results[0]!.status).toBe('waived');
    expect(warnings).toEqual(['waiver W-1 (waivers.yaml:3) expires on 2026-01-10 (in 10 day(s))']);
  });
});

describe('loadWaivers', () => {
  const write = (name: string, text: string) => {
    const path = join(DIR, name);
    writeFileSync(path, text);
    return path;
  };
  const problems = (path: string) => {
    try {
      loadWaivers(path);
    } catch (error) {
      if (error instanceof InputError) return error.message.split('\n');
      throw error;
    }
    return [];
  };

  it('reads waivers with their location', () => {
    const path = write(
      'ok.yaml',
      'schemaVersion: 1\nwaivers:\n  - id: W-1\n    rules: [s3-trail-bucket-object-lock]\n    resources: ["arn:aws:s3:::legacy-*"]\n' +
        '    reason: Legacy bucket being retired (SEC-1234).\n    owner: sec@example.com\n    created: 2025-06-01\n    expires: 2026-06-01\n',
    );
    expect(loadWaivers(path)).toEqual([
      {
        id: 'W-1',
        rules: ['s3-trail-bucket-object-lock'],
        resources: ['arn:aws:s3:::legacy-*'],
        reason: 'Legacy bucket being retired (SEC-1234).',
        owner: 'sec@example.com',
        created: '2025-06-01',
        expires: '2026-06-01',
        location: { file: path, line: 3, column: 5 },
      },
    ]);
  });

  it('locates every problem: missing expiry, short reason, misspelt key, expiry before creation', () => {
    const path = write(
      'bad.yaml',
      'schemaVersion: 1\nwaivers:\n  - id: W-1\n    rules: [r]\n    reason: too short\n    owner: me\n    acounts: ["111122223333"]\n' +
        '  - id: W-2\n    rules: [r]\n    reason: A reason that is long enough.\n    owner: me\n    expires: 2025-01-01T00:00:00Z\n    created: 2025-02-01\n',
    );
    expect(problems(path)).toEqual([
      `${path}:3:5: \`waivers[0]\` is missing required key \`expires\``,
      `${path}:5:13: \`waivers[0].reason\` must NOT have fewer than 20 characters`,
      `${path}:7:5: unknown key \`acounts\`; did you mean \`accounts\`?`,
    ]);
    const later = write(
      'order.yaml',
      'schemaVersion: 1\nwaivers:\n  - id: W-2\n    rules: [r]\n    reason: A reason that is long enough.\n    owner: me\n    created: 2025-02-01\n    expires: 2025-01-01\n',
    );
    expect(problems(later)).toEqual([`${later}:8:14: waiver \`W-2\` expires (2025-01-01) before it was created (2025-02-01)`]);
  });
});
