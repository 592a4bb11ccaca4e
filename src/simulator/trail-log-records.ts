/**
 * Realistic CloudTrail log file content for the simulator's generated trails: `{"Records":[...]}`
 * with the fields of the CloudTrail record contents reference (eventVersion, userIdentity,
 * eventTime, eventSource, eventName, awsRegion, ...), drawn from a seeded RNG.
 */

type Rng = () => number;

interface ApiCall {
  source: string;
  name: string;
  readOnly: boolean;
  /** IAM, STS GetCallerIdentity and the like are served from us-east-1 whatever region calls them. */
  global?: boolean;
  params?: (rng: Rng, accountId: string, region: string) => Record<string, unknown> | null;
}

const CALLS: ApiCall[] = [
  { source: 'ec2.amazonaws.com', name: 'DescribeInstances', readOnly: true, params: (r) => ({ instancesSet: {}, filterSet: {}, maxResults: 1000 * (1 + Math.floor(r() * 2)) }) },
  { source: 'ec2.amazonaws.com', name: 'DescribeSecurityGroups', readOnly: true, params: () => ({ securityGroupSet: {}, securityGroupIdSet: {}, filterSet: {} }) },
  { source: 'ec2.amazonaws.com', name: 'RunInstances', readOnly: false, params: (r) => ({ instanceType: pick(r, ['t3.micro', 'm6i.large', 'c7g.xlarge']), minCount: 1, maxCount: 1 }) },
  { source: 's3.amazonaws.com', name: 'GetBucketAcl', readOnly: true, params: (r, a) => ({ bucketName: `app-data-${a}-${Math.floor(r() * 9)}`, acl: '' }) },
  { source: 's3.amazonaws.com', name: 'ListBuckets', readOnly: true, params: () => null },
  { source: 's3.amazonaws.com', name: 'PutBucketPolicy', readOnly: false, params: (r, a) => ({ bucketName: `app-data-${a}-${Math.floor(r() * 9)}`, policy: '' }) },
  { source: 'iam.amazonaws.com', name: 'ListRoles', readOnly: true, global: true, params: () => ({ maxItems: 100 }) },
  { source: 'iam.amazonaws.com', name: 'GetRole', readOnly: true, global: true, params: (r) => ({ roleName: pick(r, ['Admin', 'ReadOnly', 'Deploy', 'OrganizationAccountAccessRole']) }) },
  { source: 'iam.amazonaws.com', name: 'CreateAccessKey', readOnly: false, global: true, params: (r) => ({ userName: pick(r, ['ci-bot', 'alice', 'bob']) }) },
  {
    source: 'sts.amazonaws.com',
    name: 'AssumeRole',
    readOnly: true,
    params: (r, a) => ({ roleArn: `arn:aws:iam::${a}:role/Deploy`, roleSessionName: `session-${Math.floor(r() * 1e6)}`, durationSeconds: 3600 }),
  },
  { source: 'sts.amazonaws.com', name: 'GetCallerIdentity', readOnly: true, params: () => null },
  { source: 'kms.amazonaws.com', name: 'Decrypt', readOnly: true, params: () => ({ encryptionAlgorithm: 'SYMMETRIC_DEFAULT' }) },
  { source: 'kms.amazonaws.com', name: 'GenerateDataKey', readOnly: true, params: (_r, a, region) => ({ keyId: `arn:aws:kms:${region}:${a}:alias/app`, keySpec: 'AES_256' }) },
  { source: 'cloudtrail.amazonaws.com', name: 'DescribeTrails', readOnly: true, params: () => ({ includeShadowTrails: true }) },
  { source: 'cloudtrail.amazonaws.com', name: 'LookupEvents', readOnly: true, params: () => ({ maxResults: 50 }) },
  {
    source: 'logs.amazonaws.com',
    name: 'PutLogEvents',
    readOnly: false,
    params: (r) => ({ logGroupName: pick(r, ['/aws/lambda/api', '/app/web']), logStreamName: `stream-${Math.floor(r() * 100)}` }),
  },
];

const AGENTS = [
  'aws-cli/2.17.12 md/awscrt#0.20.11 ua/2.0 os/linux#6.1 md/arch#x86_64 lang/python#3.11.8',
  'aws-sdk-js/3.600.0 ua/2.1 os/linux#6.1 lang/js md/nodejs#20.15.0',
  'Boto3/1.34.140 md/Botocore#1.34.140 ua/2.0 os/linux#6.1 lang/python#3.12.3',
  'console.amazonaws.com',
];
const ROLES = ['Admin', 'Deploy', 'ReadOnly', 'SecurityAudit'];

export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)] as T;
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export function token(rng: Rng, length: number, alphabet = ALNUM): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(rng() * alphabet.length)];
  return out;
}

function uuid(rng: Rng): string {
  const h = token(rng, 32, '0123456789abcdef');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const iso = (ms: number): string => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

export interface LogFileContent {
  json: Buffer;
  oldestEventTime: string;
  newestEventTime: string;
}

/** One log file's records: `count` events of one account and region in the five minutes up to `newest`. */
export function logFileContent(rng: Rng, accountId: string, region: string, newest: Date, count: number): LogFileContent {
  const times = Array.from({ length: count }, () => newest.getTime() - Math.floor(rng() * 300_000)).sort((a, b) => a - b);
  const records = times.map((t) => record(rng, accountId, region, t));
  return {
    json: Buffer.from(JSON.stringify({ Records: records })),
    oldestEventTime: iso(times[0] ?? newest.getTime()),
    newestEventTime: iso(times[times.length - 1] ?? newest.getTime()),
  };
}

function record(rng: Rng, accountId: string, region: string, time: number): Record<string, unknown> {
  const call = pick(rng, CALLS);
  const role = pick(rng, ROLES);
  const session = `${pick(rng, ['alice', 'bob', 'ci', 'deploy'])}-${token(rng, 6, '0123456789')}`;
  const rolePrincipal = `AROA${token(rng, 17, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}`;
  const eventRegion = call.global ? 'us-east-1' : region;
  return {
    eventVersion: '1.09',
    userIdentity: {
      type: 'AssumedRole',
      principalId: `${rolePrincipal}:${session}`,
      arn: `arn:aws:sts::${accountId}:assumed-role/${role}/${session}`,
      accountId,
      accessKeyId: `ASIA${token(rng, 16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}`,
      sessionContext: {
        sessionIssuer: { type: 'Role', principalId: rolePrincipal, arn: `arn:aws:iam::${accountId}:role/${role}`, accountId, userName: role },
        attributes: { creationDate: iso(time - 600_000), mfaAuthenticated: 'false' },
      },
    },
    eventTime: iso(time),
    eventSource: call.source,
    eventName: call.name,
    awsRegion: eventRegion,
    sourceIPAddress: `${10 + Math.floor(rng() * 180)}.${Math.floor(rng() * 255)}.${Math.floor(rng() * 255)}.${1 + Math.floor(rng() * 254)}`,
    userAgent: pick(rng, AGENTS),
    requestParameters: call.params ? call.params(rng, accountId, eventRegion) : null,
    responseElements: null,
    requestID: uuid(rng),
    eventID: uuid(rng),
    readOnly: call.readOnly,
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: accountId,
    eventCategory: 'Management',
    tlsDetails: { tlsVersion: 'TLSv1.3', cipherSuite: 'TLS_AES_128_GCM_SHA256', clientProvidedHostHeader: `${call.source.split('.')[0]}.${eventRegion}.amazonaws.com` },
  };
}
