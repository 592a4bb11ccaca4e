/**
 * AWS Security Hub (REST-JSON): DescribeHub, and BatchImportFindings, the one write
 * trailguard makes (opt-in `--security-hub`). A region where the account has not enabled
 * Security Hub answers InvalidAccessException "not subscribed" (HTTP 401), as AWS does.
 * Imports are kept apart from the refused mutations: `importsOf(world)` lists each call.
 */
import type { Ctx } from '../context.js';
import { SimError } from '../errors.js';
import { stringMember, type JsonInput } from '../protocols/aws-json.js';
import type { World } from '../world/model.js';

export interface SecurityHubImport {
  account: string;
  region: string;
  /** Finding ids accepted, in the order sent. */
  accepted: string[];
  refused: Array<{ Id: string; ErrorCode: string; ErrorMessage: string }>;
}

const imports = new WeakMap<World, SecurityHubImport[]>();

/** Every BatchImportFindings call the world has served. */
export function importsOf(world: World): SecurityHubImport[] {
  let list = imports.get(world);
  if (!list) imports.set(world, (list = []));
  return list;
}

export const securityhub = {
  /**
   * At most 100 findings a call; with the default product, each finding's AwsAccountId must be
   * the caller's account and its ProductArn the caller's default product in this region.
   */
  BatchImportFindings(ctx: Ctx, input: JsonInput) {
    if (!(ctx.account.spec.securityHub ?? []).some((h) => h.Region === ctx.region)) {
      throw new SimError('InvalidAccessException', `Account ${ctx.account.id} is not subscribed to AWS Security Hub`, 401);
    }
    const findings = Array.isArray(input.Findings) ? (input.Findings as Array<Record<string, unknown>>) : [];
    if (findings.length === 0 || findings.length > 100) throw new SimError('InvalidInputException', `Findings must hold 1 to 100 findings (got ${findings.length})`, 400);
    const product = `arn:aws:securityhub:${ctx.region}:${ctx.account.id}:product/${ctx.account.id}/default`;
    const call: SecurityHubImport = { account: ctx.account.id, region: ctx.region, accepted: [], refused: [] };
    for (const f of findings) {
      const id = stringMember(f.Id);
      const why =
        f.AwsAccountId !== ctx.account.id
          ? `AwsAccountId ${String(f.AwsAccountId)} is not the calling account ${ctx.account.id}`
          : f.ProductArn !== product
            ? `ProductArn ${String(f.ProductArn)} is not ${product}`
            : !id || typeof f.SchemaVersion !== 'string'
              ? 'Id and SchemaVersion are required'
              : undefined;
      if (why) call.refused.push({ Id: id, ErrorCode: 'InvalidInput', ErrorMessage: why });
      else call.accepted.push(id);
    }
    importsOf(ctx.world).push(call);
    return { SuccessCount: call.accepted.length, FailedCount: call.refused.length, FailedFindings: call.refused };
  },

  DescribeHub(ctx: Ctx, input: JsonInput) {
    const hub = (ctx.account.spec.securityHub ?? []).find((h) => h.Region === ctx.region);
    if (!hub) throw new SimError('InvalidAccessException', `Account ${ctx.account.id} is not subscribed to AWS Security Hub`, 401);
    const HubArn = `arn:aws:securityhub:${ctx.region}:${ctx.account.id}:hub/default`;
    if (typeof input.HubArn === 'string' && input.HubArn !== HubArn) throw new SimError('ResourceNotFoundException', `Hub ${input.HubArn} not found`, 404);
    return {
      HubArn,
      SubscribedAt: new Date(hub.SubscribedAt ?? '2024-01-01T00:00:00Z').toISOString(),
      AutoEnableControls: hub.AutoEnableControls ?? true,
      ControlFindingGenerator: hub.ControlFindingGenerator ?? 'SECURITY_CONTROL',
    };
  },
};
