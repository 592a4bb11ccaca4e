/**
 * AWS Security Hub (REST-JSON): DescribeHub. A region where the account has not enabled
 * Security Hub answers InvalidAccessException "not subscribed" (HTTP 401), as AWS does.
 */
import type { Ctx } from '../context.js';
import { SimError } from '../errors.js';
import type { JsonInput } from '../protocols/aws-json.js';

export const securityhub = {
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
