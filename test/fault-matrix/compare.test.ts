/** The fault matrix's judge: what a scan that read less may and may not say (compare.ts). */
import { describe, expect, it } from 'vitest';
import type { Result, Status } from '../../src/evaluate/types.js';
import { compareResults } from './compare.js';

const ACCOUNT = '444444444444';

function result(ruleId: string, resourceArn: string, status: Status, error?: { service: string; operation: string }): Result {
  return {
    id: `${ruleId}/${resourceArn}`,
    ruleId,
    title: ruleId,
    severity: 'high',
    status,
    resourceType: 'trail',
    resourceArn,
    resourceName: resourceArn,
    accountId: ACCOUNT,
    region: 'us-east-1',
    message: '',
    ...(error ? { error: { ...error, errorName: 'AccessDeniedException' } } : {}),
  };
}

const TRAIL = `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/t`;
const ACCOUNT_ARN = `arn:aws:::${ACCOUNT}`;
const listTrails = { label: 'cloudtrail:ListTrails denied', service: 'cloudtrail', operation: 'ListTrails' };

describe('compareResults', () => {
  it('accepts results that became errors or stayed as they were', () => {
    const clean = [result('a', TRAIL, 'pass'), result('b', TRAIL, 'fail'), result('c', TRAIL, 'skip')];
    const faulted = [result('a', TRAIL, 'error', { service: 'cloudtrail', operation: 'ListTrails' }), result('b', TRAIL, 'fail'), result('c', TRAIL, 'skip')];
    expect(compareResults(clean, faulted, listTrails)).toEqual([]);
  });

  it('flags a changed verdict, a new verdict and a verdict that became a skip', () => {
    const clean = [result('a', TRAIL, 'pass'), result('b', TRAIL, 'fail'), result('c', TRAIL, 'error')];
    const faulted = [result('a', TRAIL, 'fail'), result('b', TRAIL, 'skip'), result('c', TRAIL, 'pass'), result('d', TRAIL, 'fail')];
    expect(compareResults(clean, faulted, listTrails).map((v) => `${v.ruleId}: ${v.before} → ${v.after}`)).toEqual([
      'a: pass → fail',
      'b: fail → skip',
      'c: error → pass',
      'd: absent → fail',
    ]);
  });

  it('lets a result vanish only behind an error for its rule and account that names the call', () => {
    const clean = [result('a', TRAIL, 'pass'), result('b', TRAIL, 'pass')];
    const faulted = [
      result('a', ACCOUNT_ARN, 'error', { service: 'cloudtrail', operation: 'ListTrails' }),
      result('b', ACCOUNT_ARN, 'error', { service: 'cloudtrail', operation: 'GetTrail' }),
    ];
    expect(compareResults(clean, faulted, listTrails)).toEqual([{ ruleId: 'b', resourceArn: TRAIL, before: 'pass', after: 'absent', fault: listTrails.label }]);
    // A service-wide fault (throttling, 500s, hangs) is named by any call of its service.
    expect(compareResults(clean, faulted, { label: 'cloudtrail hung', service: 'cloudtrail' })).toEqual([]);
  });
});
