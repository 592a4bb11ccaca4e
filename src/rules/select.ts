/** --only and --skip: narrow a rule set by id, naming any id that does not exist. */
import { InputError } from '../errors.js';
import { didYouMean } from './did-you-mean.js';
import type { Rule } from './types.js';

export interface RuleFilter {
  only?: readonly string[];
  skip?: readonly string[];
}

export function selectRules(rules: Rule[], filter: RuleFilter): Rule[] {
  const ids = rules.map((r) => r.id);
  const unknown = [...(filter.only ?? []), ...(filter.skip ?? [])].filter((id) => !ids.includes(id));
  if (unknown.length > 0) throw new InputError(unknown.map((id) => ({ file: '', message: `unknown rule id \`${id}\`${didYouMean(id, ids)}` })));
  return rules.filter((r) => (!filter.only?.length || filter.only.includes(r.id)) && !filter.skip?.includes(r.id));
}
