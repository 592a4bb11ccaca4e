/**
 * The 15 CIS "monitoring" controls (CIS AWS Foundations v3.0.0–v5.0.0 4.1–4.15, v6.0.0 5.1–5.15)
 * as data: for each, the metric filter pattern(s) CIS prescribes per version, and the synthetic
 * CloudTrail events a filter must catch (`match`) and must let through (`ignore`). Everything
 * the matcher knows about a control is here; src/evaluate/views/derived/monitoring-match.ts has
 * no control-specific branch.
 *
 * A control whose pattern changed between CIS versions has one variant per pattern; its fact key
 * carries the variant (`unauthorized-api-calls-cis4`). Every prescribed pattern passes all three
 * strictness levels for its own variant (a unit test holds the data to that).
 */

/** A partial CloudTrail record, merged over BASE_EVENT. */
export type EventSpec = Record<string, unknown>;

export interface ControlVariant {
  /** The fact key: derived.monitoring.<key>.<strictness>. */
  key: string;
  /** CIS AWS Foundations versions whose pattern this is. */
  cisVersions: string[];
  /** The filter patterns CIS prescribes (where CIS offers alternatives, each one is accepted). */
  patterns: string[];
  /** Events the filter must match. */
  match: EventSpec[];
  /** Benign counterparts the filter must not match. */
  ignore: EventSpec[];
}

export interface MonitoringControl {
  /** The rule id is `cw-monitor-<id>`. */
  id: string;
  /**
   * Where an EventBridge rule sees the events: `global` services (IAM, Organizations) deliver
   * them to the partition's global region only; `regional` ones in each region, so a rule is
   * needed in every enabled region.
   */
  eventBridgeScope: 'global' | 'regional';
  /**
   * Which accounts' trails record the events: every account's, or (AWS Organizations calls) only
   * the management account's, so the control does not apply to member accounts.
   */
  recordedIn: 'every-account' | 'management-account';
  variants: ControlVariant[];
}

export const CIS_VERSIONS = ['3.0.0', '4.0.1', '5.0.0', '6.0.0'] as const;

/** A realistic write call by an IAM user; each synthetic event overrides what it needs. */
export const BASE_EVENT: Readonly<EventSpec> = {
  eventVersion: '1.09',
  eventTime: '2026-01-01T00:00:00Z',
  eventType: 'AwsApiCall',
  eventCategory: 'Management',
  managementEvent: true,
  readOnly: false,
  awsRegion: 'us-east-1',
  sourceIPAddress: '203.0.113.10',
  userAgent: 'aws-cli/2.17.0',
  recipientAccountId: '111122223333',
  userIdentity: { type: 'IAMUser', principalId: 'AIDAEXAMPLE', arn: 'arn:aws:iam::111122223333:user/alice', accountId: '111122223333', userName: 'alice' },
};

/** The partition's region that receives global service events (IAM, Organizations, STS). */
export const GLOBAL_EVENTS_REGION: Readonly<Record<string, string>> = { aws: 'us-east-1', 'aws-cn': 'cn-north-1', 'aws-us-gov': 'us-gov-west-1' };

const anyName = (names: readonly string[]) => names.map((n) => `($.eventName = ${n})`).join(' || ');
const calls = (eventSource: string, names: readonly string[]): EventSpec[] => names.map((eventName) => ({ eventSource, eventName }));
/** A single-pattern control: the events named, from one service, with a read-only call of that service as the benign case. */
function namedEvents(key: string, eventSource: string, names: readonly string[], benign: string, patterns: string[], cisVersions: readonly string[] = CIS_VERSIONS): ControlVariant {
  return { key, cisVersions: [...cisVersions], patterns, match: calls(eventSource, names), ignore: calls(eventSource, [benign]) };
}

const IAM_POLICY_EVENTS = [
  'DeleteGroupPolicy',
  'DeleteRolePolicy',
  'DeleteUserPolicy',
  'PutGroupPolicy',
  'PutRolePolicy',
  'PutUserPolicy',
  'CreatePolicy',
  'DeletePolicy',
  'CreatePolicyVersion',
  'DeletePolicyVersion',
  'AttachRolePolicy',
  'DetachRolePolicy',
  'AttachUserPolicy',
  'DetachUserPolicy',
  'AttachGroupPolicy',
  'DetachGroupPolicy',
];
const TRAIL_EVENTS = ['CreateTrail', 'UpdateTrail', 'DeleteTrail', 'StartLogging', 'StopLogging'];
const KMS_EVENTS = ['DisableKey', 'ScheduleKeyDeletion'];
const S3_POLICY_EVENTS = [
  'PutBucketAcl',
  'PutBucketPolicy',
  'PutBucketCors',
  'PutBucketLifecycle',
  'PutBucketReplication',
  'DeleteBucketPolicy',
  'DeleteBucketCors',
  'DeleteBucketLifecycle',
  'DeleteBucketReplication',
];
const CONFIG_EVENTS = ['StopConfigurationRecorder', 'DeleteDeliveryChannel', 'PutDeliveryChannel', 'PutConfigurationRecorder'];
const SECURITY_GROUP_EVENTS = [
  'AuthorizeSecurityGroupIngress',
  'AuthorizeSecurityGroupEgress',
  'RevokeSecurityGroupIngress',
  'RevokeSecurityGroupEgress',
  'CreateSecurityGroup',
  'DeleteSecurityGroup',
];
const NACL_EVENTS = ['CreateNetworkAcl', 'CreateNetworkAclEntry', 'DeleteNetworkAcl', 'DeleteNetworkAclEntry', 'ReplaceNetworkAclEntry', 'ReplaceNetworkAclAssociation'];
const GATEWAY_EVENTS = ['CreateCustomerGateway', 'DeleteCustomerGateway', 'AttachInternetGateway', 'CreateInternetGateway', 'DeleteInternetGateway', 'DetachInternetGateway'];
const ROUTE_EVENTS = ['CreateRoute', 'CreateRouteTable', 'ReplaceRoute', 'ReplaceRouteTableAssociation', 'DeleteRouteTable', 'DeleteRoute', 'DisassociateRouteTable'];
const VPC_EVENTS = [
  'CreateVpc',
  'DeleteVpc',
  'ModifyVpcAttribute',
  'AcceptVpcPeeringConnection',
  'CreateVpcPeeringConnection',
  'DeleteVpcPeeringConnection',
  'RejectVpcPeeringConnection',
  'AttachClassicLinkVpc',
  'DetachClassicLinkVpc',
  'DisableVpcClassicLink',
  'EnableVpcClassicLink',
];
const ORGANIZATIONS_EVENTS = [
  'AcceptHandshake',
  'AttachPolicy',
  'CreateAccount',
  'CreateOrganizationalUnit',
  'CreatePolicy',
  'DeclineHandshake',
  'DeleteOrganization',
  'DeleteOrganizationalUnit',
  'DeletePolicy',
  'DetachPolicy',
  'DisablePolicyType',
  'EnablePolicyType',
  'InviteAccountToOrganization',
  'LeaveOrganization',
  'MoveAccount',
  'RemoveAccountFromOrganization',
  'UpdatePolicy',
  'UpdateOrganizationalUnit',
];

const CONSOLE_LOGIN: EventSpec = {
  eventSource: 'signin.amazonaws.com',
  eventName: 'ConsoleLogin',
  eventType: 'AwsConsoleSignIn',
  readOnly: false,
  responseElements: { ConsoleLogin: 'Success' },
  additionalEventData: { LoginTo: 'https://console.aws.amazon.com/console/home', MobileVersion: 'No', MFAUsed: 'No' },
};
const withMfa = (used: 'Yes' | 'No'): EventSpec => ({ ...CONSOLE_LOGIN, additionalEventData: { ...(CONSOLE_LOGIN.additionalEventData as object), MFAUsed: used } });
const ROOT = { type: 'Root', principalId: '111122223333', arn: 'arn:aws:iam::111122223333:root', accountId: '111122223333' };
const UNAUTHORIZED_MATCH: EventSpec[] = [
  { eventSource: 'ec2.amazonaws.com', eventName: 'RunInstances', errorCode: 'Client.UnauthorizedOperation', errorMessage: 'You are not authorized to perform this operation.' },
  { eventSource: 's3.amazonaws.com', eventName: 'PutBucketPolicy', errorCode: 'AccessDenied', errorMessage: 'Access Denied' },
  { eventSource: 'kms.amazonaws.com', eventName: 'Decrypt', errorCode: 'AccessDeniedException', errorMessage: 'not authorized' },
];
const SUCCESSFUL_CALL: EventSpec = { eventSource: 'ec2.amazonaws.com', eventName: 'RunInstances' };
const UNAUTHORIZED_V3 = '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") }';
const UNAUTHORIZED_V4 =
  '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") && ($.sourceIPAddress!="delivery.logs.amazonaws.com") && ($.eventName!="HeadBucket") }';

export const MONITORING_CONTROLS: readonly MonitoringControl[] = [
  {
    id: 'unauthorized-api-calls',
    eventBridgeScope: 'regional',
    recordedIn: 'every-account',
    variants: [
      { key: 'unauthorized-api-calls-cis3', cisVersions: ['3.0.0'], patterns: [UNAUTHORIZED_V3], match: UNAUTHORIZED_MATCH, ignore: [SUCCESSFUL_CALL] },
      {
        key: 'unauthorized-api-calls-cis4',
        cisVersions: ['4.0.1', '5.0.0', '6.0.0'],
        patterns: [UNAUTHORIZED_V4],
        match: UNAUTHORIZED_MATCH,
        ignore: [
          SUCCESSFUL_CALL,
          // S3 probes bucket existence with HeadBucket; denials there are noise (CIS v4+).
          { eventSource: 's3.amazonaws.com', eventName: 'HeadBucket', errorCode: 'AccessDenied' },
          // Log delivery services checking bucket permissions (CIS v4+).
          {
            eventSource: 's3.amazonaws.com',
            eventName: 'GetBucketAcl',
            errorCode: 'AccessDenied',
            sourceIPAddress: 'delivery.logs.amazonaws.com',
            userIdentity: { type: 'AWSService', invokedBy: 'delivery.logs.amazonaws.com' },
          },
        ],
      },
    ],
  },
  {
    id: 'console-signin-no-mfa',
    eventBridgeScope: 'regional',
    recordedIn: 'every-account',
    variants: [
      {
        key: 'console-signin-no-mfa',
        cisVersions: [...CIS_VERSIONS],
        patterns: [
          '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }',
          // CIS's variant for accounts with SSO: only IAM users' successful sign-ins.
          '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && ($.userIdentity.type = "IAMUser") && ($.responseElements.ConsoleLogin = "Success") }',
        ],
        match: [withMfa('No')],
        ignore: [withMfa('Yes'), SUCCESSFUL_CALL],
      },
    ],
  },
  {
    id: 'root-usage',
    eventBridgeScope: 'regional',
    recordedIn: 'every-account',
    variants: [
      {
        key: 'root-usage',
        cisVersions: [...CIS_VERSIONS],
        patterns: ['{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }'],
        match: [
          { eventSource: 'iam.amazonaws.com', eventName: 'CreateAccessKey', userIdentity: ROOT },
          { ...withMfa('Yes'), userIdentity: ROOT },
        ],
        ignore: [
          // An AWS service acting with the root identity on the account's behalf.
          { eventSource: 'iam.amazonaws.com', eventName: 'GetAccountSummary', userIdentity: { ...ROOT, invokedBy: 'support.amazonaws.com' } },
          { eventSource: 'sts.amazonaws.com', eventName: 'AssumeRole', eventType: 'AwsServiceEvent', userIdentity: ROOT },
          SUCCESSFUL_CALL,
        ],
      },
    ],
  },
  {
    id: 'iam-policy-changes',
    eventBridgeScope: 'global',
    recordedIn: 'every-account',
    variants: [namedEvents('iam-policy-changes', 'iam.amazonaws.com', IAM_POLICY_EVENTS, 'GetPolicy', [`{ ${anyName(IAM_POLICY_EVENTS)} }`])],
  },
  {
    id: 'cloudtrail-config-changes',
    eventBridgeScope: 'regional',
    recordedIn: 'every-account',
    variants: [namedEvents('cloudtrail-config-changes', 'cloudtrail.amazonaws.com', TRAIL_EVENTS, 'DescribeTrails', [`{ ${anyName(TRAIL_EVENTS)} }`])],
  },
  {
    id: 'console-auth-failures',
    eventBridgeScope: 'regional',
    recordedIn: 'every-account',
    variants: [
      {
        key: 'console-auth-failures',
        cisVersions: [...CIS_VERSIONS],
        patterns: ['{ ($.eventName = ConsoleLogin) && ($.errorMessage = "Failed authentication") }'],
        match: [{ ...CONSOLE_LOGIN, errorMessage: 'Failed authentication', responseElements: { ConsoleLogin: 'Failure' } }],
        ignore: [withMfa('Yes'), SUCCESSFUL_CALL],
      },
    ],
  },
  {
    id: 'cmk-disable-delete',
    eventBridgeScope: 'regional',
    recordedIn: 'every-account',
    variants: [namedEvents('cmk-disable-delete', 'kms.amazonaws.com', KMS_EVENTS, 'DescribeKey', [`{ ($.eventSource = kms.amazonaws.com) && (${anyName(KMS_EVENTS)}) }`])],
  },
  {
    id: 's3-bucket-policy-changes',
    eventBridgeScope: 'regional',
    recordedIn: 'every-account',
    variants: [
      namedEvents('s3-bucket-policy-changes', 's3.amazonaws.com', S3_POLICY_EVENTS, 'GetBucketPolicy', [`{ ($.eventSource = s3.amazonaws.com) && (${anyName(S3_POLICY_EVENTS)}) }`]),
    ],
  },
  {
    id: 'config-changes',
    eventBridgeScope: 'regional',
    recordedIn: 'every-account',
    variants: [
      namedEvents('config-changes', 'config.amazonaws.com', CONFIG_EVENTS, 'DescribeConfigurationRecorders', [`{ ($.eventSource = config.amazonaws.com) && (${anyName(CONFIG_EVENTS)}) }`]),
    ],
  },
  {
    id: 'security-group-changes',
    eventBridgeScope: 'regional',
    recordedIn: 'every-account',
    variants: [
      namedEvents('security-group-changes-cis3', 'ec2.amazonaws.com', SECURITY_GROUP_EVENTS, 'DescribeSecurityGroups', [`{ ${anyName(SECURITY_GROUP_EVENTS)} }`], ['3.0.0', '4.0.1']),
      namedEvents(
        'security-group-changes-cis5',
        'ec2.amazonaws.com',
        [...SECURITY_GROUP_EVENTS, 'ModifySecurityGroupRules'],
        'DescribeSecurityGroups',
        [`{ ${anyName([...SECURITY_GROUP_EVENTS, 'ModifySecurityGroupRules'])} }`],
        ['5.0.0', '6.0.0'],
      ),
    ],
  },
  {
    id: 'nacl-changes',
    eventBridgeScope: 'regional',
    recordedIn: 'every-account',
    variants: [namedEvents('nacl-changes', 'ec2.amazonaws.com', NACL_EVENTS, 'DescribeNetworkAcls', [`{ ${anyName(NACL_EVENTS)} }`])],
  },
  {
    id: 'network-gateway-changes',
    eventBridgeScope: 'regional',
    recordedIn: 'every-account',
    variants: [namedEvents('network-gateway-changes', 'ec2.amazonaws.com', GATEWAY_EVENTS, 'DescribeInternetGateways', [`{ ${anyName(GATEWAY_EVENTS)} }`])],
  },
  {
    id: 'route-table-changes',
    eventBridgeScope: 'regional',
    recordedIn: 'every-account',
    variants: [
      namedEvents('route-table-changes', 'ec2.amazonaws.com', ROUTE_EVENTS, 'DescribeRouteTables', [
        // As CIS prints it: && binds tighter, so the eventSource clause guards CreateRoute only.
        `{ ($.eventSource = ec2.amazonaws.com) && ${anyName(ROUTE_EVENTS)} }`,
        `{ ($.eventSource = ec2.amazonaws.com) && (${anyName(ROUTE_EVENTS)}) }`,
      ]),
    ],
  },
  {
    id: 'vpc-changes',
    eventBridgeScope: 'regional',
    recordedIn: 'every-account',
    variants: [namedEvents('vpc-changes', 'ec2.amazonaws.com', VPC_EVENTS, 'DescribeVpcs', [`{ ${anyName(VPC_EVENTS)} }`])],
  },
  {
    id: 'organizations-changes',
    eventBridgeScope: 'global',
    recordedIn: 'management-account',
    variants: [
      namedEvents('organizations-changes', 'organizations.amazonaws.com', ORGANIZATIONS_EVENTS, 'DescribeOrganization', [
        `{ ($.eventSource = organizations.amazonaws.com) && (${ORGANIZATIONS_EVENTS.map((n) => `($.eventName = "${n}")`).join(' || ')}) }`,
      ]),
    ],
  },
];

/**
 * What the rule files say about each control (rules/cloudwatch/cw-monitor-<id>.yaml are
 * rendered from this and the table above by src/docs/cis-monitoring-rules.ts, `npm run docs`).
 */
export interface ControlProse {
  /** The title's subject, capitalised: "<title> is/are monitored by a metric filter and ...". */
  title: string;
  /** The same inside a sentence ("use of the root user"); the messages, remediation and `because` use it. */
  subject: string;
  /** "are" (true) or "is" (false) after the subject. */
  plural: boolean;
  severity: 'medium' | 'high';
  /** The events caught, as the description states them after "caught and reported:". */
  events: string;
  /** Why the events matter: the rationale, before the sentence every control shares. */
  risk: string;
  /** N of the control: 4.N in CIS 3.0.0 to 5.0.0, 5.N in 6.0.0. */
  cis: number;
  /** N of AWS Foundational Security Best Practices CloudWatch.N, where there is one. */
  fsbp?: number;
  /** Further framework mappings (benchmark id → control ids). */
  frameworks?: Readonly<Record<string, string[]>>;
  /** Which of the newest variant's patterns the remediation shows (default: the first). */
  remediationPattern?: number;
}

/** Event names as the descriptions list them: `A`, `B`, `C` (or `A`, `B` and `C`). */
const codes = (names: readonly string[]) => names.map((name) => `\`${name}\``).join(', ');
const codesAnd = (names: readonly string[]) => `${codes(names.slice(0, -1))} and ${codes(names.slice(-1))}`;

export const CONTROL_PROSE: Readonly<Record<string, ControlProse>> = {
  'unauthorized-api-calls': {
    title: 'Unauthorized API calls',
    subject: 'unauthorized API calls',
    plural: true,
    severity: 'medium',
    events:
      'API calls that AWS refused (`errorCode` `*UnauthorizedOperation` or `AccessDenied*`); from CIS 4.0.1 on, denials of `HeadBucket` and of the log delivery service (`sourceIPAddress` `delivery.logs.amazonaws.com`) are left out as noise.',
    risk: 'A burst of denied calls is often the first trace of stolen credentials being tried, or of an attacker mapping what a principal may do.',
    cis: 1,
    fsbp: 2,
  },
  'console-signin-no-mfa': {
    title: 'Console sign-ins without MFA',
    subject: 'console sign-ins without MFA',
    plural: true,
    severity: 'medium',
    events:
      '`ConsoleLogin` events whose `additionalEventData.MFAUsed` is not `Yes` (CIS also accepts the variant limited to successful IAM-user sign-ins, for accounts that use IAM Identity Center).',
    risk: 'A password alone is the weakest way into the console; a sign-in without MFA is either a policy gap or someone holding a leaked password.',
    cis: 2,
    fsbp: 3,
  },
  'root-usage': {
    title: 'Use of the root user',
    subject: 'use of the root user',
    plural: false,
    severity: 'high',
    events:
      'calls made with the root user (`userIdentity.type` `Root`) by a person, not by an AWS service on its behalf (`userIdentity.invokedBy` absent, `eventType` not `AwsServiceEvent`).',
    risk: 'The root user cannot be restricted by IAM policies or SCPs of its own account; any use of it outside a documented break-glass procedure must be seen at once.',
    cis: 3,
    fsbp: 1,
  },
  'iam-policy-changes': {
    title: 'IAM policy changes',
    subject: 'IAM policy changes',
    plural: true,
    severity: 'medium',
    events: `the ${IAM_POLICY_EVENTS.length} IAM calls that create, change, attach, detach or delete a policy (${codes(IAM_POLICY_EVENTS)}).`,
    risk: 'Changing a policy is how a principal grants itself or others more access; it is the most common privilege-escalation path.',
    cis: 4,
    fsbp: 4,
  },
  'cloudtrail-config-changes': {
    title: 'CloudTrail configuration changes',
    subject: 'CloudTrail configuration changes',
    plural: true,
    severity: 'high',
    events: `${codesAnd(TRAIL_EVENTS)}.`,
    risk: "Stopping, deleting or redirecting a trail blinds every other control; it is an attacker's first step after gaining access.",
    cis: 5,
    fsbp: 5,
    frameworks: { 'trailguard-baseline': ['5.1'] },
  },
  'console-auth-failures': {
    title: 'Console authentication failures',
    subject: 'console authentication failures',
    plural: true,
    severity: 'medium',
    events: '`ConsoleLogin` events with `errorMessage` `Failed authentication`.',
    risk: 'Repeated failed sign-ins reveal password guessing against console users.',
    cis: 6,
    fsbp: 6,
  },
  'cmk-disable-delete': {
    title: 'Disabling or scheduling the deletion of customer managed KMS keys',
    subject: 'disabling or scheduled deletion of customer managed KMS keys',
    plural: false,
    severity: 'medium',
    events: `${codesAnd(KMS_EVENTS)} calls to \`kms.amazonaws.com\`.`,
    risk: "Data encrypted under a disabled or deleted key is unreadable; deleting the trail's key also stops log delivery.",
    cis: 7,
    fsbp: 7,
  },
  's3-bucket-policy-changes': {
    title: 'S3 bucket policy changes',
    subject: 'S3 bucket policy changes',
    plural: true,
    severity: 'medium',
    events: `calls to \`s3.amazonaws.com\` that change a bucket's ACL, policy, CORS, lifecycle or replication (${codes(S3_POLICY_EVENTS)}).`,
    risk: 'A changed bucket policy or ACL can open data (or the log bucket itself) to the world in one call.',
    cis: 8,
    fsbp: 8,
  },
  'config-changes': {
    title: 'AWS Config configuration changes',
    subject: 'AWS Config configuration changes',
    plural: true,
    severity: 'medium',
    events: `${codesAnd(CONFIG_EVENTS)} calls to \`config.amazonaws.com\`.`,
    risk: 'Stopping the configuration recorder removes the history of resource changes that investigations and compliance rely on.',
    cis: 9,
    fsbp: 9,
  },
  'security-group-changes': {
    title: 'Security group changes',
    subject: 'security group changes',
    plural: true,
    severity: 'medium',
    events: `calls that create, delete or change the rules of a security group (${codes(SECURITY_GROUP_EVENTS)}; from CIS 5.0.0 also \`ModifySecurityGroupRules\`).`,
    risk: 'One opened security group rule can expose a database or an admin port to the internet.',
    cis: 10,
    fsbp: 10,
  },
  'nacl-changes': {
    title: 'Network ACL changes',
    subject: 'network ACL changes',
    plural: true,
    severity: 'medium',
    events: `calls that create, replace or delete network ACLs, their entries or associations (${codes(NACL_EVENTS)}).`,
    risk: 'Network ACLs are a subnet-wide filter; a changed entry can open or cut off whole subnets.',
    cis: 11,
    fsbp: 11,
  },
  'network-gateway-changes': {
    title: 'Network gateway changes',
    subject: 'network gateway changes',
    plural: true,
    severity: 'medium',
    events: `calls that create, attach, detach or delete internet and customer gateways (${codes(GATEWAY_EVENTS)}).`,
    risk: 'A new or re-attached gateway creates a path between the VPC and the internet or another network.',
    cis: 12,
    fsbp: 12,
  },
  'route-table-changes': {
    // The parenthesised form: as CIS prints it, the eventSource clause guards CreateRoute only.
    remediationPattern: 1,
    title: 'Route table changes',
    subject: 'route table changes',
    plural: true,
    severity: 'medium',
    events: `EC2 calls that create, replace, disassociate or delete routes and route tables (${codes(ROUTE_EVENTS)}).`,
    risk: 'A changed route can send traffic through a path an attacker controls, or around an inspection appliance.',
    cis: 13,
    fsbp: 13,
  },
  'vpc-changes': {
    title: 'VPC changes',
    subject: 'VPC changes',
    plural: true,
    severity: 'medium',
    events: `calls that create, delete or modify VPCs, peering connections and ClassicLink (${codes(VPC_EVENTS)}).`,
    risk: 'Peering connections and VPC attribute changes alter which networks can reach each other.',
    cis: 14,
    fsbp: 14,
  },
  'organizations-changes': {
    title: 'AWS Organizations changes',
    subject: 'AWS Organizations changes',
    plural: true,
    severity: 'medium',
    events: `the ${ORGANIZATIONS_EVENTS.length} calls to \`organizations.amazonaws.com\` that change accounts, organizational units, policies or handshakes (${codes(ORGANIZATIONS_EVENTS)}).`,
    risk: 'Organization changes move accounts out of guardrails, detach service control policies or add accounts an attacker controls.',
    cis: 15,
  },
};
