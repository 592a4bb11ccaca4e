import { describe, expect, it } from 'vitest';
import { bucketPolicyFacts } from '../../../src/evaluate/views/derived/bucket-policy.js';
import type { PolicyStatement } from '../../../src/inventory/types.js';

const BUCKET = 'trail-logs';
const ARN = `arn:aws:s3:::${BUCKET}`;
const facts = (...Statement: PolicyStatement[]) => bucketPolicyFacts({ Version: '2012-10-17', Statement }, BUCKET, 'aws');

const tlsDeny: PolicyStatement = {
  Sid: 'DenyInsecureTransport',
  Effect: 'Deny',
  Principal: '*',
  Action: 's3:*',
  Resource: [ARN, `${ARN}/*`],
  Condition: { Bool: { 'aws:SecureTransport': 'false' } },
};
const cloudTrailWrite = (condition?: PolicyStatement['Condition']): PolicyStatement => ({
  Sid: 'AWSCloudTrailWrite',
  Effect: 'Allow',
  Principal: { Service: 'cloudtrail.amazonaws.com' },
  Action: 's3:PutObject',
  Resource: `${ARN}/AWSLogs/*`,
  Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control' }, ...condition },
});
const deleteDeny = (extra: Partial<PolicyStatement> = {}): PolicyStatement => ({
  Sid: 'DenyLogDeletion',
  Effect: 'Deny',
  Principal: '*',
  Action: ['s3:DeleteObject', 's3:DeleteObjectVersion', 's3:DeleteBucket', 's3:PutLifecycleConfiguration'],
  Resource: [ARN, `${ARN}/*`],
  Condition: { ArnNotLike: { 'aws:PrincipalArn': 'arn:aws:iam::333333333333:role/BreakGlass' } },
  ...extra,
});

describe('derived.bucketPolicy', () => {
  it('no policy: nothing is denied, nothing granted', () => {
    const f = bucketPolicyFacts(undefined, BUCKET, 'aws');
    expect(f).toMatchObject({ tlsOnly: false, cloudTrailGrants: [], unscopedCloudTrailGrants: [], broadDeleteGrants: [] });
    expect(f.deleteProtection.undeniedActions).toHaveLength(4);
  });

  describe('tlsOnly', () => {
    it('a Deny for everyone on s3:* over bucket and objects when SecureTransport is false', () => {
      expect(facts(tlsDeny).tlsOnly).toBe(true);
      expect(facts({ ...tlsDeny, Principal: { AWS: '*' }, Action: '*', Resource: '*', Condition: { BoolIfExists: { 'aws:SecureTransport': 'false' } } }).tlsOnly).toBe(true);
    });
    it('not when it covers only some actions, only the objects, a named principal, or has another condition', () => {
      expect(facts({ ...tlsDeny, Action: 's3:GetObject' }).tlsOnly).toBe(false);
      expect(facts({ ...tlsDeny, Resource: `${ARN}/*` }).tlsOnly).toBe(false);
      expect(facts({ ...tlsDeny, Principal: { AWS: 'arn:aws:iam::333333333333:root' } }).tlsOnly).toBe(false);
      expect(facts({ ...tlsDeny, Condition: { Bool: { 'aws:SecureTransport': 'false' }, StringEquals: { 'aws:PrincipalAccount': '333333333333' } } }).tlsOnly).toBe(false);
      expect(facts({ ...tlsDeny, Effect: 'Allow' }).tlsOnly).toBe(false);
    });
  });

  describe('CloudTrail write grants', () => {
    it('the classic grant (only s3:x-amz-acl) is unscoped', () => {
      expect(facts(cloudTrailWrite())).toMatchObject({ cloudTrailGrants: ['AWSCloudTrailWrite'], unscopedCloudTrailGrants: ['AWSCloudTrailWrite'] });
    });
    it('aws:SourceArn of named trails, aws:SourceAccount or aws:SourceOrgID scope it', () => {
      expect(
        facts(cloudTrailWrite({ StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', 'aws:SourceArn': 'arn:aws:cloudtrail:us-east-1:111111111111:trail/org' } }))
          .unscopedCloudTrailGrants,
      ).toEqual([]);
      expect(facts(cloudTrailWrite({ ArnLike: { 'aws:SourceArn': ['arn:aws:cloudtrail:*:111111111111:trail/*'] } })).unscopedCloudTrailGrants).toEqual([]);
      expect(facts(cloudTrailWrite({ StringEquals: { 'aws:SourceAccount': ['111111111111', '222222222222'] } })).unscopedCloudTrailGrants).toEqual([]);
      expect(facts(cloudTrailWrite({ StringEquals: { 'aws:SourceOrgID': 'o-abcdefghij' } })).unscopedCloudTrailGrants).toEqual([]);
    });
    it('a wildcard account, IfExists, or a negated operator does not scope it', () => {
      expect(facts(cloudTrailWrite({ ArnLike: { 'aws:SourceArn': 'arn:aws:cloudtrail:*:*:trail/*' } })).unscopedCloudTrailGrants).toEqual(['AWSCloudTrailWrite']);
      expect(facts(cloudTrailWrite({ StringEqualsIfExists: { 'aws:SourceAccount': '111111111111' } })).unscopedCloudTrailGrants).toEqual(['AWSCloudTrailWrite']);
      expect(facts(cloudTrailWrite({ StringNotEquals: { 'aws:SourceAccount': '999999999999' } })).unscopedCloudTrailGrants).toEqual(['AWSCloudTrailWrite']);
    });
    it('an ACL-check grant (s3:GetBucketAcl) is not a write grant', () => {
      expect(facts({ Sid: 'AclCheck', Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:GetBucketAcl', Resource: ARN }).cloudTrailGrants).toEqual([]);
    });
  });

  it('broad delete grants: anyone (even within the organization), wildcard AWS principals, service principals; not a named role', () => {
    const allow = (Principal: PolicyStatement['Principal'], Action: string, Sid: string): PolicyStatement => ({
      Sid,
      Effect: 'Allow',
      Principal,
      Action,
      Resource: `${ARN}/*`,
      Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abcdefghij' } },
    });
    const f = facts(
      allow('*', 's3:Delete*', 'OrgCleanup'),
      allow({ AWS: 'arn:aws:iam::*:role/cleaner' }, 's3:DeleteObjectVersion', 'AnyCleaner'),
      allow({ Service: 'logging.s3.amazonaws.com' }, 's3:PutLifecycleConfiguration', 'Service'),
      allow({ AWS: 'arn:aws:iam::333333333333:role/BreakGlass' }, 's3:*', 'BreakGlass'),
      allow('*', 's3:GetObject', 'Reader'),
    );
    expect(f.broadDeleteGrants).toEqual(['OrgCleanup', 'AnyCleaner', 'Service']);
  });

  describe('deleteProtection', () => {
    it('a Deny for everyone but the break-glass role covers the four actions and reports the exemption', () => {
      expect(facts(deleteDeny()).deleteProtection).toEqual({
        deniedActions: ['s3:DeleteBucket', 's3:DeleteObject', 's3:DeleteObjectVersion', 's3:PutLifecycleConfiguration'],
        undeniedActions: [],
        exemptPrincipals: ['arn:aws:iam::333333333333:role/BreakGlass'],
        statements: ['DenyLogDeletion'],
      });
    });
    it('action globs and NotAction count; NotPrincipal exempts', () => {
      expect(facts(deleteDeny({ Action: ['s3:Delete*', 's3:PutLifecycle*'] })).deleteProtection.undeniedActions).toEqual([]);
      const notAction = facts(deleteDeny({ Action: undefined, NotAction: ['s3:Get*', 's3:List*', 's3:PutObject'] })).deleteProtection;
      expect(notAction.undeniedActions).toEqual([]);
      const notPrincipal = facts(deleteDeny({ Principal: undefined, NotPrincipal: { AWS: ['arn:aws:iam::333333333333:role/Ops'] }, Condition: undefined })).deleteProtection;
      expect(notPrincipal.exemptPrincipals).toEqual(['arn:aws:iam::333333333333:role/Ops']);
      expect(notPrincipal.undeniedActions).toEqual([]);
    });
    it('resources matter: object actions need bucket/*, bucket actions the bucket', () => {
      expect(facts(deleteDeny({ Resource: `${ARN}/*` })).deleteProtection.undeniedActions).toEqual(['s3:DeleteBucket', 's3:PutLifecycleConfiguration']);
      expect(facts(deleteDeny({ Resource: `${ARN}/AWSLogs/*` })).deleteProtection.undeniedActions).toHaveLength(4);
    });
    it('a condition other than a principal exemption makes the Deny conditional: it does not count', () => {
      expect(facts(deleteDeny({ Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } } })).deleteProtection.undeniedActions).toHaveLength(4);
      expect(facts(deleteDeny({ Principal: { AWS: 'arn:aws:iam::333333333333:role/Dev' } })).deleteProtection.undeniedActions).toHaveLength(4);
    });
  });
});
