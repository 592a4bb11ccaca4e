/** STS and the account's regions: who we are, and which regions must be covered. */
import { AccountClient, ListRegionsCommand } from '@aws-sdk/client-account';
import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { AccountInventory, RegionInfo } from '../inventory/types.js';
import { paginate, type Session } from './session.js';

export async function collectCallerIdentity(session: Session): Promise<AccountInventory['CallerIdentity']> {
  const region = session.globalRegion;
  const outcome = await session.call({ service: 'sts', operation: 'GetCallerIdentity', region }, () =>
    session.clients.get(STSClient, region).send(new GetCallerIdentityCommand({})),
  );
  if (outcome.kind !== 'ok') return undefined;
  const { Account, Arn, UserId } = outcome.value;
  return { ...(Account ? { Account } : {}), ...(Arn ? { Arn } : {}), ...(UserId ? { UserId } : {}) };
}

const ENABLED_STATUSES = new Set(['ENABLED', 'ENABLED_BY_DEFAULT', 'opt-in-not-required', 'opted-in']);

/**
 * Every region with its opt-in status: account:ListRegions first (it knows the account's own
 * opt-ins), ec2:DescribeRegions(AllRegions) when that is denied. `only` narrows what is scanned;
 * the rest stay listed as excluded so rules can tell "not scanned" from "not enabled".
 */
export async function collectRegions(session: Session, only?: readonly string[]): Promise<RegionInfo[] | undefined> {
  const region = session.globalRegion;
  const account = session.clients.get(AccountClient, region);
  const listed = await paginate(
    session,
    { service: 'account', operation: 'ListRegions', region },
    (NextToken) => account.send(new ListRegionsCommand({ NextToken })),
    (o) => o.NextToken,
    (o) => o.Regions,
  );
  let regions: Array<{ name: string; status: string }> | undefined;
  if (listed.complete) {
    regions = listed.items.map((r) => ({ name: r.RegionName ?? '', status: r.RegionOptStatus ?? '' }));
  } else {
    const described = await session.call({ service: 'ec2', operation: 'DescribeRegions', region, params: { AllRegions: true } }, () =>
      session.clients.get(EC2Client, region).send(new DescribeRegionsCommand({ AllRegions: true })),
    );
    if (described.kind !== 'ok') return undefined;
    // The fallback worked: the ListRegions denial says nothing about the account's configuration.
    session.errors.splice(session.errors.indexOf(listed.error!), 1);
    regions = (described.value.Regions ?? []).map((r) => ({ name: r.RegionName ?? '', status: r.OptInStatus ?? '' }));
  }
  return regions
    .filter((r) => r.name)
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((r) => ({
      RegionName: r.name,
      RegionOptStatus: r.status,
      Enabled: ENABLED_STATUSES.has(r.status),
      ...(only && !only.includes(r.name) ? { Excluded: true } : {}),
    }));
}
