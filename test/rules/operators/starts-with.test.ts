import { describe, expect, it } from 'vitest';
import { leaf } from '../condition-harness.js';

describe('starts_with', () => {
  it('checks the prefix', () => {
    expect(leaf('starts_with', 'arn:aws:s3:::logs/AWSLogs/', 'arn:aws:s3:::logs')).toBe(true);
    expect(leaf('starts_with', 'logs', 'arn:')).toBe(false);
  });
  it('a number read is a run-time type error', () => expect(leaf('starts_with', 12, '1')).toBe('error'));
});
