/** What a handler knows about the request it serves. */
import type { SimError } from './errors.js';
import type { Caller, IdentityStore } from './identity.js';
import type { Protocol } from './protocols/types.js';
import type { Account, World } from './world/model.js';

export interface Ctx {
  world: World;
  identity: IdentityStore;
  caller: Caller;
  /** The caller's account. */
  account: Account;
  region: string;
  service: string;
  operation: string;
  now: Date;
  pageSize?: number | undefined;
  protocol: Protocol;
}

/** The protocol's AccessDenied error, worded like IAM's. */
export function accessDenied(ctx: Ctx, action: string, resource = '*'): SimError {
  return ctx.protocol.common('accessDenied', ctx.service, `User: ${ctx.caller.arn} is not authorized to perform: ${action} on resource: ${resource}`);
}

/** A handler: input as its protocol decodes it, output as its protocol encodes it. */
export type Handler<I> = (ctx: Ctx, input: I) => unknown;
// Handlers of different protocols take different inputs; `never` lets a table hold them all.
export type Handlers = Record<string, Handler<never>>;

/** Epoch seconds, as the JSON protocols send timestamps. */
export function epoch(d: Date | string | number | undefined): number | undefined {
  if (d === undefined) return undefined;
  return new Date(d).getTime() / 1000;
}

export function iso(d: Date | string | number | undefined): string | undefined {
  return d === undefined ? undefined : new Date(d).toISOString();
}
