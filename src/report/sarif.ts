/**
 * `sarif`: SARIF 2.1.0 as GitHub code scanning ingests it.
 *
 * - Only `fail` results become SARIF results. Waived results are left out rather than sent
 *   with `suppressions`, because GitHub ignores suppressions by default and would open an
 *   alert for every accepted risk. Errors (data trailguard could not read) are not
 *   vulnerabilities: they go to `invocations[0].toolExecutionNotifications`, which GitHub
 *   shows on the tool status page instead of as alerts.
 * - GitHub rejects the whole upload if one result lacks a physical location, and cloud
 *   resources have no file: each result is anchored at its rule file, on the rule's line,
 *   and the resource ARN rides in `logicalLocations` and the message. A rule file outside
 *   the repository (the built-in rules when trailguard runs through npx) gives way to
 *   `options.anchor`, a file that is in it (the workflow that ran the scan).
 * - `partialFingerprints` hash rule id + ARN, so every resource is its own alert (instead of
 *   GitHub collapsing all results at one rule line) and stays the same alert across runs.
 */
import { createHash } from 'node:crypto';
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Result, ResultsDocument, RuleSummary } from '../evaluate/types.js';
import type { Severity } from '../rules/types.js';
import { describeError, describeFailure, describePartial, frameworkControls, remediationText } from './explain.js';
import { remediationFor } from './remediation.js';
import { jsonChunks, streamMarker } from './json-stream.js';
import { compare, countBy, ruleLookup, sortedResults } from './order.js';

/** CVSS-like scores GitHub buckets into critical (≥ 9.0), high (7.0–8.9), medium (4.0–6.9), low (0.1–3.9). */
export const SECURITY_SEVERITY: Record<Severity, string> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '3.0',
  informational: '0.0',
};

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  informational: 'note',
};

export interface SarifOptions {
  /** A file of the scanned repository, relative to its root, for results whose rule file is not in it. */
  anchor?: string;
  /**
   * --sarif-category: the code scanning category (`automationDetails.id`). GitHub's upload
   * action applies its own `category` input only to a SARIF without one, so the category
   * must be written here for each scanned scope to keep its own alerts.
   */
  category?: string;
}

const NOTIFICATIONS = streamMarker('notifications');
const RESULTS = streamMarker('results');

export function renderSarif(doc: ResultsDocument, options: SarifOptions = {}): Iterable<string> {
  const ruleOf = ruleLookup(doc);
  const rules = uniqueRules(doc, ruleOf);
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results = sortedResults(doc.results);
  // Waived results are left out (see above); how many each waiver hid stays visible here.
  const waivers = countBy(
    results.filter((r) => r.waiver),
    (r) => r.waiver!.id,
  );
  const properties = { ...(doc.run.partial ? { partial: describePartial(doc.run) } : {}), ...(waivers.length ? { waivers: Object.fromEntries(waivers) } : {}) };
  const skeleton = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: doc.run.tool.name,
            version: doc.run.tool.version,
            semanticVersion: doc.run.tool.version,
            rules: rules.map(ruleDescriptor),
          },
        },
        automationDetails: { id: automationId(doc, options.category) },
        ...(Object.keys(properties).length ? { properties } : {}),
        // The scan itself ran; unreadable data is reported per call, not as a crashed tool.
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: NOTIFICATIONS }],
        results: RESULTS,
      },
    ],
  };
  const notifications = function* () {
    for (const r of results) {
      if (r.status !== 'error') continue;
      yield {
        level: 'error',
        message: { text: `${r.ruleId} could not evaluate ${r.resourceArn}: ${describeError(r) ?? r.message}` },
        associatedRule: { id: r.ruleId, index: index.get(r.ruleId) },
        locations: [location(r, ruleOf(r), options)],
      };
    }
  };
  const failures = function* () {
    for (const r of results) {
      if (r.status !== 'fail') continue;
      yield {
        ruleId: r.ruleId,
        ruleIndex: index.get(r.ruleId),
        level: LEVEL[r.severity],
        message: { text: resultMessage(r) },
        locations: [location(r, ruleOf(r), options)],
        partialFingerprints: { 'trailguard/v1': fingerprint(r) },
        properties: {
          accountId: r.accountId,
          region: r.region,
          resourceType: r.resourceType,
          severity: r.severity,
          ...(r.failures?.length ? { failures: r.failures.map(describeFailure) } : {}),
          remediation: remediationText(ruleOf(r), r),
        },
      };
    }
  };
  return jsonChunks(
    skeleton,
    [
      { marker: NOTIFICATIONS, items: notifications() },
      { marker: RESULTS, items: failures() },
    ],
    (value, indent) => JSON.stringify(value, null, indent),
  );
}

function uniqueRules(doc: ResultsDocument, ruleOf: (r: Result) => RuleSummary): RuleSummary[] {
  const rules = new Map(doc.rules.map((r) => [r.id, r]));
  for (const r of doc.results) if (!rules.has(r.ruleId)) rules.set(r.ruleId, ruleOf(r));
  return [...rules.values()].sort((a, b) => compare(a.id, b.id));
}

function ruleDescriptor(rule: RuleSummary) {
  const controls = frameworkControls(rule);
  return {
    id: rule.id,
    name: rule.id.replace(/(^|-)([a-z0-9])/g, (_m, _dash: string, c: string) => c.toUpperCase()),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.description },
    help: { text: helpText(rule, controls), markdown: helpMarkdown(rule, controls) },
    ...(rule.references[0] ? { helpUri: rule.references[0] } : {}),
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: {
      tags: ['security', 'compliance', `severity/${rule.severity}`, `resource/${rule.resource}`, ...rule.tags, ...controls.map((c) => c.replace(' ', '/'))],
      'security-severity': SECURITY_SEVERITY[rule.severity],
      precision: 'very-high',
    },
  };
}

// A rule's help stands for all its results: each value is a visible blank (<Bucket.Name>); each result carries its filled commands.
function helpText(rule: RuleSummary, controls: string[]): string {
  const r = remediationFor(rule);
  return [
    rule.description,
    rule.rationale && `Why: ${rule.rationale}`,
    `Remediation: ${r.summary}`,
    r.cli && `CLI: ${r.cli}`,
    controls.length > 0 && `Controls: ${controls.join(', ')}`,
    ...rule.references,
  ]
    .filter(Boolean)
    .join('\n\n');
}

function helpMarkdown(rule: RuleSummary, controls: string[]): string {
  const r = remediationFor(rule);
  const code = (lang: string, text: string) => `\`\`\`${lang}\n${text.trimEnd()}\n\`\`\``;
  return [
    rule.description,
    rule.rationale && `**Why it matters.** ${rule.rationale}`,
    `**Remediation.** ${r.summary}`,
    r.console && `Console: ${r.console}`,
    r.cli && code('sh', r.cli),
    r.cloudformation && code('yaml', r.cloudformation),
    r.terraform && code('hcl', r.terraform),
    controls.length > 0 && `**Controls:** ${controls.join(', ')}`,
    rule.references.length > 0 && rule.references.map((u) => `- <${u}>`).join('\n'),
  ]
    .filter(Boolean)
    .join('\n\n');
}

/** The rule's message says what was expected and found; each failed condition stays in `properties.failures`. */
function resultMessage(r: Result): string {
  return `[${r.region}] ${r.resourceArn}: ${r.message}`;
}

function location(r: Result, rule: RuleSummary, options: SarifOptions) {
  const logicalLocations = [{ fullyQualifiedName: r.resourceArn, name: r.resourceName, kind: 'resource' }];
  // `iac`: the block that declares the resource, so GitHub annotates the pull request there.
  const source = r.location;
  if (source?.file && source.line) {
    const region = { startLine: source.line, ...(source.column ? { startColumn: source.column } : {}) };
    return {
      physicalLocation: { artifactLocation: { uri: encodeURI(source.file.replaceAll('\\', '/')) }, region },
      logicalLocations: [...logicalLocations, { fullyQualifiedName: source.address, kind: 'declaration' }],
    };
  }
  const { uri, line } = anchorFor(rule, options);
  return {
    physicalLocation: { artifactLocation: { uri }, region: { startLine: Math.max(1, line) } },
    logicalLocations,
  };
}

/**
 * Where a result of `rule` is shown. Rule files are recorded relative to the working
 * directory, which in CI is the repository root; one outside it, or under node_modules
 * (never committed), is not a file GitHub can show, so the anchor takes its place.
 */
export function anchorFor(rule: RuleSummary, options: SarifOptions): { uri: string; line: number } {
  const file = rule.file.replaceAll('\\', '/');
  const inRepository = file !== '' && !isAbsolute(rule.file) && !file.startsWith('../') && !/(^|\/)node_modules\//.test(file);
  if (inRepository) return { uri: encodeURI(file.replace(/^\.\//, '')), line: rule.line };
  if (options.anchor) return { uri: encodeURI(options.anchor.replaceAll('\\', '/')), line: 1 };
  return { uri: isAbsolute(rule.file) ? pathToFileURL(rule.file).href : encodeURI(file), line: rule.line };
}

/** Stable per (rule, resource): the same alert across runs, a different one per resource. */
export function fingerprint(r: Result): string {
  return createHash('sha256').update(`${r.ruleId}\0${r.resourceArn}`).digest('hex');
}

/**
 * The upload category: alerts from one scope close only when that scope's next upload no
 * longer reports them, so one account's run never closes another account's alerts.
 */
function automationId(doc: ResultsDocument, category: string | undefined): string {
  // The id is "<category>/<run>": the part up to the last slash is the category, as CodeQL writes it.
  if (category) return category.endsWith('/') ? category : `${category}/`;
  const accounts = doc.run.accounts ?? [];
  return accounts.length === 1 ? `trailguard/${accounts[0]}/` : 'trailguard/';
}
