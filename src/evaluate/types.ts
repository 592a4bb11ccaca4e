/** Results: one per (rule, resource). Shared by the evaluator, the reports, diff and the evidence bundle. */
import type { ConditionFailure, ResourceType, Rule, SectionError, Severity } from '../rules/types.js';
import type { AccountViewData, BucketViewData, EventDataStoreViewData, KeyViewData, LogGroupViewData, OrganizationViewData, TrailViewData } from './views/view-data.generated.js';

export const STATUSES = ['pass', 'fail', 'error', 'skip', 'waived'] as const;
export type Status = (typeof STATUSES)[number];

/** The data of each view type, as the view catalogue (rules/view-catalogue.ts) declares it. */
export interface ViewData {
  trail: TrailViewData;
  account: AccountViewData;
  organization: OrganizationViewData;
  bucket: BucketViewData;
  key: KeyViewData;
  'event-data-store': EventDataStoreViewData;
  'log-group': LogGroupViewData;
}

/** A resource view of one type: the JSON a rule's condition reads, for one resource. */
export interface ViewOf<T extends ResourceType> {
  type: T;
  /** The resource's ARN (accounts: arn:<partition>:::<account-id>; organizations: the organization ARN). */
  arn: string;
  name: string;
  accountId: string;
  /** The region the resource lives in ("global" for account and organization views). */
  region: string;
  /** What the rule reads: AWS fields, `derived.*`, `$errors` (section → the failed API call) and `$partial`. */
  data: ViewData[T];
  /** ARNs of related resources, e.g. the trails that use a bucket. */
  related?: string[];
  /**
   * Account views: the resource types whose resources in the account are not all known (the call
   * that failed), or that do not apply to it (an organization rule in a standalone account).
   */
  gaps?: Partial<Record<ResourceType, ViewGap>>;
  /** Account views: the regions a service control policy closes to the account (rules judging each region skip them). */
  closedRegions?: ClosedRegion[];
}

/** A resource view, discriminated by `type`. */
export type View = { [T in ResourceType]: ViewOf<T> }[ResourceType];

export type ViewGap = { status: 'error'; error: SectionError } | { status: 'skip'; reason: string };

export interface Result {
  /** Stable: hash of rule id and resource ARN. */
  id: string;
  ruleId: string;
  title: string;
  severity: Severity;
  status: Status;
  resourceType: ResourceType;
  resourceArn: string;
  resourceName: string;
  accountId: string;
  region: string;
  message: string;
  /** For fail (and waived): the sub-conditions that failed, with expected and actual values. */
  failures?: ConditionFailure[] | undefined;
  /** For error: the API call whose failure left the data unreadable. */
  error?: SectionError | undefined;
  /** For skip: why the rule does not apply. */
  skipReason?: string | undefined;
  /** For waived: the waiver that covers the failure, and how many results of the run it covers. */
  waiver?: { id: string; reason: string; owner?: string; ticket?: string | undefined; expires: string; covers?: number };
  /** Effective parameters the rule ran with. */
  parameters?: Record<string, unknown> | undefined;
  /** The values of the view fields and parameters the rule's remediation names (`{{Bucket.Name}}`), so reports print it filled. */
  placeholders?: Record<string, string> | undefined;
  related?: string[] | undefined;
  /** `iac`: where the resource is written (a template's logical id, a Terraform resource block). */
  location?: { address: string; file?: string; line?: number; column?: number };
}

/** What reports need of a rule that ran (the rule's own texts, and where its file is). */
export type RuleSummary = Pick<Rule, 'id' | 'title' | 'severity' | 'resource' | 'description' | 'rationale' | 'impact' | 'remediation' | 'references' | 'frameworks' | 'tags'> & {
  /** Rule file path relative to the working directory (SARIF anchors results here). */
  file: string;
  line: number;
};

export interface RunInfo {
  runId: string;
  scanTime: string;
  tool: { name: string; version: string };
  partition?: string;
  accounts?: string[];
  /** Account id → the name Organizations gives it. */
  accountNames?: Record<string, string>;
  /** A merge of an incomplete set of shards (merge --allow-partial): what it lacks. */
  partial?: { missingShards: string[]; missingAccounts: string[] };
  regions?: string[];
  /** Accounts not scanned, or only partly, and why. */
  notFullyScanned?: UnscannedAccount[];
  /** Regions a service control policy closes to an account: not required, not scanned. */
  closedRegions?: ClosedRegion[];
}

export interface UnscannedAccount {
  accountId: string;
  name?: string;
  /** no: nothing was read (role not assumable, suspended, left out); partly: some calls failed. */
  scanned: 'no' | 'partly';
  reason: string;
  failedCalls?: Array<{ call: string; errorName: string; count: number; regions: string[] }>;
}

export interface ClosedRegion {
  accountId: string;
  region: string;
  reason: string;
}

/** A control's verdict: the worst of its rules' results, or why there is none. */
export const CONTROL_STATUSES = ['fail', 'error', 'waived', 'pass', 'skip', 'manual', 'not-evaluated'] as const;
export type ControlStatus = (typeof CONTROL_STATUSES)[number];

export interface BenchmarkControlStatus {
  id: string;
  title: string;
  section: { id: string; title: string };
  profile?: string;
  assessment: 'automated' | 'manual';
  /** manual: a person judges (the counts are evidence); not-evaluated: automated, but no rule maps to it. */
  status: ControlStatus;
  /** The rules mapped to the control, sorted. */
  rules: string[];
  /** Their results per status. */
  counts: Record<Status, number>;
  note?: string;
}

/** Present when the run selected a benchmark (--benchmark <id>[:<profile>]): every control of the selection. */
export interface BenchmarkReport {
  id: string;
  title: string;
  profile?: string;
  controls: BenchmarkControlStatus[];
  /** Controls per status. */
  summary: Record<ControlStatus, number>;
}

export interface ResultsDocument {
  schemaVersion: 1;
  run: RunInfo;
  rules: RuleSummary[];
  results: Result[];
  summary: { total: number; byStatus: Record<Status, number>; bySeverity: Record<Severity, number> };
  warnings: string[];
  benchmark?: BenchmarkReport;
}
