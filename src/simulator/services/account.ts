/**
 * Account (REST-JSON): ListRegions with each region's opt-in status. Asking about another
 * account is allowed only to the organization's management account, for its members.
 */
import { accessDenied, type Ctx } from '../context.js';
import { paginate } from '../paginate.js';
import type { JsonInput } from '../protocols/aws-json.js';

export const account = {
  ListRegions(ctx: Ctx, input: JsonInput) {
    let target = ctx.account;
    if (typeof input.AccountId === 'string' && input.AccountId !== ctx.account.id) {
      const other = ctx.world.accounts.get(input.AccountId);
      if (!other || ctx.world.organization?.masterAccountId !== ctx.account.id || !other.inOrganization) throw accessDenied(ctx, 'account:ListRegions', input.AccountId);
      target = other;
    }
    const wanted = input.RegionOptStatusContains as string[] | undefined;
    const regions = [...target.regionStatus].filter(([, s]) => !wanted?.length || wanted.includes(s)).sort(([a], [b]) => a.localeCompare(b));
    const page = paginate(regions, input.NextToken, input.MaxResults, 50, ctx.pageSize, 'ValidationException');
    return { Regions: page.items.map(([RegionName, RegionOptStatus]) => ({ RegionName, RegionOptStatus })), NextToken: page.next };
  },
};
