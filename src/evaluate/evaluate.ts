/**
 * The evaluator: every enabled rule against every view of its resource type, one result
 * per (rule, resource), then waivers. Pure: no I/O and no clock (the scan time is an
 * input), so the same inputs give the same document, byte for byte once serialised.
 */
import { EMPTY_CONFIG } from '../config/load.js';
import { ruleSettingsFor } from '../config/rule-settings.js';
import type { Config } from '../config/types.js';
import type { Rule, Severity } from '../rules/types.js';
import { placeholderValues } from '../rules/remediation.js';
import { describeError, judge } from '../rules/verdict.js';
import { applyWaivers } from './apply-waivers.js';
import type { Waiver } from '../waivers/types.js';
import { closedRegionResults } from './closed-regions.js';
import { resourceKey, resultId } from './result-id.js';
import { summarize } from './summary.js';
import type { Result, ResultsDocument, RuleSummary, RunInfo, View, ViewGap } from './types.js';

export interface EvaluateInput {
  views: View[];
  /** The loaded rules (RuleSet.rules); their config is checked beforehand (checkConfigAgainstRules). */
  rules: Rule[];
  config?: Config;
  waivers?: Waiver[];
  scanTime: Date;
  /** Run identity; accounts and regions default to those of the views. */
  run: Omit<RunInfo, 'scanTime'>;
}

export function evaluate(input: EvaluateInput): ResultsDocument {
  const config = input.config ?? EMPTY_CONFIG;
  const viewsByType = groupViews(input.views);
  const results: Result[] = [];
  const ran: Rule[] = [];
  // Without per-account overrides, a rule's settings are the same for every view: compute them once.
  const perAccount = (config.settings.overrides ?? []).length > 0;
  for (const rule of [...input.rules].sort((a, b) => a.id.localeCompare(b.id))) {
    const global = ruleSettingsFor(config, rule);
    const hasParameters = Object.keys(rule.parameters).length > 0;
    let produced = false;
    for (const { view, id } of viewsByType.get(rule.resource) ?? []) {
      const settings = perAccount ? ruleSettingsFor(config, rule, view.accountId) : global;
      if (!settings.enabled) continue;
      produced = true;
      const verdict = judge(rule, view.data, settings.parameters, input.scanTime);
      results.push({
        id: resultId(rule.id, id),
        ruleId: rule.id,
        title: rule.title,
        severity: settings.severity,
        status: verdict.status,
        resourceType: view.type,
        resourceArn: view.arn,
        resourceName: view.name,
        accountId: view.accountId,
        region: view.region,
        message: verdict.message,
        failures: verdict.failures,
        error: verdict.error,
        skipReason: verdict.skipReason,
        parameters: hasParameters ? settings.parameters : undefined,
        placeholders: placeholderValues(rule.remediation, view.data, settings.parameters),
        related: view.related,
      });
    }
    for (const { view, id } of viewsByType.get('account') ?? []) {
      const gap = view.gaps?.[rule.resource];
      const settings = perAccount ? ruleSettingsFor(config, rule, view.accountId) : global;
      if (!settings.enabled) continue;
      const closed = closedRegionResults(rule, view, id, settings.severity);
      results.push(...closed);
      if (!gap && closed.length === 0) continue;
      produced = true;
      if (gap) results.push(gapResult(rule, view, id, settings.severity, gap));
    }
    // A rule off by default but on for some accounts ran too.
    if (produced || global.enabled) ran.push(rule);
  }
  results.sort(compareResults);
  const waived = applyWaivers(results, input.waivers ?? [], input.scanTime);
  return {
    schemaVersion: 1,
    run: {
      ...input.run,
      scanTime: input.scanTime.toISOString(),
      accounts: input.run.accounts ?? unique(input.views.map((v) => v.accountId)),
      regions: input.run.regions ?? unique(input.views.map((v) => v.region).filter((r) => r !== 'global')),
    },
    rules: ran.map((rule) => summarizeRule(rule, config)),
    results: waived.results,
    summary: summarize(waived.results),
    warnings: waived.warnings,
  };
}

/** The one result of a rule on an account whose resources of the rule's type are unknown, or which the rule does not concern. */
function gapResult(rule: Rule, account: View, id: string, severity: Severity, gap: ViewGap): Result {
  const what = `the ${rule.resource} resources of account ${account.accountId}`;
  const common = {
    id: resultId(rule.id, id),
    ruleId: rule.id,
    title: rule.title,
    severity,
    resourceType: account.type,
    resourceArn: account.arn,
    resourceName: account.name,
    accountId: account.accountId,
    region: account.region,
  };
  if (gap.status === 'skip') return { ...common, status: 'skip', message: `Not applicable: ${gap.reason}`, skipReason: gap.reason };
  return { ...common, status: 'error', message: describeError(what, gap.error), error: gap.error };
}

/**
 * Views by type, each with what its result ids hash besides the rule id (result-id.ts): the ARN,
 * plus account and region when several views share an ARN (a multi-region trail seen in each region).
 */
function groupViews(views: View[]): Map<string, Array<{ view: View; id: string }>> {
  const arnCount = new Map<string, number>();
  for (const v of views) arnCount.set(`${v.type} ${v.arn}`, (arnCount.get(`${v.type} ${v.arn}`) ?? 0) + 1);
  const byType = new Map<string, Array<{ view: View; id: string }>>();
  for (const view of views) {
    const shared = (arnCount.get(`${view.type} ${view.arn}`) ?? 0) > 1;
    const list = byType.get(view.type) ?? [];
    list.push({ view, id: shared ? resourceKey(view.arn, view.accountId, view.region) : view.arn });
    byType.set(view.type, list);
  }
  return byType;
}

function compareResults(a: Result, b: Result): number {
  return cmp(a.ruleId, b.ruleId) || cmp(a.accountId, b.accountId) || cmp(a.region, b.region) || cmp(a.resourceArn, b.resourceArn) || cmp(a.id, b.id);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function unique(values: string[]): string[] {
  return [...new Set(values)].sort();
}

function summarizeRule(rule: Rule, config: Config): RuleSummary {
  return {
    id: rule.id,
    title: rule.title,
    severity: ruleSettingsFor(config, rule).severity,
    resource: rule.resource,
    description: rule.description,
    rationale: rule.rationale,
    impact: rule.impact,
    remediation: rule.remediation,
    references: rule.references,
    frameworks: rule.frameworks,
    tags: rule.tags,
    file: rule.location.file,
    line: rule.location.line,
  };
}
