import { describe, expect, it } from 'vitest';
import { bucketPublicAccess } from '../../../src/evaluate/views/derived/bucket-public-access.js';
import type { SectionErrors } from '../../../src/evaluate/views/derived/errors.js';
import type { BucketRecord, PolicyStatement, PublicAccessBlockConfiguration } from '../../../src/inventory/types.js';

const ALL_USERS = 'http://acs.amazonaws.com/groups/global/AllUsers';
const AUTH_USERS = 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers';
const BLOCK_ALL: PublicAccessBlockConfiguration = { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true };
const denied = (operation: string): SectionErrors[string] => ({ accountId: '333333333333', region: 'us-east-1', service: 's3', operation, errorName: 'AccessDenied', message: 'denied' });

const bucket = (extra: Partial<BucketRecord> = {}): BucketRecord => ({ Name: 'trail-logs', Acl: { Grants: [] }, ...extra });
const publicRead: PolicyStatement = { Sid: 'PublicRead', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::trail-logs/*' };

describe('derived.publicAccess', () => {
  it('a bucket with no public grant is not public', () => {
    expect(bucketPublicAccess(bucket(), undefined, {})).toEqual({ value: { public: false, via: [] } });
  });

  it('ACL grants to AllUsers or AuthenticatedUsers are public, unless ignored (bucket or account) or ACLs are disabled', () => {
    const acl = bucket({
      Acl: {
        Grants: [
          { Grantee: { Type: 'Group', URI: ALL_USERS }, Permission: 'READ' },
          { Grantee: { Type: 'Group', URI: AUTH_USERS }, Permission: 'WRITE' },
        ],
      },
    });
    expect(bucketPublicAccess(acl, undefined, {}).value).toEqual({ public: true, via: ['Acl: READ to AllUsers', 'Acl: WRITE to AuthenticatedUsers'] });
    expect(bucketPublicAccess({ ...acl, PublicAccessBlock: { IgnorePublicAcls: true } }, undefined, {}).value?.public).toBe(false);
    expect(bucketPublicAccess(acl, { IgnorePublicAcls: true }, {}).value?.public).toBe(false);
    expect(bucketPublicAccess({ ...acl, OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] } }, undefined, {}).value?.public).toBe(false);
  });

  it('a policy allowing anyone is public, unless a condition pins the caller or RestrictPublicBuckets is in effect', () => {
    expect(bucketPublicAccess(bucket({ Policy: { Statement: [publicRead] } }), undefined, {}).value).toEqual({ public: true, via: ['Policy: PublicRead'] });
    const orgOnly = { ...publicRead, Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abcdefghij' } } };
    expect(bucketPublicAccess(bucket({ Policy: { Statement: [orgOnly] } }), undefined, {}).value?.public).toBe(false);
    const wildcardOrg = { ...publicRead, Condition: { StringLike: { 'aws:PrincipalOrgID': 'o-*' } } };
    expect(bucketPublicAccess(bucket({ Policy: { Statement: [wildcardOrg] } }), undefined, {}).value?.public).toBe(true);
    const anyIp = { ...publicRead, Condition: { IpAddress: { 'aws:SourceIp': '0.0.0.0/0' } } };
    expect(bucketPublicAccess(bucket({ Policy: { Statement: [anyIp] } }), undefined, {}).value?.public).toBe(true);
    expect(bucketPublicAccess(bucket({ Policy: { Statement: [publicRead] } }), BLOCK_ALL, {}).value?.public).toBe(false);
  });

  it('a wildcard account principal is anyone; a named account is not', () => {
    const anyAccount = { ...publicRead, Sid: 'AnyAccount', Principal: { AWS: ['arn:aws:iam::*:root'] } };
    expect(bucketPublicAccess(bucket({ Policy: { Statement: [anyAccount] } }), undefined, {}).value).toEqual({ public: true, via: ['Policy: AnyAccount'] });
    const named = { ...publicRead, Principal: { AWS: 'arn:aws:iam::444444444444:root' } };
    expect(bucketPublicAccess(bucket({ Policy: { Statement: [named] } }), undefined, {}).value?.public).toBe(false);
  });

  it('PolicyStatus.IsPublic alone makes it public; a Deny for anyone does not', () => {
    expect(bucketPublicAccess(bucket({ PolicyStatus: { IsPublic: true } }), undefined, {}).value).toEqual({ public: true, via: ['PolicyStatus.IsPublic'] });
    const tlsDeny: PolicyStatement = { Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } };
    expect(bucketPublicAccess(bucket({ Policy: { Statement: [tlsDeny] } }), undefined, {}).value?.public).toBe(false);
  });

  describe('AccessDenied is never read as public, nor as private', () => {
    it('an unreadable ACL with nothing else public is unknown (the error)', () => {
      const r = bucketPublicAccess(bucket({ Acl: undefined }), undefined, { 'Bucket.Acl': denied('GetBucketAcl') });
      expect(r).toEqual({ error: denied('GetBucketAcl') });
    });
    it('an unreadable ACL does not matter when public ACLs are ignored', () => {
      expect(bucketPublicAccess(bucket({ Acl: undefined }), { IgnorePublicAcls: true }, { 'Bucket.Acl': denied('GetBucketAcl') }).value?.public).toBe(false);
    });
    it('unreadable Block Public Access leaves a public policy in doubt', () => {
      const r = bucketPublicAccess(bucket({ Policy: { Statement: [publicRead] } }), undefined, { 'Bucket.PublicAccessBlock': denied('GetPublicAccessBlock') });
      expect(r.error?.operation).toBe('GetPublicAccessBlock');
    });
    it('a definite public ACL is public whatever else failed', () => {
      const acl = bucket({ Acl: { Grants: [{ Grantee: { URI: ALL_USERS }, Permission: 'READ' }] } });
      expect(bucketPublicAccess(acl, undefined, { 'Bucket.Policy': denied('GetBucketPolicy'), 'Bucket.PolicyStatus': denied('GetBucketPolicyStatus') }).value?.public).toBe(true);
    });
    it('a readable policy with no public statement settles the policy side when the status is unreadable', () => {
      expect(bucketPublicAccess(bucket({ Policy: { Statement: [] } }), undefined, { 'Bucket.PolicyStatus': denied('GetBucketPolicyStatus') }).value?.public).toBe(false);
    });
  });
});
