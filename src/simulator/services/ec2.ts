/** EC2 (EC2 Query): DescribeRegions, the fallback for region discovery. */
import type { Ctx } from '../context.js';
import type { QueryInput } from '../protocols/query.js';

const OPT_IN_STATUS: Record<string, string> = { ENABLED_BY_DEFAULT: 'opt-in-not-required', ENABLED: 'opted-in', DISABLED: 'not-opted-in' };

export const ec2 = {
  DescribeRegions(ctx: Ctx, input: QueryInput) {
    const all = input.AllRegions === 'true';
    const names = Object.entries(input).filter(([k]) => k.startsWith('RegionName.')).map(([, v]) => v);
    const regions = [...ctx.account.regionStatus]
      .filter(([name, status]) => (all || status !== 'DISABLED') && (!names.length || names.includes(name)))
      .sort(([a], [b]) => a.localeCompare(b));
    return {
      regionInfo: {
        item: regions.map(([regionName, status]) => ({ regionName, regionEndpoint: `ec2.${regionName}.amazonaws.com`, optInStatus: OPT_IN_STATUS[status] })),
      },
    };
  },
};
