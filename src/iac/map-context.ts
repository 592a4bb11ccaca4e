/**
 * What a resource mapper works with: the resolved values of one resource, the account its
 * records go into, and the two ways a value can be missing in a configuration: known only after
 * apply (`KnownAfterApply`, so a rule reading it is `error`) or existing only in a live account
 * (`LiveOnly`, so a rule whose verdict depends on it is `skip`).
 */
import type { AccountInventory, ApiError, Inventory } from '../inventory/types.js';
import { LIVE_ONLY_ERROR, KNOWN_AFTER_APPLY } from './live-only.js';
import type { IacResource, ResourceLocation, Target } from './resource.js';
import { findUnknown } from './value.js';

/** The API call that would have read a field: the error names it, and it decides which view sections the error reaches. */
export interface Call {
  service: string;
  operation: string;
  /** The resource the call is about (as the views look errors up: ARN, name or id). */
  resource: string;
}

/** How one resource type maps: its identity (what others reference) and its records. */
export interface TypeMapping {
  /** The attributes other resources reference, with placeholders for those known only after apply. */
  identity(v: Record<string, unknown>, address: string, t: Target): Record<string, string>;
  map(ctx: MapContext): void;
  /** Mapped after the resources it configures (bucket configuration, aliases, filters, targets, attachments). */
  dependent?: boolean;
}

export interface MapContext {
  resource: IacResource;
  /** The resource's values with references resolved (Unknown where only known after apply). */
  values: Record<string, unknown>;
  target: Target;
  account: AccountInventory;
  inventory: Inventory;
  /** The resource is deleted by the change. */
  remove: boolean;
  /** Records where the resource whose view carries `arn` is written. */
  locate(arn: string): void;
  /**
   * The value without unknowns; when any part is only known after apply, records a
   * KnownAfterApply error for the call (on `sections` only, when given) and returns undefined.
   */
  known<T>(value: unknown, call: Call, sections?: string[]): T | undefined;
  /** Records that these sections only exist in a live account. */
  liveOnly(call: Call, sections: string[], what: string): void;
}

export function mapContext(
  resource: IacResource,
  values: Record<string, unknown>,
  target: Target,
  inventory: Inventory,
  account: AccountInventory,
  locations: Map<string, ResourceLocation>,
  /** Where the context's errors go; added to the account after the mapper has replaced the resource's records (and their old errors). */
  errors: ApiError[],
): MapContext {
  const base = (call: Call) => ({ accountId: target.accountId, region: target.region, service: call.service, operation: call.operation, resource: call.resource });
  return {
    resource,
    values,
    target,
    account,
    inventory,
    remove: resource.action === 'delete',
    locate: (arn) => void (resource.action !== 'delete' && locations.set(arn, resource.location)),
    known<T>(value: unknown, call: Call, sections?: string[]): T | undefined {
      const unknown = findUnknown(value);
      if (!unknown) return value as T | undefined;
      errors.push({
        ...base(call),
        errorName: KNOWN_AFTER_APPLY,
        message: unknown.why.startsWith(resource.location.address) ? unknown.why : `${resource.location.address}: ${unknown.why}`,
        ...(sections ? { sections } : {}),
      });
      return undefined;
    },
    liveOnly(call, sections, what) {
      errors.push({ ...base(call), errorName: LIVE_ONLY_ERROR, message: `(${what}) exists only in a live account, not in ${resource.location.address}`, sections });
    },
  };
}

/** A boolean attribute: absent or null means the default. */
export function bool(value: unknown, fallback: boolean): boolean {
  return typeof value === 'boolean' ? value : value === 'true' ? true : value === 'false' ? false : fallback;
}

/** A string attribute; empty and null mean absent (as AWS leaves an unset field out). */
export function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** A list attribute (Terraform nested blocks are lists; null means none). */
export function list(value: unknown): Array<Record<string, unknown>> {
  return Array.isArray(value) ? (value as Array<Record<string, unknown>>) : [];
}

/** A tag map as AWS lists tags. */
export function tags(value: unknown): Array<{ Key: string; Value: string }> | undefined {
  if (Array.isArray(value)) return value.map((t: Record<string, unknown>) => ({ Key: String(t.Key), Value: String((t.Value as string | number | undefined) ?? '') }));
  if (value === null || typeof value !== 'object') return undefined;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return entries.length ? entries.map(([Key, Value]) => ({ Key, Value: String(Value) })) : undefined;
}

/** A policy document written as JSON text (Terraform) or as a mapping (CloudFormation). */
export function policyDocument(value: unknown): unknown {
  if (typeof value !== 'string') return value ?? undefined;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return undefined;
  }
}

/** `{ key: value }` when the value is set (AWS leaves unset fields out), else nothing. */
export function opt<K extends string, V>(key: K, value: V | undefined | null): { [P in K]?: V } {
  return value === undefined || value === null || value === '' ? {} : ({ [key]: value } as { [P in K]: V });
}

/** An ARN in the configuration's account and region (or, for global services, account only). */
export function arnIn(t: Target, service: string, resource: string, global = false): string {
  return `arn:${t.partition}:${service}:${global ? '' : t.region}:${t.accountId}:${resource}`;
}
