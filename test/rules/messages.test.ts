import { describe, expect, it } from 'vitest';
import { invalidPlaceholders, renderMessage } from '../../src/rules/messages.js';

describe('message templates', () => {
  const view = { Trail: { Name: 'org-trail', Tags: [{ Key: 'env', Value: 'prod' }] } };

  it('fills view paths, parameters, actual and expected; renders structures compactly', () => {
    const text = renderMessage('{{Trail.Name}} tags {{Trail.Tags}}; buckets {{params.buckets}}; {{actual}} vs {{expected}}', {
      view,
      params: { buckets: ['a', 'b'] },
      failures: [{ path: 'Trail.LogFileValidationEnabled', op: 'is_true', actual: false, expected: true }],
    });
    expect(text).toBe('org-trail tags [{"Key":"env","Value":"prod"}]; buckets ["a","b"]; false vs true');
  });

  it('{{failures}} lists every failure with its reason and offending elements', () => {
    const text = renderMessage('{{failures}}', {
      view,
      params: {},
      failures: [
        { because: 'Only critical buckets', path: 'buckets[1].Name', op: 'in', expected: ['a'], actual: 'scratch' },
        { path: 'regions', op: 'superset_of', expected: ['us-east-1'], actual: [], offending: ['us-east-1'] },
      ],
    });
    expect(text).toBe('Only critical buckets (buckets[1].Name in: expected ["a"], found scratch); regions superset_of (expected ["us-east-1"], found [], offending ["us-east-1"])');
  });

  it('a missing value renders as (missing)', () => {
    expect(renderMessage('{{Trail.KmsKeyId}}', { view, params: {}, failures: [] })).toBe('(missing)');
  });

  it('placeholders that are not paths are found at load time', () => {
    expect(invalidPlaceholders('{{Trail.Name}} {{Trails[*].Name}} {{failures}}')).toEqual(['Trails[*].Name']);
  });
});
