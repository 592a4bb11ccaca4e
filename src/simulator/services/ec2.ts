/** EC2 (EC2 Query): DescribeRegions (the fallback for region discovery), DescribeVpcs and DescribeFlowLogs. */
import type { Ctx } from '../context.js';
import { SimError } from '../errors.js';
import { paginate } from '../paginate.js';
import type { QueryInput } from '../protocols/query.js';
import { hex } from '../world/model.js';
import type { FlowLogSpec, VpcSpec } from '../world/spec.js';

const OPT_IN_STATUS: Record<string, string> = { ENABLED_BY_DEFAULT: 'opt-in-not-required', ENABLED: 'opted-in', DISABLED: 'not-opted-in' };

/** `<prefix>.1`, `<prefix>.2`, ... of an EC2 Query request, in order. */
function listParam(input: QueryInput, prefix: string): string[] {
  const pattern = new RegExp(`^${prefix.replace(/\./g, '\\.')}\\.(\\d+)$`);
  return Object.keys(input)
    .map((k) => [k, pattern.exec(k)?.[1]] as const)
    .filter((e): e is readonly [string, string] => e[1] !== undefined)
    .sort((a, b) => Number(a[1]) - Number(b[1]))
    .map(([k]) => input[k]!);
}

/**
 * `Filter.N.Name` / `Filter.N.Value.M` as a predicate: every filter must match one of its values,
 * as EC2 does; a filter name the operation does not know is InvalidParameterValue.
 */
function filterBy<T>(input: QueryInput, fields: Record<string, (item: T) => string | undefined>): (item: T) => boolean {
  const tests = Object.keys(input)
    .filter((k) => /^Filter\.\d+\.Name$/.test(k))
    .map((k) => {
      const name = input[k]!;
      const field = fields[name];
      if (!field) throw new SimError('InvalidParameterValue', `The filter '${name}' is invalid`);
      const values = listParam(input, `${k.slice(0, -'.Name'.length)}.Value`);
      return (item: T) => values.includes(field(item) ?? '');
    });
  return (item) => tests.every((t) => t(item));
}

function page<T>(ctx: Ctx, input: QueryInput, items: T[]) {
  return paginate(items, input.NextToken, input.MaxResults, 1000, ctx.pageSize, 'InvalidPaginationToken');
}

/** An empty EC2 list is an empty element, as AWS sends it. */
const itemSet = <T>(items: T[]) => (items.length ? { item: items } : '');

const vpcsIn = (ctx: Ctx): VpcSpec[] => (ctx.account.spec.vpcs ?? []).filter((v) => v.Region === ctx.region).sort((a, b) => a.VpcId.localeCompare(b.VpcId));

function flowLogsIn(ctx: Ctx): Array<FlowLogSpec & { FlowLogId: string; ResourceId: string }> {
  return vpcsIn(ctx)
    .flatMap((vpc) => (vpc.FlowLogs ?? []).map((f, i) => ({ ...f, FlowLogId: f.FlowLogId ?? `fl-${hex(`${vpc.VpcId}/${i}`).slice(0, 17)}`, ResourceId: vpc.VpcId })))
    .sort((a, b) => a.FlowLogId.localeCompare(b.FlowLogId));
}

export const ec2 = {
  DescribeRegions(ctx: Ctx, input: QueryInput) {
    const all = input.AllRegions === 'true';
    const names = Object.entries(input)
      .filter(([k]) => k.startsWith('RegionName.'))
      .map(([, v]) => v);
    const regions = [...ctx.account.regionStatus]
      .filter(([name, status]) => (all || status !== 'DISABLED') && (!names.length || names.includes(name)))
      .sort(([a], [b]) => a.localeCompare(b));
    return {
      regionInfo: {
        item: regions.map(([regionName, status]) => ({ regionName, regionEndpoint: `ec2.${regionName}.amazonaws.com`, optInStatus: OPT_IN_STATUS[status] })),
      },
    };
  },

  DescribeVpcs(ctx: Ctx, input: QueryInput) {
    const ids = listParam(input, 'VpcId');
    const owner = (v: VpcSpec) => v.OwnerId ?? ctx.account.id;
    const matches = filterBy<VpcSpec>(input, { 'vpc-id': (v) => v.VpcId, 'owner-id': owner, 'is-default': (v) => String(v.IsDefault ?? false), state: (v) => v.State ?? 'available' });
    const vpcs = vpcsIn(ctx).filter((v) => (!ids.length || ids.includes(v.VpcId)) && matches(v));
    const missing = ids.find((id) => !vpcs.some((v) => v.VpcId === id));
    if (missing) throw new SimError('InvalidVpcID.NotFound', `The vpc ID '${missing}' does not exist`);
    const p = page(ctx, input, vpcs);
    return {
      vpcSet: itemSet(
        p.items.map((v) => ({
          vpcId: v.VpcId,
          ownerId: owner(v),
          state: v.State ?? 'available',
          cidrBlock: v.CidrBlock ?? '10.0.0.0/16',
          dhcpOptionsId: `dopt-${hex(`${ctx.account.id}/${ctx.region}`).slice(0, 17)}`,
          instanceTenancy: 'default',
          isDefault: v.IsDefault ?? false,
          ...(v.Tags?.length ? { tagSet: { item: v.Tags.map((t) => ({ key: t.Key, value: t.Value ?? '' })) } } : {}),
        })),
      ),
      ...(p.next ? { nextToken: p.next } : {}),
    };
  },

  DescribeFlowLogs(ctx: Ctx, input: QueryInput) {
    const ids = listParam(input, 'FlowLogId');
    type Entry = ReturnType<typeof flowLogsIn>[number];
    const matches = filterBy<Entry>(input, {
      'resource-id': (f) => f.ResourceId,
      'flow-log-id': (f) => f.FlowLogId,
      'traffic-type': (f) => f.TrafficType,
      'log-destination-type': (f) => f.LogDestinationType ?? 'cloud-watch-logs',
      'deliver-log-status': (f) => f.DeliverLogsStatus ?? 'SUCCESS',
      'log-group-name': (f) => f.LogGroupName,
    });
    const p = page(
      ctx,
      input,
      flowLogsIn(ctx).filter((f) => (!ids.length || ids.includes(f.FlowLogId)) && matches(f)),
    );
    return {
      flowLogSet: itemSet(
        p.items.map((f) => {
          const type = f.LogDestinationType ?? 'cloud-watch-logs';
          const group = f.LogGroupName ?? (type === 'cloud-watch-logs' ? `vpc-flow-logs/${f.ResourceId}` : undefined);
          return {
            flowLogId: f.FlowLogId,
            creationTime: new Date(f.CreationTime ?? '2024-01-01T00:00:00Z').toISOString(),
            deliverLogsStatus: f.DeliverLogsStatus ?? 'SUCCESS',
            ...(f.DeliverLogsErrorMessage ? { deliverLogsErrorMessage: f.DeliverLogsErrorMessage } : {}),
            flowLogStatus: f.FlowLogStatus ?? 'ACTIVE',
            resourceId: f.ResourceId,
            trafficType: f.TrafficType,
            logDestinationType: type,
            logDestination: f.LogDestination ?? `arn:aws:logs:${ctx.region}:${ctx.account.id}:log-group:${group}`,
            ...(group ? { logGroupName: group } : {}),
            maxAggregationInterval: f.MaxAggregationInterval ?? 600,
            logFormat: '${version} ${account-id} ${interface-id} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} ${packets} ${bytes} ${start} ${end} ${action} ${log-status}',
          };
        }),
      ),
      ...(p.next ? { nextToken: p.next } : {}),
    };
  },
};
