/** The service table: SigV4 signing name → protocol and handlers. */
import type { Handlers } from '../context.js';
import { awsJson } from '../protocols/aws-json.js';
import { ec2Query } from '../protocols/ec2-query.js';
import { queryProtocol } from '../protocols/query.js';
import { restJson, routedRestJson } from '../protocols/rest-json.js';
import { s3ControlProtocol, s3Protocol } from '../protocols/rest-xml.js';
import type { Protocol, WireRequest } from '../protocols/types.js';
import { account } from './account.js';
import { cloudtrail } from './cloudtrail.js';
import { cloudwatch } from './cloudwatch.js';
import { configservice } from './configservice.js';
import { ec2 } from './ec2.js';
import { eventbridge } from './eventbridge.js';
import { kms } from './kms.js';
import { logs } from './logs.js';
import { organizations } from './organizations.js';
import { s3, s3control } from './s3.js';
import { securityhub } from './securityhub.js';
import { sns } from './sns.js';
import { sts } from './sts.js';

export interface ServiceDef {
  /** The name the log, counters and faults use (the IAM prefix; s3control for S3 Control). */
  name: string;
  protocol: Protocol;
  handlers: Handlers;
}

const json11 = awsJson('1.1');

const BY_SIGNING_NAME: Record<string, ServiceDef> = {
  cloudtrail: { name: 'cloudtrail', protocol: json11, handlers: cloudtrail },
  kms: { name: 'kms', protocol: json11, handlers: kms },
  organizations: { name: 'organizations', protocol: json11, handlers: organizations },
  logs: { name: 'logs', protocol: json11, handlers: logs },
  events: { name: 'events', protocol: json11, handlers: eventbridge },
  monitoring: { name: 'cloudwatch', protocol: awsJson('1.0'), handlers: cloudwatch },
  sns: { name: 'sns', protocol: queryProtocol('https://sns.amazonaws.com/doc/2010-03-31/'), handlers: sns },
  sts: { name: 'sts', protocol: queryProtocol('https://sts.amazonaws.com/doc/2011-06-15/'), handlers: sts },
  ec2: { name: 'ec2', protocol: ec2Query, handlers: ec2 },
  account: { name: 'account', protocol: restJson, handlers: account },
  s3: { name: 's3', protocol: s3Protocol, handlers: s3 },
  config: { name: 'config', protocol: json11, handlers: configservice },
  securityhub: {
    name: 'securityhub',
    protocol: routedRestJson({
      'GET /accounts': 'DescribeHub',
      'POST /accounts': 'EnableSecurityHub',
      'DELETE /accounts': 'DisableSecurityHub',
      'POST /findings/import': 'BatchImportFindings',
    }),
    handlers: securityhub,
  },
};

const S3_CONTROL: ServiceDef = { name: 's3control', protocol: s3ControlProtocol, handlers: s3control };

/** X-Amz-Target prefixes, for requests that carry no credential scope. */
const BY_TARGET: Record<string, string> = {
  CloudTrail_20131101: 'cloudtrail',
  TrentService: 'kms',
  AWSOrganizationsV20161128: 'organizations',
  Logs_20140328: 'logs',
  AWSEvents: 'events',
  GraniteServiceVersion20100801: 'monitoring',
  StarlingDoveService: 'config',
};

export function serviceFor(signingName: string | undefined, req: WireRequest): ServiceDef | undefined {
  let name = signingName;
  if (!name) {
    const target = req.headers['x-amz-target'];
    name = typeof target === 'string' ? BY_TARGET[target.split('.')[0] ?? ''] : req.host.split('.').find((part) => part in BY_SIGNING_NAME);
  }
  if (name === 's3' && req.path.startsWith('/v20180820/')) return S3_CONTROL;
  return name ? BY_SIGNING_NAME[name] : undefined;
}
