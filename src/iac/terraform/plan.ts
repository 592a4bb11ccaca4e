/**
 * A Terraform plan as `terraform show -json PLANFILE` prints it (the documented "JSON Output
 * Format", format_version 1.x: Terraform 1.0 and later): every managed AWS resource instance of
 * `resource_changes`, its values after apply with `after_unknown` marked Unknown, and the
 * references of `configuration` so that an unknown that points at another resource of the
 * plan is joined to it.
 */
import { InputError } from '../../errors.js';
import { visible } from '../../util/visible-text.js';
import type { ChangeAction, IacConfiguration, IacResource } from '../resource.js';
import { Reference, Unknown } from '../value.js';
import { locateResources } from './source-locations.js';

interface Expression {
  constant_value?: unknown;
  references?: string[];
}

interface ConfigResource {
  address: string;
  mode?: string;
  type: string;
  expressions?: Record<string, unknown>;
}

interface ConfigModule {
  resources?: ConfigResource[];
  module_calls?: Record<string, { source?: string; expressions?: Record<string, unknown>; module?: ConfigModule }>;
}

interface ResourceChange {
  address: string;
  module_address?: string;
  mode: string;
  type: string;
  name: string;
  provider_name?: string;
  change: { actions: string[]; before?: unknown; after?: unknown; after_unknown?: unknown };
}

export interface TerraformPlan {
  format_version: string;
  terraform_version?: string;
  resource_changes?: ResourceChange[];
  configuration?: { provider_config?: Record<string, { name?: string; expressions?: Record<string, Expression> }>; root_module?: ConfigModule };
  prior_state?: { values?: { root_module?: { resources?: Array<{ address: string; type: string; mode: string; values?: Record<string, unknown> }> } } };
}

/** Whether parsed JSON is a Terraform plan (rather than a CloudFormation template). */
export function isTerraformPlan(data: unknown): data is TerraformPlan {
  return data !== null && typeof data === 'object' && 'format_version' in data && ('resource_changes' in data || 'planned_values' in data || 'configuration' in data);
}

export const SUPPORTED_FORMAT = /^1\.\d+$/;

export function readTerraformPlan(plan: TerraformPlan, file: string, tfDir: string | undefined, cwd: string): IacConfiguration {
  // The format's promise: minor versions only add; reject an unknown major version.
  if (typeof plan.format_version !== 'string' || !SUPPORTED_FORMAT.test(plan.format_version)) {
    throw new InputError([
      {
        file,
        message: `Terraform plan format_version "${visible(String(plan.format_version))}" is not supported (trailguard reads 1.x, printed by Terraform 1.0 and later with \`terraform show -json\`)`,
      },
    ]);
  }
  const changes = (plan.resource_changes ?? []).filter((c) => c.mode === 'managed' && c.type.startsWith('aws_') && isAwsProvider(c.provider_name));
  const configs = configResources(plan.configuration?.root_module, '');
  const calls = moduleCalls(plan.configuration?.root_module, '');
  const addresses = new Set(changes.map((c) => c.address));
  const locations = locateResources(
    changes.map((c) => c.address),
    plan.configuration?.root_module,
    tfDir,
    cwd,
  );
  const resources: IacResource[] = changes.map((c) => {
    const action = changeAction(c.change.actions, c.address, file);
    const moduleAddress = c.module_address ?? '';
    const config = configs.get(`${stripIndexes(moduleAddress)}|${stripIndex(c.address.slice(moduleAddress ? moduleAddress.length + 1 : 0))}`);
    const joinRef = (refs: string[] | undefined) => referenceTo(refs, moduleAddress, addresses, calls);
    const values =
      action === 'delete'
        ? ((c.change.before ?? {}) as Record<string, unknown>)
        : (withUnknowns(c.change.after ?? {}, c.change.after_unknown, config?.expressions, joinRef, c.address) as Record<string, unknown>);
    return { address: c.address, type: c.type, action, values, location: locations.get(c.address) ?? { address: c.address } };
  });
  return { format: 'terraform', file, resources, ...deployTarget(plan) };
}

function isAwsProvider(name: string | undefined): boolean {
  return name === undefined || /(^|\/)aws$/.test(name);
}

function changeAction(actions: string[], address: string, file: string): ChangeAction {
  const key = actions.join(',');
  switch (key) {
    // `forget` (a `removed` block) leaves the object in place, unmanaged.
    case 'no-op':
    case 'read':
    case 'forget':
      return 'no-op';
    case 'create':
      return 'create';
    case 'update':
    case 'delete,create':
    case 'create,delete':
      return 'update';
    case 'delete':
      return 'delete';
    default:
      throw new InputError([{ file, message: visible(`${address}: unknown change actions [${actions.join(', ')}]`) }]);
  }
}

/** The configuration's resources by `module path|address without index`. */
function configResources(module: ConfigModule | undefined, prefix: string, out = new Map<string, ConfigResource>()): Map<string, ConfigResource> {
  for (const r of module?.resources ?? []) out.set(`${prefix}|${r.address}`, r);
  for (const [name, call] of Object.entries(module?.module_calls ?? {})) {
    configResources(call.module, prefix ? `${prefix}.module.${name}` : `module.${name}`, out);
  }
  return out;
}

/** Each module call's input expressions, by module address without instance keys. */
function moduleCalls(module: ConfigModule | undefined, prefix: string, out = new Map<string, Record<string, Expression>>()): Map<string, Record<string, Expression>> {
  for (const [name, call] of Object.entries(module?.module_calls ?? {})) {
    const address = prefix ? `${prefix}.module.${name}` : `module.${name}`;
    out.set(address, (call.expressions ?? {}) as Record<string, Expression>);
    moduleCalls(call.module, address, out);
  }
  return out;
}

function stripIndex(address: string): string {
  return address.replace(/\[[^\]]*\]$/, '');
}

function stripIndexes(address: string): string {
  return address.replace(/\[[^\]]*\]/g, '');
}

/**
 * The resource of the plan that a configuration expression refers to (`aws_kms_key.trail.arn`,
 * `aws_s3_bucket.logs[0].id`), in the referring resource's module; undefined when it refers to
 * anything else (a variable, a data source, several resources).
 */
function referenceTo(refs: string[] | undefined, moduleAddress: string, addresses: Set<string>, calls: Map<string, Record<string, Expression>>): Reference | undefined {
  // A module input (`var.bucket_name`) is what its module call passes, in the calling module.
  const input = (refs ?? []).map((r) => /^var\.([A-Za-z0-9_-]+)$/.exec(r)?.[1]).find((x) => x !== undefined);
  if (input !== undefined && moduleAddress && (refs ?? []).every((r) => r.startsWith(`var.${input}`))) {
    const parent = moduleAddress.replace(/\.?module\.[^.[]+(\[[^\]]*\])?$/, '');
    return referenceTo(calls.get(stripIndexes(moduleAddress))?.[input]?.references, parent, addresses, calls);
  }
  const targets = new Map<string, string>();
  for (const ref of refs ?? []) {
    const m = /^(aws_[a-z0-9_]+\.[A-Za-z0-9_-]+)(\[[^\]]+\])?\.([a-z0-9_]+)$/.exec(ref);
    if (!m) continue;
    const local = `${m[1]}${m[2] ?? ''}`;
    const address = moduleAddress ? `${moduleAddress}.${local}` : local;
    const found = addresses.has(address)
      ? address
      : [...addresses].filter((a) => a.startsWith(`${address}[`)).length === 1
        ? [...addresses].find((a) => a.startsWith(`${address}[`))
        : undefined;
    if (found) targets.set(found, m[3]!);
  }
  const others = (refs ?? []).filter((r) => !/^aws_/.test(r));
  if (targets.size !== 1 || others.length > 0) return undefined;
  const [[target, attribute]] = [...targets.entries()] as [[string, string]];
  return new Reference(target, attribute);
}

/** `after` with each `after_unknown` leaf replaced: by a reference to the plan resource it is, or by Unknown. */
function withUnknowns(after: unknown, unknown: unknown, expression: unknown, joinRef: (refs: string[] | undefined) => Reference | undefined, path: string): unknown {
  if (unknown === true) {
    const refs = (expression as Expression | undefined)?.references;
    return joinRef(refs) ?? new Unknown(`${path} is known only after apply`);
  }
  if (Array.isArray(unknown)) {
    const list = Array.isArray(after) ? after : [];
    const length = Math.max(list.length, unknown.length);
    // A list attribute's expression is one expression for every element; a nested block's is one per block.
    const perElement = Array.isArray(expression);
    return Array.from({ length }, (_, i) => withUnknowns(list[i], unknown[i], perElement ? (expression as unknown[])[i] : expression, joinRef, `${path}[${i}]`));
  }
  if (unknown !== null && typeof unknown === 'object') {
    const object = after !== null && typeof after === 'object' ? (after as Record<string, unknown>) : {};
    const exprs = expression !== null && typeof expression === 'object' && !Array.isArray(expression) ? (expression as Record<string, unknown>) : {};
    const out: Record<string, unknown> = { ...object };
    for (const [key, u] of Object.entries(unknown as Record<string, unknown>)) out[key] = withUnknowns(object[key], u, exprs[key], joinRef, `${path}.${key}`);
    return out;
  }
  return after;
}

/** The account and region the plan says it deploys to: the AWS provider's region, and a caller identity or an ARN of its state. */
function deployTarget(plan: TerraformPlan): { accountId?: string; region?: string } {
  const provider = Object.entries(plan.configuration?.provider_config ?? {}).find(([key, p]) => key === 'aws' || p.name === 'aws')?.[1];
  const region = provider?.expressions?.region?.constant_value;
  const state = plan.prior_state?.values?.root_module?.resources ?? [];
  const identity = state.find((r) => r.mode === 'data' && r.type === 'aws_caller_identity')?.values?.account_id;
  return { ...(typeof region === 'string' ? { region } : {}), ...(typeof identity === 'string' ? { accountId: identity } : {}) };
}
