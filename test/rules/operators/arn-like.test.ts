import { describe, expect, it } from 'vitest';
import { leaf } from '../condition-harness.js';

describe('arn_like', () => {
  it('* matches any run of characters, including : and /', () => {
    expect(leaf('arn_like', 'arn:aws:cloudtrail:us-east-1:111122223333:trail/org', 'arn:aws:cloudtrail:*:111122223333:trail/*')).toBe(true);
    expect(leaf('arn_like', 'arn:aws:s3:::logs/a/b', 'arn:aws:s3:::logs*')).toBe(true);
  });
  it('is anchored and nothing but * is special', () => {
    expect(leaf('arn_like', 'xarn:aws:s3:::logs', 'arn:aws:s3:::logs')).toBe(false);
    expect(leaf('arn_like', 'arn:aws:s3:::logsX', 'arn:aws:s3:::logs?')).toBe(false);
    expect(leaf('arn_like', 'arn:aws:s3:::a.b', 'arn:aws:s3:::a.b')).toBe(true);
    expect(leaf('arn_like', 'arn:aws:s3:::aXb', 'arn:aws:s3:::a.b')).toBe(false);
  });
});
