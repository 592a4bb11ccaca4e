/** EventBridge (AWS JSON 1.1): rules and their targets, per region and event bus. */
import type { Ctx } from '../context.js';
import { SimError } from '../errors.js';
import { paginate } from '../paginate.js';
import type { JsonInput } from '../protocols/aws-json.js';
import type { EventRuleSpec } from '../world/spec.js';

function bus(input: JsonInput): string {
  const b = (input.EventBusName as string | undefined) ?? 'default';
  return b.startsWith('arn:') ? (b.split('/').pop() ?? b) : b;
}

function rulesOn(ctx: Ctx, busName: string): EventRuleSpec[] {
  return ctx.account.eventRules.filter((r) => r.Region === ctx.region && (r.EventBusName ?? 'default') === busName).sort((a, b) => a.Name.localeCompare(b.Name));
}

function describe(ctx: Ctx, r: EventRuleSpec) {
  const busName = r.EventBusName ?? 'default';
  return {
    Name: r.Name,
    Arn: `arn:aws:events:${ctx.region}:${ctx.account.id}:rule/${busName === 'default' ? '' : `${busName}/`}${r.Name}`,
    EventPattern: r.EventPattern === undefined ? undefined : typeof r.EventPattern === 'string' ? r.EventPattern : JSON.stringify(r.EventPattern),
    ScheduleExpression: r.ScheduleExpression,
    State: r.State ?? 'ENABLED',
    Description: r.Description,
    EventBusName: busName,
  };
}

function findRule(ctx: Ctx, input: JsonInput, field: string): EventRuleSpec {
  const busName = bus(input);
  const rule = rulesOn(ctx, busName).find((r) => r.Name === input[field]);
  if (!rule) throw new SimError('ResourceNotFoundException', `Rule ${String(input[field])} does not exist on EventBus ${busName}.`);
  return rule;
}

export const eventbridge = {
  ListRules(ctx: Ctx, input: JsonInput) {
    const prefix = (input.NamePrefix as string | undefined) ?? '';
    const page = paginate(
      rulesOn(ctx, bus(input)).filter((r) => r.Name.startsWith(prefix)),
      input.NextToken,
      input.Limit,
      100,
      ctx.pageSize,
      'ValidationException',
    );
    return { Rules: page.items.map((r) => describe(ctx, r)), NextToken: page.next };
  },

  DescribeRule(ctx: Ctx, input: JsonInput) {
    return { ...describe(ctx, findRule(ctx, input, 'Name')), CreatedBy: ctx.account.id };
  },

  ListTargetsByRule(ctx: Ctx, input: JsonInput) {
    const rule = findRule(ctx, input, 'Rule');
    const page = paginate(rule.Targets ?? [], input.NextToken, input.Limit, 100, ctx.pageSize, 'ValidationException');
    return { Targets: page.items, NextToken: page.next };
  },
};
