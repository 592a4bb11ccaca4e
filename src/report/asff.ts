/**
 * `asff`: a JSON array of AWS Security Finding Format findings for Security Hub
 * `BatchImportFindings` (which takes at most 100 per call; docs/ci.md shows how to batch).
 *
 * Status mapping: pass → PASSED (workflow RESOLVED); fail → FAILED (NEW); waived → FAILED
 * with workflow SUPPRESSED (Security Hub's own word for an accepted finding, which keeps
 * the failure visible to auditors); error → NOT_AVAILABLE ("the check could not be
 * performed", e.g. an API error). `skip` results are not sent.
 */
import type { Result, ResultsDocument, RuleSummary } from '../evaluate/types.js';
import { parseArn } from '../inventory/arn.js';
import { evidenceLines, frameworkControls } from './explain.js';
import { ruleLookup, sortedResults } from './order.js';
import { stableStringify } from '../util/stable-json.js';

const RESOURCE_TYPE: Record<Result['resourceType'], string> = {
  organization: 'Other',
  account: 'AwsAccount',
  trail: 'AwsCloudTrailTrail',
  bucket: 'AwsS3Bucket',
  key: 'AwsKmsKey',
  'event-data-store': 'Other',
  'log-group': 'Other',
};

/** Where a global resource (account, organization) is reported: the partition's home region. */
const HOME_REGION: Record<string, string> = { aws: 'us-east-1', 'aws-cn': 'cn-north-1', 'aws-us-gov': 'us-gov-west-1' };

const STATUS = {
  pass: { compliance: 'PASSED', workflow: 'RESOLVED' },
  fail: { compliance: 'FAILED', workflow: 'NEW' },
  waived: { compliance: 'FAILED', workflow: 'SUPPRESSED' },
  error: { compliance: 'NOT_AVAILABLE', workflow: 'NEW' },
} as const;

/** Field limits from the ASFF reference. */
export const ASFF_LIMITS = { title: 256, description: 1024, recommendation: 512, requirements: 32, requirement: 64 };

export function renderAsff(doc: ResultsDocument): string {
  const ruleOf = ruleLookup(doc);
  const findings = sortedResults(doc.results)
    .filter((r) => r.status !== 'skip')
    .map((r) => finding(doc, r, ruleOf(r)));
  return `${stableStringify(findings)}\n`;
}

function finding(doc: ResultsDocument, r: Result, rule: RuleSummary) {
  const partition = parseArn(r.resourceArn)?.partition || doc.run.partition || 'aws';
  const region = r.region === 'global' || !r.region ? (HOME_REGION[partition] ?? 'us-east-1') : r.region;
  const status = STATUS[r.status as keyof typeof STATUS];
  const controls = frameworkControls(rule);
  return {
    SchemaVersion: '2018-10-08',
    Id: `trailguard/${r.id}`,
    ProductArn: `arn:${partition}:securityhub:${region}:${r.accountId}:product/${r.accountId}/default`,
    ProductName: 'trailguard',
    CompanyName: 'trailguard',
    GeneratorId: `trailguard/${r.ruleId}`,
    AwsAccountId: r.accountId,
    Types: [controls.length ? 'Software and Configuration Checks/Industry and Regulatory Standards' : 'Software and Configuration Checks/AWS Security Best Practices'],
    CreatedAt: doc.run.scanTime,
    UpdatedAt: doc.run.scanTime,
    Severity: { Label: r.severity.toUpperCase() },
    Title: truncate(r.title, ASFF_LIMITS.title),
    Description: truncate([r.message, ...evidenceLines(r)].join('\n'), ASFF_LIMITS.description),
    Resources: [{ Type: RESOURCE_TYPE[r.resourceType], Id: r.resourceArn, Partition: partition, Region: region }],
    Compliance: {
      Status: status.compliance,
      ...(controls.length ? { RelatedRequirements: controls.slice(0, ASFF_LIMITS.requirements).map((c) => truncate(c, ASFF_LIMITS.requirement)) } : {}),
    },
    Workflow: { Status: status.workflow },
    RecordState: 'ACTIVE',
    Remediation: {
      Recommendation: {
        Text: truncate(rule.remediation.summary || r.title, ASFF_LIMITS.recommendation),
        ...(rule.references[0] ? { Url: rule.references[0] } : {}),
      },
    },
    ProductFields: {
      'trailguard/RuleId': r.ruleId,
      'trailguard/Status': r.status,
      'trailguard/RunId': doc.run.runId,
      ...(r.waiver ? { 'trailguard/WaiverId': r.waiver.id, 'trailguard/WaiverExpires': r.waiver.expires, ...(r.waiver.covers ? { 'trailguard/WaiverCovers': String(r.waiver.covers) } : {}) } : {}),
    },
  };
}

/** Cuts at the limit (in UTF-16 units, as AWS counts characters) and marks the cut with an ellipsis. */
function truncate(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}
