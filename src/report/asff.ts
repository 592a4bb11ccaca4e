/**
 * `asff`: a JSON array of AWS Security Finding Format findings for Security Hub
 * `BatchImportFindings`, sorted by account and region. With the default product, a finding
 * must be imported from the account in its `AwsAccountId`, into the region of its
 * `ProductArn`: `--security-hub` (security-hub-import.ts) sends them so, 100 per call.
 *
 * Status mapping: pass → PASSED (workflow RESOLVED); fail → FAILED (NEW); waived → FAILED
 * with workflow SUPPRESSED (Security Hub's own word for an accepted finding, which keeps
 * the failure visible to auditors); error → NOT_AVAILABLE ("the check could not be
 * performed", e.g. an API error). `skip` results are not sent.
 */
import type { Result, ResultsDocument, RuleSummary } from '../evaluate/types.js';
import { parseArn } from '../inventory/arn.js';
import { evidenceLines, frameworkControls } from './explain.js';
import { remediationFor } from './remediation.js';
import { jsonChunks, streamMarker } from './json-stream.js';
import { compare, ruleLookup, sortedResults } from './order.js';
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

const FINDINGS = streamMarker('findings');

export function renderAsff(doc: ResultsDocument): Iterable<string> {
  return jsonChunks(FINDINGS, [{ marker: FINDINGS, items: asffFindings(doc) }], stableStringify);
}

/** Every finding, in report order: a sorted run of findings per account (and region within it). */
export function* asffFindings(doc: ResultsDocument): Generator<AsffFinding> {
  const ruleOf = ruleLookup(doc);
  for (const r of sortedByAccount(doc)) if (r.status !== 'skip') yield finding(doc, r, ruleOf(r));
}

export type AsffFinding = ReturnType<typeof finding>;

function finding(doc: ResultsDocument, r: Result, rule: RuleSummary) {
  const partition = partitionOf(doc, r);
  const region = findingRegion(partition, r);
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
    Resources: [{ Type: RESOURCE_TYPE[r.resourceType], Id: resourceId(r), Partition: partition, Region: region }],
    Compliance: {
      Status: status.compliance,
      ...(controls.length ? { RelatedRequirements: controls.slice(0, ASFF_LIMITS.requirements).map((c) => truncate(c, ASFF_LIMITS.requirement)) } : {}),
    },
    Workflow: { Status: status.workflow },
    RecordState: 'ACTIVE',
    Remediation: {
      Recommendation: {
        Text: truncate(recommendation(rule, r), ASFF_LIMITS.recommendation),
        ...(rule.references[0] ? { Url: rule.references[0] } : {}),
      },
    },
    ProductFields: {
      'trailguard/RuleId': r.ruleId,
      'trailguard/Status': r.status,
      'trailguard/RunId': doc.run.runId,
      ...(doc.run.partial ? { 'trailguard/PartialRun': `missing shard ${doc.run.partial.missingShards.join(', ')}` } : {}),
      ...(r.waiver
        ? { 'trailguard/WaiverId': r.waiver.id, 'trailguard/WaiverExpires': r.waiver.expires, ...(r.waiver.covers ? { 'trailguard/WaiverCovers': String(r.waiver.covers) } : {}) }
        : {}),
    },
  };
}

/** The filled summary and command: what fits Security Hub's 512 characters and can be pasted. */
function recommendation(rule: RuleSummary, r: Result): string {
  const filled = remediationFor(rule, r);
  return [filled.summary || r.title, filled.cli?.trimEnd()].filter(Boolean).join('\n');
}

/** Security Hub names an account resource `AWS::::Account:<id>`; every other resource by its ARN. */
function resourceId(r: Result): string {
  return r.resourceType === 'account' ? `AWS::::Account:${r.accountId}` : r.resourceArn;
}

function partitionOf(doc: ResultsDocument, r: Result): string {
  return parseArn(r.resourceArn)?.partition || doc.run.partition || 'aws';
}

/** The Security Hub region a finding goes to: its resource's, or the home region for a global resource or one whose region is unknown. */
function findingRegion(partition: string, r: Result): string {
  return /^[a-z]{2}(-[a-z]+)+-\d+$/.test(r.region) ? r.region : (HOME_REGION[partition] ?? 'us-east-1');
}

/** Results by account, then Security Hub region, then as sortedResults: each BatchImportFindings batch is one run. */
function sortedByAccount(doc: ResultsDocument): Result[] {
  const keyed = sortedResults(doc.results).map((r) => ({ r, region: findingRegion(partitionOf(doc, r), r) }));
  keyed.sort((a, b) => compare(a.r.accountId, b.r.accountId) || compare(a.region, b.region));
  return keyed.map(({ r }) => r);
}

/** Cuts at the limit (in UTF-16 units, as AWS counts characters) and marks the cut with an ellipsis. */
function truncate(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}
