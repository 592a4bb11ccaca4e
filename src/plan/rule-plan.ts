/** A rule selection → the collector plan that serves exactly those rules. */
import { closePlan, FULL_PLAN, type Plan, type SectionId } from '../collect/sections.js';
import type { Rule } from '../rules/types.js';
import { baseSections, sectionsForPath } from './view-needs.js';

export interface RuleNeeds {
  sections: SectionId[];
  /** Paths no view declares: the rule can't be planned for, so the plan falls back to everything. */
  undeclared: string[];
}

export function ruleNeeds(rule: Rule): RuleNeeds {
  const sections = new Set<SectionId>(baseSections(rule.resource));
  const undeclared: string[] = [];
  for (const path of rule.reads) {
    const needs = sectionsForPath(rule.resource, path);
    if (needs) for (const s of needs) sections.add(s);
    else undeclared.push(path);
  }
  // The key view lists every customer-managed key of the account, not only the trails' keys.
  if (rule.resource === 'key') sections.add('all-customer-keys');
  return { sections: [...sections].sort(), undeclared };
}

export function planForRules(rules: readonly Rule[]): Plan {
  const sections = new Set<SectionId>();
  for (const rule of rules) {
    const needs = ruleNeeds(rule);
    if (needs.undeclared.length > 0) return FULL_PLAN;
    for (const s of needs.sections) sections.add(s);
  }
  return closePlan(sections);
}
