import { describe, expect, it } from 'vitest';
import { trailKeyPolicy, trailKeyPolicyFact } from '../../../src/evaluate/views/derived/key-policy.js';
import type { PolicyStatement } from '../../../src/inventory/types.js';

const TRAIL = 'arn:aws:cloudtrail:us-east-1:111111111111:trail/main';
const admin: PolicyStatement = { Sid: 'Admin', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:root' }, Action: 'kms:*', Resource: '*' };
const cloudTrail = (extra: Partial<PolicyStatement> = {}): PolicyStatement => ({
  Sid: 'CloudTrailEncrypt',
  Effect: 'Allow',
  Principal: { Service: 'cloudtrail.amazonaws.com' },
  Action: 'kms:GenerateDataKey*',
  Resource: '*',
  ...extra,
});
const policy = (...Statement: PolicyStatement[]) => ({ Version: '2012-10-17', Statement });

describe('derived.keyPolicy', () => {
  it('accepts the console default: encryption context pinned to the account and aws:SourceArn to the trail', () => {
    const fact = trailKeyPolicy(
      policy(
        admin,
        cloudTrail({ Condition: { StringLike: { 'kms:EncryptionContext:aws:cloudtrail:arn': 'arn:aws:cloudtrail:*:111111111111:trail/*' }, StringEquals: { 'aws:SourceArn': TRAIL } } }),
      ),
      TRAIL,
    );
    expect(fact).toEqual({ allowsTrail: true, unscopedCloudTrailGrants: [], publicGrants: [] });
  });

  it('reports a CloudTrail grant without any trail condition as unscoped (the key encrypts for any trail of any account)', () => {
    const fact = trailKeyPolicy(policy(admin, cloudTrail()), TRAIL);
    expect(fact).toEqual({ allowsTrail: true, unscopedCloudTrailGrants: ['CloudTrailEncrypt'], publicGrants: [] });
  });

  it('does not count a wildcard account or an IfExists operator as a pin', () => {
    const anyAccount = cloudTrail({ Condition: { StringLike: { 'kms:EncryptionContext:aws:cloudtrail:arn': 'arn:aws:cloudtrail:*:*:trail/*' } } });
    const ifExists = cloudTrail({ Sid: 'Loose', Condition: { ArnLikeIfExists: { 'aws:SourceArn': TRAIL } } });
    expect(trailKeyPolicy(policy(anyAccount, ifExists), TRAIL).unscopedCloudTrailGrants).toEqual(['CloudTrailEncrypt', 'Loose']);
  });

  it('reads condition keys and operators case-insensitively, and ArnLike wildcards', () => {
    const fact = trailKeyPolicy(
      policy(cloudTrail({ Action: ['KMS:generatedatakey'], Condition: { arnlike: { 'AWS:SourceArn': 'arn:aws:cloudtrail:us-east-?:111111111111:trail/*' } } })),
      TRAIL,
    );
    expect(fact).toEqual({ allowsTrail: true, unscopedCloudTrailGrants: [], publicGrants: [] });
  });

  it('says CloudTrail cannot encrypt for this trail when every grant is pinned to other trails', () => {
    const other = cloudTrail({ Condition: { StringEquals: { 'aws:SourceArn': 'arn:aws:cloudtrail:us-east-1:111111111111:trail/other' } } });
    expect(trailKeyPolicy(policy(admin, other), TRAIL)).toEqual({ allowsTrail: false, unscopedCloudTrailGrants: [], publicGrants: [] });
  });

  it('treats StringEquals literally: a wildcard value under StringEquals admits no trail', () => {
    const literal = cloudTrail({ Condition: { StringEquals: { 'aws:SourceArn': 'arn:aws:cloudtrail:*:111111111111:trail/*' } } });
    expect(trailKeyPolicy(policy(literal), TRAIL).allowsTrail).toBe(false);
  });

  it('says CloudTrail cannot encrypt when no statement grants it GenerateDataKey (only DescribeKey, or a Deny)', () => {
    const describe = cloudTrail({ Sid: 'Describe', Action: 'kms:DescribeKey' });
    const deny = cloudTrail({ Effect: 'Deny' });
    expect(trailKeyPolicy(policy(admin, describe, deny), TRAIL).allowsTrail).toBe(false);
  });

  it('reads NotAction: an Allow of everything but Decrypt grants GenerateDataKey', () => {
    const notAction: PolicyStatement = { Effect: 'Allow', Principal: { Service: ['cloudtrail.amazonaws.com'] }, NotAction: 'kms:Decrypt', Resource: '*' };
    expect(trailKeyPolicy(policy(notAction), TRAIL)).toEqual({ allowsTrail: true, unscopedCloudTrailGrants: ['Statement[0]'], publicGrants: [] });
  });

  it('reports an unconditional grant to anyone as public (and as an unscoped CloudTrail grant)', () => {
    const open: PolicyStatement = { Sid: 'Everyone', Effect: 'Allow', Principal: '*', Action: 'kms:*', Resource: '*' };
    const scopedAnyone: PolicyStatement = {
      Effect: 'Allow',
      Principal: { AWS: '*' },
      Action: 'kms:Decrypt',
      Resource: '*',
      Condition: { StringEquals: { 'kms:CallerAccount': '111111111111' } },
    };
    expect(trailKeyPolicy(policy(open, scopedAnyone), TRAIL)).toEqual({ allowsTrail: true, unscopedCloudTrailGrants: ['Everyone'], publicGrants: ['Everyone'] });
  });

  describe('in the trail view', () => {
    const meta = { KeyId: 'k', Arn: 'arn:aws:kms:us-east-1:333333333333:key/k' };
    it('is absent when the trail names no key', () => {
      expect(trailKeyPolicyFact(TRAIL, undefined)).toBeUndefined();
    });
    it('carries the key error when the key was not read', () => {
      const notRead = { operation: 'DescribeKey', errorName: 'NotCollected' };
      expect(trailKeyPolicyFact(TRAIL, { errors: { KmsKey: notRead } })).toEqual({ errors: { 'derived.keyPolicy': notRead } });
    });
    it('carries the GetKeyPolicy error', () => {
      const denied = { operation: 'GetKeyPolicy', errorName: 'AccessDeniedException' };
      expect(trailKeyPolicyFact(TRAIL, { value: { KeyMetadata: meta }, errors: { 'KmsKey.KeyPolicy': denied } })).toEqual({ errors: { 'derived.keyPolicy': denied } });
    });
    it('is NotCollected when the key was read without its policy', () => {
      const fact = trailKeyPolicyFact(TRAIL, { value: { KeyMetadata: meta }, errors: {} });
      expect(fact?.errors['derived.keyPolicy']).toMatchObject({ operation: 'GetKeyPolicy', errorName: 'NotCollected', accountId: '333333333333', region: 'us-east-1' });
    });
  });
});
