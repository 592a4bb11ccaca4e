/**
 * Reads a world YAML file: syntax and schema problems come back located (file:line:col, with
 * "did you mean"), then the cross-references the schema can't see (duplicate ids, an
 * organization trail outside the management account, ...).
 */
import { readFileSync } from 'node:fs';
import { InputError, type Problem } from '../../errors.js';
import { schemaProblems } from '../../documents/schema-problems.js';
import { validatorFor } from '../../documents/schemas.js';
import { parseYamlFile, problemAt, type YamlFile } from '../../documents/yaml-file.js';
import { addTrailLogs } from '../trail-logs.js';
import { World } from './model.js';
import type { WorldSpec } from './spec.js';

export function loadWorldFile(path: string): World {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new InputError([{ file: path, message: `cannot read world file: ${e instanceof Error ? e.message : String(e)}` }]);
  }
  return parseWorld(text, path);
}

/** Parses and validates world YAML; throws InputError listing every problem. */
export function parseWorld(text: string, file = '<world>'): World {
  const { yaml, problems } = parseYamlFile(file, text);
  if (problems.length) throw new InputError(problems);
  const schema = schemaProblems(validatorFor('world'), yaml).map((p) => p.problem);
  if (schema.length) throw new InputError(schema);
  const spec = yaml.value as WorldSpec;
  const semantic = crossReferenceProblems(spec, yaml);
  if (semantic.length) throw new InputError(semantic);
  return buildWorld(spec);
}

/** The world a spec describes, its trails' log and digest files written into their buckets (the files need the built world). */
export function buildWorld(spec: WorldSpec): World {
  const world = new World(spec);
  for (const logs of spec.trailLogs ?? []) addTrailLogs(world, logs);
  return world;
}

function crossReferenceProblems(spec: WorldSpec, yaml: YamlFile): Problem[] {
  const problems: Problem[] = [];
  const at = (path: Array<string | number>, message: string) => problems.push(problemAt(yaml, path, message));
  const ids = new Set<string>();
  const buckets = new Map<string, string>();
  const org = spec.organization;
  const ouNames = new Set((org?.OrganizationalUnits ?? []).flatMap((ou) => [ou.Name, ou.Id ?? ou.Name]));
  spec.accounts.forEach((a, i) => {
    if (ids.has(a.Id)) at(['accounts', i, 'Id'], `account ${a.Id} is listed twice`);
    ids.add(a.Id);
    if (a.Parent && a.Parent !== 'root' && !ouNames.has(a.Parent)) at(['accounts', i, 'Parent'], `no organizational unit named \`${a.Parent}\` in organization.OrganizationalUnits`);
    (a.buckets ?? []).forEach((b, j) => {
      const owner = buckets.get(b.Name);
      if (owner) at(['accounts', i, 'buckets', j, 'Name'], `bucket names are global: ${b.Name} is already owned by account ${owner}`);
      buckets.set(b.Name, a.Id);
    });
    const trailKeys = new Set<string>();
    (a.trails ?? []).forEach((t, j) => {
      const key = `${t.HomeRegion}/${t.Name}`;
      if (trailKeys.has(key)) at(['accounts', i, 'trails', j, 'Name'], `trail ${t.Name} is defined twice in ${t.HomeRegion}`);
      trailKeys.add(key);
      if (t.EventSelectors && t.AdvancedEventSelectors) at(['accounts', i, 'trails', j, 'AdvancedEventSelectors'], 'a trail has EventSelectors or AdvancedEventSelectors, never both');
      // AWS makes the management account the owner of every organization trail, even one a
      // delegated administrator creates (CloudTrail user guide, delegated administrator page).
      if (t.IsOrganizationTrail && org?.MasterAccountId !== a.Id) {
        at(
          ['accounts', i, 'trails', j, 'IsOrganizationTrail'],
          `organization trails belong to the management account (${org?.MasterAccountId ?? 'no organization'}), even when a delegated administrator creates them; move this trail there`,
        );
      }
      const logGroupAccount = t.CloudWatchLogsLogGroupArn?.split(':')[4];
      if (logGroupAccount && logGroupAccount !== a.Id) {
        at(['accounts', i, 'trails', j, 'CloudWatchLogsLogGroupArn'], `a trail delivers only to a log group of its own account (${a.Id}), not ${logGroupAccount}`);
      }
    });
    // AWS allows one customer-managed recorder and one hub per region and account.
    for (const field of ['configurationRecorders', 'securityHub'] as const) {
      const seen = new Set<string>();
      (a[field] ?? []).forEach((entry, j) => {
        if (seen.has(entry.Region))
          at(['accounts', i, field, j, 'Region'], `${field === 'securityHub' ? 'Security Hub' : 'an AWS Config recorder'} is already defined for ${entry.Region}: one per region`);
        seen.add(entry.Region);
      });
    }
  });
  if (org && !ids.has(org.MasterAccountId)) at(['organization', 'MasterAccountId'], `management account ${org.MasterAccountId} is not in accounts`);
  for (const [sp, list] of Object.entries(org?.DelegatedAdministrators ?? {})) {
    list.forEach((id, k) => {
      if (!ids.has(id)) at(['organization', 'DelegatedAdministrators', sp, k], `delegated administrator ${id} is not in accounts`);
    });
  }
  return problems;
}
