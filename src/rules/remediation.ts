/**
 * Remediation that can be pasted. A rule's remediation texts (summary, console, cli,
 * cloudformation, terraform) name the resource's own values with the message placeholder
 * syntax: `{{Bucket.Name}}` (a field of the rule's view), `{{params.name}}` (a parameter),
 * or `{{resource.account}}`, `{{resource.region}}`, `{{resource.arn}}`, `{{resource.name}}`
 * (the resource a result is about, for any view). The evaluator records each result's
 * values; every report fills them in, so `aws s3api ... --bucket my-trail-logs` can be
 * pasted as printed. A placeholder naming nothing the view holds is a load-time error.
 */
import type { Problem } from '../errors.js';
import { parsePath, readPath } from './conditions/path.js';
import type { Rule } from './types.js';
import { undeclaredPath } from './view-catalogue.js';
import { problemAt, type YamlFile } from '../documents/yaml-file.js';

export const REMEDIATION_FORMS = ['summary', 'console', 'cli', 'cloudformation', 'terraform'] as const;

/** The placeholders every view answers from the result itself. */
export const RESOURCE_PLACEHOLDERS = ['resource.account', 'resource.region', 'resource.arn', 'resource.name'] as const;

const PLACEHOLDER = /\{\{\s*([^}]+?)\s*\}\}/g;

type Remediation = Rule['remediation'];

/** The placeholder names a remediation uses, sorted and unique. */
export function remediationPlaceholders(remediation: Remediation): string[] {
  const names = new Set<string>();
  for (const form of REMEDIATION_FORMS) for (const m of (remediation[form] ?? '').matchAll(PLACEHOLDER)) names.add(m[1]!);
  return [...names].sort();
}

/** Load-time check: every placeholder names a field of the view, a declared parameter, or the resource. */
export function remediationProblems(yaml: YamlFile, rule: Pick<Rule, 'resource' | 'remediation'> & { parameters?: unknown }): Problem[] {
  const declared = rule.parameters && typeof rule.parameters === 'object' ? Object.keys(rule.parameters) : [];
  const problems: Problem[] = [];
  for (const form of REMEDIATION_FORMS) {
    for (const m of (rule.remediation?.[form] ?? '').matchAll(PLACEHOLDER)) {
      const why = placeholderProblem(m[1]!, rule.resource, declared);
      if (why) problems.push(problemAt(yaml, ['remediation', form], `placeholder \`{{${m[1]!}}}\` ${why}`));
    }
  }
  return problems;
}

function placeholderProblem(name: string, resource: Rule['resource'], declared: string[]): string | undefined {
  if ((RESOURCE_PLACEHOLDERS as readonly string[]).includes(name)) return undefined;
  let segments;
  try {
    segments = parsePath(name).segments;
  } catch {
    return 'is not a path';
  }
  const [root, second] = segments;
  if (root === 'params') return typeof second === 'string' && declared.includes(second) ? undefined : `names no declared parameter (declared: ${declared.join(', ') || 'none'})`;
  if (root === 'resource') return `is not one of ${RESOURCE_PLACEHOLDERS.join(', ')}`;
  // The same check as every condition path: the view catalogue (and the AWS record shapes under it).
  const undeclared = undeclaredPath(resource, name);
  return undeclared ? `names no field of the ${resource} view: ${undeclared}; or params.<name>, ${RESOURCE_PLACEHOLDERS.join(', ')}` : undefined;
}

// Per rule: its placeholders that read the view or the parameters, parsed once.
const viewReads = new WeakMap<Remediation, Array<{ name: string; params: boolean; segments: ReturnType<typeof parsePath>['segments'] }>>();

/**
 * The values a result needs to fill its rule's remediation: view fields and parameters
 * (resource.* come from the result itself). Absent values are left out; reports then show
 * the placeholder as `<Bucket.Name>`, a blank to fill, never a wrong value.
 */
export function placeholderValues(remediation: Remediation, view: Record<string, unknown>, params: Record<string, unknown>): Record<string, string> | undefined {
  let reads = viewReads.get(remediation);
  if (!reads) {
    reads = remediationPlaceholders(remediation)
      .filter((name) => !name.startsWith('resource.'))
      .map((name) => {
        const params = name.startsWith('params.');
        return { name, params, segments: parsePath(params ? name.slice('params.'.length) : name).segments };
      });
    viewReads.set(remediation, reads);
  }
  if (reads.length === 0) return undefined;
  const values: Record<string, string> = {};
  for (const { name, params: isParam, segments } of reads) {
    const value = readPath(isParam ? params : view, segments);
    if (value === undefined || value === null) continue;
    values[name] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  return values;
}

/** `text` with each placeholder replaced by `value(name)`, or by `<name>` where there is none. */
export function fillPlaceholders(text: string, value: (name: string) => string | undefined): string {
  return text.replace(PLACEHOLDER, (_m, name: string) => value(name) ?? `<${name}>`);
}
