import { describe, expect, it } from 'vitest';
import type { ApiError } from '../../../src/inventory/types.js';
import { ERROR_FEEDS, rebase, sectionErrors } from '../../../src/evaluate/views/derived/errors.js';

const error = (operation: string, resource?: string): ApiError => ({
  accountId: '111111111111',
  region: 'us-east-1',
  service: 'cloudtrail',
  operation,
  errorName: 'AccessDeniedException',
  message: 'denied',
  ...(resource ? { resource } : {}),
});

describe('the error table', () => {
  it('GetEventSelectors makes the selectors and every fact derived from them unreadable', () => {
    const errors = sectionErrors([error('GetEventSelectors', 'arn:t')], 'trail', () => true);
    expect(Object.keys(errors)).toEqual(
      expect.arrayContaining(['AdvancedEventSelectors', 'EventSelectors', 'derived.dataEventTypes', 'derived.logsAllManagementEvents', 'derived.managementEvents', 'derived.s3DataEvents']),
    );
    expect(errors['derived.managementEvents']).toEqual({
      accountId: '111111111111',
      region: 'us-east-1',
      service: 'cloudtrail',
      operation: 'GetEventSelectors',
      errorName: 'AccessDeniedException',
      message: 'denied',
      resource: 'arn:t',
    });
  });

  it.each([
    ['GetTrailStatus', 'trail', ['Status']],
    ['GetInsightSelectors', 'trail', ['InsightSelectors']],
    ['GetBucketPolicy', 'bucket', ['Bucket.Policy']],
    ['GetBucketLifecycleConfiguration', 'bucket', ['Bucket.Lifecycle', 'derived.lifecycle']],
    ['DescribeKey', 'key', ['KmsKey']],
    ['GetKeyRotationStatus', 'key', ['KmsKey.KeyRotationEnabled', 'KmsKey.RotationPeriodInDays']],
    ['GetPublicAccessBlock', 'account', ['AccountPublicAccessBlock']],
  ] as const)('%s on a %s feeds %j', (operation, kind, sections) => {
    // Rule packs add the derived facts they compute from the same call: the base sections must stay.
    expect(Object.keys(sectionErrors([error(operation)], kind, () => true))).toEqual(expect.arrayContaining([...sections]));
  });

  it('ignores errors about other resources and operations of other resource kinds', () => {
    expect(sectionErrors([error('GetTrailStatus', 'arn:other')], 'trail', (e) => e.resource === 'arn:mine')).toEqual({});
    expect(sectionErrors([error('GetTrailStatus')], 'bucket', () => true)).toEqual({});
  });

  it('the first error for a section wins', () => {
    const first = { ...error('GetTrail'), errorName: 'ThrottlingException' };
    expect(sectionErrors([first, error('GetTrail')], 'trail', () => true).Trail?.errorName).toBe('ThrottlingException');
  });

  it('every operation feeds at least one section', () => {
    for (const [operation, kinds] of Object.entries(ERROR_FEEDS)) {
      expect(Object.values(kinds).flat().length, operation).toBeGreaterThan(0);
    }
  });

  it('rebase moves sections under a path', () => {
    expect(
      Object.keys(
        rebase(
          sectionErrors([error('DescribeMetricFilters')], 'log-group', () => true),
          'LogGroup',
        ),
      ).sort(),
    ).toEqual(['LogGroup.MetricFilters', 'LogGroup.derived.filters']);
  });
});
