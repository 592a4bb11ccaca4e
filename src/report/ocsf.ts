/**
 * `ocsf`: OCSF 1.6 Compliance Finding (class 2003), one JSON object per line.
 *
 * One finding per result, as Prowler writes them: `compliance.control` is the rule (the
 * check), `compliance.standards` every framework the rule maps to and
 * `compliance.requirements` every mapped control ("<framework> <control>"), so a SIEM
 * counts each failed resource once. `skip` results are not findings and are left out. Status mapping: pass → compliance Pass;
 * fail → Fail; error → Warning (OCSF: "did not yield a result due to missing
 * information"); waived → Fail with the finding itself Suppressed.
 */
import type { Result, ResultsDocument, RuleSummary, Status } from '../evaluate/types.js';
import { parseArn } from '../inventory/arn.js';
import type { Severity } from '../rules/types.js';
import { describePartial, evidenceLines, frameworkControls, remediationText } from './explain.js';
import { compare, ruleLookup, sortedResults } from './order.js';
import { stableStringify } from '../util/stable-json.js';

export const OCSF_VERSION = '1.6.0';

/** OCSF severity_id: 1 Informational, 2 Low, 3 Medium, 4 High, 5 Critical. */
export const OCSF_SEVERITY: Record<Severity, { id: number; name: string }> = {
  informational: { id: 1, name: 'Informational' },
  low: { id: 2, name: 'Low' },
  medium: { id: 3, name: 'Medium' },
  high: { id: 4, name: 'High' },
  critical: { id: 5, name: 'Critical' },
};

const COMPLIANCE_STATUS: Record<Exclude<Status, 'skip'>, { id: number; name: string }> = {
  pass: { id: 1, name: 'Pass' },
  error: { id: 2, name: 'Warning' },
  fail: { id: 3, name: 'Fail' },
  waived: { id: 3, name: 'Fail' },
};

/** OCSF resource types follow CloudFormation's names where AWS has one. */
const RESOURCE_TYPE: Record<Result['resourceType'], string> = {
  organization: 'AWS::Organizations::Organization',
  account: 'AWS::::Account',
  trail: 'AWS::CloudTrail::Trail',
  bucket: 'AWS::S3::Bucket',
  key: 'AWS::KMS::Key',
  'event-data-store': 'AWS::CloudTrail::EventDataStore',
  'log-group': 'AWS::Logs::LogGroup',
};

export function* renderOcsf(doc: ResultsDocument): Generator<string> {
  const ruleOf = ruleLookup(doc);
  const time = Date.parse(doc.run.scanTime);
  for (const r of sortedResults(doc.results)) {
    if (r.status === 'skip') continue;
    yield `${stableStringify(finding(doc, r, r.status, ruleOf(r), time), 0)}\n`;
  }
}

function finding(doc: ResultsDocument, r: Result, status: Exclude<Status, 'skip'>, rule: RuleSummary, time: number) {
  const severity = OCSF_SEVERITY[r.severity];
  const compliance = COMPLIANCE_STATUS[status];
  const waived = status === 'waived';
  const partition = parseArn(r.resourceArn)?.partition ?? doc.run.partition ?? 'aws';
  const details = evidenceLines(r);
  const requirements = frameworkControls(rule);
  return {
    category_uid: 2,
    category_name: 'Findings',
    class_uid: 2003,
    class_name: 'Compliance Finding',
    activity_id: 1,
    activity_name: 'Create',
    type_uid: 200301,
    type_name: 'Compliance Finding: Create',
    time,
    severity_id: severity.id,
    severity: severity.name,
    status_id: waived ? 3 : 1,
    status: waived ? 'Suppressed' : 'New',
    message: r.message,
    metadata: {
      version: OCSF_VERSION,
      product: { name: doc.run.tool.name, vendor_name: 'trailguard', version: doc.run.tool.version },
      event_code: r.ruleId,
      profiles: ['cloud'],
    },
    finding_info: {
      uid: `trailguard-${r.id}`,
      title: r.title,
      desc: rule.description,
      analytic: { uid: r.ruleId, name: r.ruleId, type_id: 1, type: 'Rule' },
      created_time: time,
    },
    compliance: {
      control: r.ruleId,
      ...(requirements.length ? { standards: Object.keys(rule.frameworks).sort(compare), requirements } : {}),
      status_id: compliance.id,
      status: compliance.name,
      status_code: r.status,
      ...(details.length ? { status_details: details } : {}),
      ...(r.parameters
        ? {
            control_parameters: Object.keys(r.parameters)
              .sort()
              .map((name) => ({ name, value: JSON.stringify(r.parameters?.[name]) })),
          }
        : {}),
    },
    resources: [
      {
        uid: r.resourceArn,
        name: r.resourceName,
        type: RESOURCE_TYPE[r.resourceType],
        region: r.region,
        cloud_partition: partition,
      },
    ],
    cloud: {
      provider: 'AWS',
      region: r.region,
      account: { uid: r.accountId, type_id: 10, type: 'AWS Account' },
    },
    remediation: { desc: remediationText(rule, r), ...(rule.references.length ? { references: rule.references } : {}) },
    ...(r.error
      ? {
          evidences: [
            {
              api: { operation: r.error.operation, service: { name: r.error.service ?? '' } },
              data: { error: r.error.errorName, message: r.error.message ?? '' },
            },
          ],
        }
      : {}),
    ...(r.waiver || doc.run.partial ? { unmapped: { ...(r.waiver ? { waiver: r.waiver } : {}), ...(doc.run.partial ? { partial_run: describePartial(doc.run) } : {}) } } : {}),
  };
}
