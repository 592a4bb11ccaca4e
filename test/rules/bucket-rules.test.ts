/**
 * The log bucket, data event, CloudTrail Lake and organization rules (catalogue §8.3–§8.5, §8.8)
 * end to end: real rule files through the real loader, inventory fixtures through the real view
 * builder and evaluator, one asserted status per (rule, resource), including the cases other
 * scanners get wrong (AccessDenied read as public, a cross-account bucket, read-only selectors,
 * all-bucket values, NotStartsWith exclusions, AWS owned Lake keys).
 */
import { describe, expect, it } from 'vitest';
import type { Result } from '../../src/evaluate/types.js';
import type { Inventory } from '../../src/inventory/types.js';
import { builtinRules, evaluateFixture, statusByArn, inventoryFixture, type RuleParameters } from '../helpers/evaluate-fixture.js';

const BUCKET_RULES = [
  's3-trail-bucket-exists-owned',
  's3-trail-bucket-not-public',
  's3-trail-bucket-access-logging',
  's3-trail-bucket-versioning',
  's3-trail-bucket-mfa-delete',
  's3-trail-bucket-object-lock',
  's3-trail-bucket-encryption-default',
  's3-trail-bucket-tls-only',
  's3-trail-bucket-policy-scoped',
  's3-trail-bucket-replication',
  's3-trail-bucket-policy-denies-delete',
];
const DATA_EVENT_RULES = [
  'cloudtrail-s3-data-events-write',
  'cloudtrail-s3-data-events-read',
  'cloudtrail-s3-data-events-critical-buckets',
  'cloudtrail-lambda-data-events',
  'cloudtrail-dynamodb-data-events',
  'cloudtrail-bedrock-logging',
  'cloudtrail-data-events-any',
];
const LAKE_RULES = ['cloudtrail-lake-eds-cmk', 'cloudtrail-lake-eds-protected'];
const ORG_RULES = ['org-scp-protects-cloudtrail', 'org-cloudtrail-trusted-access'];

const rules = builtinRules([...BUCKET_RULES, ...DATA_EVENT_RULES, ...LAKE_RULES, ...ORG_RULES]);
type Statuses = Record<string, Result['status']>;

function run(inventory: Inventory, parameters: RuleParameters = {}): { byKey: Statuses; results: Result[] } {
  const results = evaluateFixture(inventory, rules, parameters);
  return { byKey: statusByArn(results), results };
}
const fixture = (name: string) => inventoryFixture(`rulepack-buckets/${name}`);

const bucket = (name: string) => `arn:aws:s3:::${name}`;
const account = (id: string) => `arn:aws:::${id}`;
const store = (name: string) => `arn:aws:cloudtrail:us-east-1:111111111111:eventdatastore/${name}`;
const ORG = 'arn:aws:organizations::111111111111:organization/o-abcdefghij';

/** One rule's status on several resources. */
function expectRule(actual: Statuses, rule: string, expected: Record<string, Result['status']>): void {
  const picked = Object.fromEntries(Object.keys(expected).map((arn) => [arn, actual[`${rule} ${arn}`] ?? 'no result']));
  expect({ rule, statuses: picked }).toEqual({ rule, statuses: expected });
}

describe('the trail log bucket, evaluated once in its owner account', () => {
  const org = run(fixture('organization.json'), { 's3-trail-bucket-policy-denies-delete': { break_glass_principals: ['arn:aws:iam::333333333333:role/BreakGlass'] } });

  it('the hardened log-archive bucket passes every bucket rule; the weak one fails every rule but existence', () => {
    for (const id of BUCKET_RULES) {
      expectRule(org.byKey, id, { [bucket('good-trail-logs')]: 'pass', [bucket('weak-trail-logs')]: id === 's3-trail-bucket-exists-owned' ? 'pass' : 'fail' });
    }
  });

  it('a bucket in another account that nobody could read gives error for every bucket rule, never fail or "public"', () => {
    for (const id of BUCKET_RULES) expectRule(org.byKey, id, { [bucket('foreign-trail-logs')]: 'error' });
    const publicResult = org.results.find((r) => r.ruleId === 's3-trail-bucket-not-public' && r.resourceArn === bucket('foreign-trail-logs'))!;
    expect(publicResult).toMatchObject({ accountId: '444444444444' });
    expect(JSON.stringify(publicResult)).toContain('GetBucketLocation');
  });

  it('a deleted bucket (NoSuchBucket) fails existence and leaves the other rules an error', () => {
    expectRule(org.byKey, 's3-trail-bucket-exists-owned', { [bucket('deleted-trail-logs')]: 'fail' });
    for (const id of BUCKET_RULES.filter((r) => r !== 's3-trail-bucket-exists-owned')) expectRule(org.byKey, id, { [bucket('deleted-trail-logs')]: 'error' });
  });

  it('AccessDenied on every section of a log-archive bucket: error, except "public", which the account-level Block Public Access settles', () => {
    for (const id of BUCKET_RULES.filter((r) => r !== 's3-trail-bucket-exists-owned' && r !== 's3-trail-bucket-not-public')) {
      expectRule(org.byKey, id, { [bucket('denied-trail-logs')]: 'error' });
    }
    expectRule(org.byKey, 's3-trail-bucket-not-public', { [bucket('denied-trail-logs')]: 'pass' });
    // Without the account-level block, the unreadable ACL and policy leave it unknown: error, not public.
    const inventory = fixture('organization.json');
    delete inventory.accounts.find((a) => a.AccountId === '333333333333')!.accountPublicAccessBlock;
    expectRule(run(inventory).byKey, 's3-trail-bucket-not-public', { [bucket('denied-trail-logs')]: 'error' });
  });

  it('the break-glass exemption must be named: the default accepts no exemption', () => {
    expectRule(run(fixture('organization.json')).byKey, 's3-trail-bucket-policy-denies-delete', { [bucket('good-trail-logs')]: 'fail' });
  });

  it('an unread bucket in a standalone scan is an error too', () => {
    const { byKey } = run(fixture('standalone.json'));
    expectRule(byKey, 's3-trail-bucket-versioning', { [bucket('bare-logs')]: 'error', [bucket('stand-logs')]: 'fail' });
  });
});

describe('data events', () => {
  const org = run(fixture('organization.json'));
  const members = ['111111111111', '222222222222', '333333333333'];

  it('an advanced all-buckets selector with a NotStartsWith exclusion fails CIS all-buckets, unless the exclusion is accepted', () => {
    for (const id of ['cloudtrail-s3-data-events-write', 'cloudtrail-s3-data-events-read']) {
      expectRule(org.byKey, id, { [account('111111111111')]: 'fail', [account('333333333333')]: 'fail' });
      const accepted = run(fixture('organization.json'), { [id]: { allowed_exclusions: ['arn:aws:s3:::good-trail-logs/*'] } });
      expectRule(accepted.byKey, id, Object.fromEntries(members.map((m) => [account(m), 'pass'])));
    }
  });

  it('a read-only selector (arn:aws:s3:::) counts for read, never for write; arn:aws:s3 with All counts for both', () => {
    expectRule(org.byKey, 'cloudtrail-s3-data-events-read', { [account('222222222222')]: 'pass', [account('444444444444')]: 'pass' });
    expectRule(org.byKey, 'cloudtrail-s3-data-events-write', { [account('222222222222')]: 'fail', [account('444444444444')]: 'pass' });
    const standalone = run(fixture('standalone.json'));
    expectRule(standalone.byKey, 'cloudtrail-s3-data-events-read', { [account('555555555555')]: 'pass' });
    expectRule(standalone.byKey, 'cloudtrail-s3-data-events-write', { [account('555555555555')]: 'fail' });
  });

  it('critical buckets: an exclusion reaching the bucket fails, and a read-only trail does not restore its write events', () => {
    const critical = run(fixture('organization.json'), { 'cloudtrail-s3-data-events-critical-buckets': { critical_buckets: ['good-trail-logs'] } });
    expectRule(critical.byKey, 'cloudtrail-s3-data-events-critical-buckets', {
      [account('111111111111')]: 'fail',
      [account('222222222222')]: 'fail',
      [account('444444444444')]: 'pass',
    });
    const other = run(fixture('organization.json'), { 'cloudtrail-s3-data-events-critical-buckets': { critical_buckets: ['ledger-prod'] } });
    expectRule(other.byKey, 'cloudtrail-s3-data-events-critical-buckets', Object.fromEntries(members.map((m) => [account(m), 'pass'])));
    expectRule(org.byKey, 'cloudtrail-s3-data-events-critical-buckets', { [account('111111111111')]: 'skip' });
  });

  it('Lambda: the organization trail records every function; a selector for one function does not', () => {
    expectRule(org.byKey, 'cloudtrail-lambda-data-events', Object.fromEntries(members.map((m) => [account(m), 'pass'])));
    expectRule(run(fixture('standalone.json')).byKey, 'cloudtrail-lambda-data-events', { [account('555555555555')]: 'fail' });
  });

  it('DynamoDB: a read-only selector is not read and write; the type is a parameter', () => {
    expectRule(org.byKey, 'cloudtrail-dynamodb-data-events', { [account('222222222222')]: 'fail' });
    const lambda = run(fixture('organization.json'), { 'cloudtrail-dynamodb-data-events': { resource_types: ['AWS::Lambda::Function'] } });
    expectRule(lambda.byKey, 'cloudtrail-dynamodb-data-events', { [account('222222222222')]: 'pass' });
  });

  it('Bedrock: data types are required by default; the control plane needs all management events', () => {
    expectRule(org.byKey, 'cloudtrail-bedrock-logging', { [account('222222222222')]: 'fail' });
    const controlPlane = run(fixture('standalone.json'), { 'cloudtrail-bedrock-logging': { resource_types: [] } });
    expectRule(controlPlane.byKey, 'cloudtrail-bedrock-logging', { [account('555555555555')]: 'fail', [account('666666666666')]: 'pass' });
  });

  it('any data events: management events only fails', () => {
    expectRule(run(fixture('standalone.json')).byKey, 'cloudtrail-data-events-any', { [account('555555555555')]: 'pass', [account('666666666666')]: 'fail' });
  });
});

describe('CloudTrail Lake', () => {
  const { byKey } = run(fixture('organization.json'));
  it('a customer managed key passes, an AWS owned key fails, an unreadable store is an error, a store pending deletion is skipped', () => {
    const expected = { [store('audit')]: 'pass', [store('legacy-eds')]: 'fail', [store('denied-eds')]: 'error', [store('old-eds')]: 'skip' } as const;
    expectRule(byKey, 'cloudtrail-lake-eds-cmk', expected);
    expectRule(byKey, 'cloudtrail-lake-eds-protected', expected);
  });
});

describe('organization', () => {
  it('an SCP on two OUs leaves the sandbox OU unprotected; on the root it protects every member', () => {
    expectRule(run(fixture('organization.json')).byKey, 'org-scp-protects-cloudtrail', { [ORG]: 'fail' });
    const failure = run(fixture('organization.json')).results.find((r) => r.ruleId === 'org-scp-protects-cloudtrail')!;
    expect(JSON.stringify(failure.failures)).toContain('cloudTrailScp.accounts[2].missingActions');
    expectRule(run(fixture('organization-scp-at-root.json')).byKey, 'org-scp-protects-cloudtrail', { [ORG]: 'pass' });
  });

  it('an exemption outside the break-glass list fails', () => {
    const strict = run(fixture('organization-scp-at-root.json'), { 'org-scp-protects-cloudtrail': { break_glass_principals: [] } });
    expectRule(strict.byKey, 'org-scp-protects-cloudtrail', { [ORG]: 'fail' });
  });

  it('unreadable SCPs are an error, not a failure', () => {
    const inventory = fixture('organization-scp-at-root.json');
    delete inventory.organization!.Policies;
    inventory.organization!.errors.push({
      accountId: '111111111111',
      region: 'us-east-1',
      service: 'organizations',
      operation: 'ListPolicies',
      errorName: 'AccessDeniedException',
      message: 'denied',
    });
    expectRule(run(inventory).byKey, 'org-scp-protects-cloudtrail', { [ORG]: 'error' });
  });

  it('trusted access: enabled passes, missing fails, a delegated administrator is required only when asked', () => {
    expectRule(run(fixture('organization.json')).byKey, 'org-cloudtrail-trusted-access', { [ORG]: 'pass' });
    expectRule(run(fixture('organization-scp-at-root.json')).byKey, 'org-cloudtrail-trusted-access', { [ORG]: 'fail' });
    expectRule(run(fixture('organization.json'), { 'org-cloudtrail-trusted-access': { require_delegated_administrator: true } }).byKey, 'org-cloudtrail-trusted-access', { [ORG]: 'fail' });
  });
});
