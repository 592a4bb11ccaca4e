/** CloudWatch (AWS JSON 1.0, GraniteServiceVersion20100801): metric alarms per region. */
import { epoch, type Ctx } from '../context.js';
import { paginate } from '../paginate.js';
import type { JsonInput } from '../protocols/aws-json.js';
import { EPOCH } from '../world/model.js';
import type { AlarmSpec } from '../world/spec.js';

function alarm(ctx: Ctx, a: AlarmSpec) {
  return {
    AlarmName: a.AlarmName,
    AlarmArn: `arn:aws:cloudwatch:${ctx.region}:${ctx.account.id}:alarm:${a.AlarmName}`,
    AlarmDescription: a.AlarmDescription,
    AlarmConfigurationUpdatedTimestamp: epoch(EPOCH),
    ActionsEnabled: a.ActionsEnabled ?? true,
    OKActions: a.OKActions ?? [],
    AlarmActions: a.AlarmActions ?? [],
    InsufficientDataActions: a.InsufficientDataActions ?? [],
    StateValue: a.StateValue ?? 'OK',
    StateReason: 'Threshold Crossed: no datapoints were received for 1 period.',
    StateUpdatedTimestamp: epoch(EPOCH),
    MetricName: a.MetricName,
    Namespace: a.Namespace,
    Statistic: a.Statistic ?? 'Sum',
    Dimensions: a.Dimensions ?? [],
    Period: a.Period ?? 300,
    EvaluationPeriods: a.EvaluationPeriods ?? 1,
    Threshold: a.Threshold ?? 1,
    ComparisonOperator: a.ComparisonOperator ?? 'GreaterThanOrEqualToThreshold',
    TreatMissingData: a.TreatMissingData,
  };
}

function alarmsIn(ctx: Ctx): AlarmSpec[] {
  return ctx.account.alarms.filter((a) => a.Region === ctx.region).sort((a, b) => a.AlarmName.localeCompare(b.AlarmName));
}

export const cloudwatch = {
  DescribeAlarms(ctx: Ctx, input: JsonInput) {
    const types = (input.AlarmTypes as string[] | undefined) ?? ['MetricAlarm'];
    const names = input.AlarmNames as string[] | undefined;
    const prefix = (input.AlarmNamePrefix as string | undefined) ?? '';
    const actionPrefix = input.ActionPrefix as string | undefined;
    const selected = types.includes('MetricAlarm')
      ? alarmsIn(ctx).filter(
          (a) =>
            (!names?.length || names.includes(a.AlarmName)) &&
            a.AlarmName.startsWith(prefix) &&
            (!input.StateValue || (a.StateValue ?? 'OK') === input.StateValue) &&
            (!actionPrefix || (a.AlarmActions ?? []).some((x) => x.startsWith(actionPrefix))),
        )
      : [];
    const page = paginate(selected, input.NextToken, input.MaxRecords, 100, ctx.pageSize, 'InvalidNextToken');
    return { MetricAlarms: page.items.map((a) => alarm(ctx, a)), CompositeAlarms: [], NextToken: page.next };
  },

  DescribeAlarmsForMetric(ctx: Ctx, input: JsonInput) {
    const dims = input.Dimensions as Array<{ Name: string; Value: string }> | undefined;
    const matching = alarmsIn(ctx).filter(
      (a) =>
        a.MetricName === input.MetricName &&
        a.Namespace === input.Namespace &&
        (!input.Statistic || (a.Statistic ?? 'Sum') === input.Statistic) &&
        (!dims || JSON.stringify(a.Dimensions ?? []) === JSON.stringify(dims)),
    );
    return { MetricAlarms: matching.map((a) => alarm(ctx, a)) };
  },
};
