/** CloudWatch Logs (AWS JSON 1.1): log groups and their metric filters, per region. */
import type { Ctx } from '../context.js';
import { SimError } from '../errors.js';
import { paginate } from '../paginate.js';
import { stringMember, type JsonInput } from '../protocols/aws-json.js';
import { EPOCH } from '../world/model.js';
import type { LogGroupSpec } from '../world/spec.js';

function groupsIn(ctx: Ctx): LogGroupSpec[] {
  return ctx.account.logGroups.filter((g) => g.Region === ctx.region).sort((a, b) => a.logGroupName.localeCompare(b.logGroupName));
}

export const logs = {
  DescribeLogGroups(ctx: Ctx, input: JsonInput) {
    const prefix = (input.logGroupNamePrefix as string | undefined) ?? '';
    const pattern = input.logGroupNamePattern as string | undefined;
    const groups = groupsIn(ctx).filter((g) => g.logGroupName.startsWith(prefix) && (!pattern || g.logGroupName.includes(pattern)));
    const page = paginate(groups, input.nextToken, input.limit, 50, ctx.pageSize, 'InvalidParameterException');
    return {
      logGroups: page.items.map((g) => {
        const arn = `arn:aws:logs:${ctx.region}:${ctx.account.id}:log-group:${g.logGroupName}`;
        return {
          logGroupName: g.logGroupName,
          creationTime: g.creationTime ?? EPOCH.getTime(),
          retentionInDays: g.retentionInDays,
          metricFilterCount: g.metricFilters?.length ?? 0,
          arn: `${arn}:*`,
          logGroupArn: arn,
          storedBytes: g.storedBytes ?? 0,
          kmsKeyId: g.kmsKeyId,
          logGroupClass: 'STANDARD',
        };
      }),
      nextToken: page.next,
    };
  },

  DescribeMetricFilters(ctx: Ctx, input: JsonInput) {
    const name = input.logGroupName as string | undefined;
    const groups = groupsIn(ctx).filter((g) => !name || g.logGroupName === name);
    if (name && groups.length === 0) throw new SimError('ResourceNotFoundException', 'The specified log group does not exist.');
    const filters = groups
      .flatMap((g) => (g.metricFilters ?? []).map((f) => ({ ...f, logGroupName: g.logGroupName, creationTime: g.creationTime ?? EPOCH.getTime() })))
      .filter(
        (f) =>
          (!input.filterNamePrefix || f.filterName.startsWith(stringMember(input.filterNamePrefix))) &&
          (!input.metricName || f.metricTransformations.some((m) => m.metricName === input.metricName)) &&
          (!input.metricNamespace || f.metricTransformations.some((m) => m.metricNamespace === input.metricNamespace)),
      );
    const page = paginate(filters, input.nextToken, input.limit, 50, ctx.pageSize, 'InvalidParameterException');
    return {
      metricFilters: page.items.map((f) => ({
        ...f,
        metricTransformations: f.metricTransformations.map((m) => ({ metricValue: '1', ...m })),
      })),
      nextToken: page.next,
    };
  },
};
