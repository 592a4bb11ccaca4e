/**
 * The rule selection users expect from Checkov and Trivy: --only and --skip take ids or `*`
 * globs (`cloudtrail-*`), --severity a list of severities, --service the rule folders
 * (`s3`, `kms`). A pattern or service that matches no rule is an input error naming it.
 */
import { basename, dirname } from 'node:path';
import { InputError } from '../errors.js';
import { didYouMean } from '../util/did-you-mean.js';
import { compileGlob } from './glob.js';
import type { Severity } from './types.js';

export interface RuleFilter {
  only?: readonly string[];
  skip?: readonly string[];
  severities?: readonly Severity[];
  services?: readonly string[];
}

/** What the selection looks at: the id, the effective severity (after config), the rule's file. */
export interface Selectable {
  id: string;
  severity: Severity;
  file: string;
}

/** A rule's service is the folder its file is in: rules/s3/… → s3. */
export function serviceOf(file: string): string {
  return basename(dirname(file));
}

export function selectRules<T>(items: readonly T[], filter: RuleFilter, describe: (item: T) => Selectable): T[] {
  const all = items.map(describe);
  const ids = all.map((r) => r.id);
  const matcher = (pattern: string) => {
    const glob = compileGlob(pattern);
    return (id: string) => glob.test(id);
  };
  const problems: string[] = [];
  const patterns = (list: readonly string[] | undefined, flag: string) =>
    (list ?? []).map((pattern) => {
      const matches = matcher(pattern);
      if (!ids.some(matches)) {
        problems.push(pattern.includes('*') ? `${flag} \`${pattern}\` matches no rule` : `unknown rule id \`${pattern}\`${didYouMean(pattern, ids)}`);
      }
      return matches;
    });
  const only = patterns(filter.only, '--only');
  const skip = patterns(filter.skip, '--skip');
  const services = new Set(all.map((r) => serviceOf(r.file)));
  for (const service of filter.services ?? []) {
    if (!services.has(service)) problems.push(`--service \`${service}\` has no rules${didYouMean(service, services)} (services: ${[...services].sort().join(', ')})`);
  }
  if (problems.length > 0) throw new InputError(problems.map((message) => ({ file: '', message })));
  return items.filter((_, i) => {
    const r = all[i]!;
    return (
      (only.length === 0 || only.some((m) => m(r.id))) &&
      !skip.some((m) => m(r.id)) &&
      (!filter.severities?.length || filter.severities.includes(r.severity)) &&
      (!filter.services?.length || filter.services.includes(serviceOf(r.file)))
    );
  });
}
