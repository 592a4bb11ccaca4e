/**
 * A configuration (Terraform plan, CloudFormation templates) as an inventory: its resources
 * mapped to the AWS shapes the collector records, applied to the live account when one is given
 * (`--inventory`), or to an empty account whose account-wide facts are live-only.
 */
import { TOOL } from '../package-info.js';
import type { AccountInventory, ApiError, Inventory } from '../inventory/types.js';
import { emptyAccount } from './account-changes.js';
import { CLOUDFORMATION_TYPES, cloudFormationIdentity } from './cloudformation/map.js';
import { LIVE_ACCOUNT, LIVE_ONLY_ERROR, LIVE_ORGANIZATION } from './live-only.js';
import { mapContext } from './map-context.js';
import type { IacConfiguration, IacResource, ResourceLocation, Target } from './resource.js';
import { genericIdentity, TERRAFORM_TYPES } from './terraform/map.js';
import { resolve, type Identities } from './value.js';

export interface BuildInput {
  configurations: IacConfiguration[];
  target: Target;
  /** The live inventory the configuration applies to (--inventory). */
  live?: Inventory;
  collectedAt: string;
}

export interface IacInventory {
  inventory: Inventory;
  /** Where each resource is written, by the ARN its view carries. */
  locations: Map<string, ResourceLocation>;
}

export function buildIacInventory(input: BuildInput): IacInventory {
  const { target } = input;
  const inventory: Inventory = input.live
    ? structuredClone<Inventory>(input.live)
    : { schemaVersion: 1, collectedAt: input.collectedAt, tool: { name: TOOL.name, version: TOOL.version }, partition: target.partition, accounts: [] };
  let account = inventory.accounts.find((a) => a.AccountId === target.accountId);
  if (!account) {
    account = emptyAccount(target.accountId);
    inventory.accounts.push(account);
  }
  const locations = new Map<string, ResourceLocation>();
  for (const config of input.configurations) applyConfiguration(config, target, inventory, account, locations);
  if (!input.live) markLiveOnlyAccount(inventory, account, target);
  inventory.accounts.sort((a, b) => (a.AccountId < b.AccountId ? -1 : 1));
  return { inventory, locations };
}

function applyConfiguration(config: IacConfiguration, target: Target, inventory: Inventory, account: AccountInventory, locations: Map<string, ResourceLocation>): void {
  const types = config.format === 'terraform' ? TERRAFORM_TYPES : CLOUDFORMATION_TYPES;
  const ids: Identities = new Map();
  for (const r of config.resources) {
    // Names written with parameters and pseudo parameters (`!Sub "logs-${AWS::AccountId}"`) are known; ones from other resources are not.
    const own = { ...r, values: resolve(r.values, new Map()) as Record<string, unknown> };
    const known = knownStrings(own.values);
    const typed = config.format === 'terraform' ? (types[r.type]?.identity(own.values, r.address, target) ?? genericIdentity(own, target)) : cloudFormationIdentity(own, target);
    // What Terraform already knows (an existing resource's ARN) wins over a placeholder.
    ids.set(r.address, config.format === 'terraform' ? { ...typed, ...known } : typed);
  }
  // Deletions first, then the resources others configure, then those (bucket configuration, aliases, filters, targets).
  const order = (r: IacResource) => (r.action === 'delete' ? 0 : 1) + (types[r.type]?.dependent ? 2 : 0);
  const sorted = [...config.resources].sort((a, b) => order(a) - order(b) || (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
  for (const r of sorted) {
    const mapping = types[r.type];
    if (!mapping) continue;
    const errors: ApiError[] = [];
    mapping.map(mapContext(r, resolve(r.values, ids) as Record<string, unknown>, target, inventory, account, locations, errors));
    // Organizations facts are the organization view's: their errors go with the organization.
    const org = inventory.organization;
    account.errors.push(...errors.filter((e) => !(org && e.service === 'organizations')));
    org?.errors.push(...errors.filter((e) => e.service === 'organizations'));
  }
}

/** The string attributes a plan already knows (after apply), for references to them. */
function knownStrings(values: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) if (typeof v === 'string' && v !== '') out[k] = v;
  return out;
}

/**
 * Without a live inventory, the configuration is all that is known of the account: what the
 * account view says of the account as a whole (its other trails, regions, alarms, recorders),
 * and the organization's members, administrators and other policies, exist only live.
 */
function markLiveOnlyAccount(inventory: Inventory, account: AccountInventory, target: Target): void {
  const base = { accountId: target.accountId, region: target.region, errorName: LIVE_ONLY_ERROR };
  account.errors.push({
    ...base,
    service: 'cloudtrail',
    operation: 'ListTrails',
    message: '(the account as a whole: its other trails, regions, alarms and recorders) exists only in a live account; give --inventory to evaluate the account after apply',
    sections: LIVE_ACCOUNT,
  });
  const org = inventory.organization;
  if (!org) {
    // Whether the account is in an organization the configuration does not manage.
    account.errors.push({
      ...base,
      service: 'organizations',
      operation: 'DescribeOrganization',
      message: '(whether the account is in one) exists only in a live account; give --inventory to evaluate it after apply',
    });
    return;
  }
  for (const { operation, what, sections } of LIVE_ORGANIZATION) {
    org.errors.push({ ...base, service: 'organizations', operation, message: `(${what}) exists only in a live organization; give --inventory to evaluate it after apply`, sections });
  }
}
