/**
 * The one write trailguard makes, opt-in: ASFF findings into Security Hub with
 * BatchImportFindings. With the default product a finding must be imported from the
 * account in its AwsAccountId, into the region of its ProductArn, so findings go in
 * batches of at most 100 per (account, region): the caller's own account with its own
 * credentials, any other account through a role assumed in it (`memberRole`), or refused
 * with the reason. The SDK retries throttling and server errors; a batch that still fails
 * is refused with the error, never dropped silently.
 */
import { BatchImportFindingsCommand, SecurityHubClient, type AwsSecurityFinding } from '@aws-sdk/client-securityhub';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { memberTarget, type AwsTarget, type MemberRole } from './aws-target.js';
import { ClientCache } from './clients.js';

export const IMPORT_BATCH = 100;

export interface ImportableFinding {
  Id: string;
  AwsAccountId: string;
  ProductArn: string;
}

export interface ImportOutcome {
  accountId: string;
  region: string;
  accepted: number;
  refused: Array<{ id: string; reason: string }>;
}

export async function importFindings(target: AwsTarget, findings: Iterable<ImportableFinding>, options: { memberRole?: MemberRole } = {}): Promise<ImportOutcome[]> {
  const groups = new Map<string, ImportableFinding[]>();
  for (const f of findings) {
    const key = `${f.AwsAccountId} ${f.ProductArn.split(':')[3] ?? ''}`;
    const group = groups.get(key);
    if (group) group.push(f);
    else groups.set(key, [f]);
  }
  const base = new ClientCache(target);
  try {
    const caller = await base.get(STSClient, target.globalRegion).send(new GetCallerIdentityCommand({}));
    const partition = caller.Arn?.split(':')[1] ?? 'aws';
    const outcomes: ImportOutcome[] = [];
    const caches = new Map<string, ClientCache>();
    for (const [key, group] of groups) {
      const [accountId, region] = key.split(' ') as [string, string];
      const outcome: ImportOutcome = { accountId, region, accepted: 0, refused: [] };
      outcomes.push(outcome);
      let clients = accountId === caller.Account ? base : caches.get(accountId);
      if (!clients && options.memberRole) caches.set(accountId, (clients = new ClientCache(memberTarget(target, accountId, partition, options.memberRole))));
      if (!clients) {
        const reason = `findings of account ${accountId} must be imported from that account (the credentials are account ${caller.Account ?? 'unknown'}); give --security-hub-role to assume a role in it`;
        outcome.refused.push(...group.map((f) => ({ id: f.Id, reason })));
        continue;
      }
      const client = clients.get(SecurityHubClient, region);
      for (let i = 0; i < group.length; i += IMPORT_BATCH) {
        const batch = group.slice(i, i + IMPORT_BATCH);
        try {
          const answer = await client.send(new BatchImportFindingsCommand({ Findings: batch as unknown as AwsSecurityFinding[] }));
          const failed = answer.FailedFindings ?? [];
          outcome.accepted += batch.length - failed.length;
          outcome.refused.push(...failed.map((f) => ({ id: f.Id ?? '', reason: `${f.ErrorCode ?? 'error'}: ${f.ErrorMessage ?? ''}` })));
        } catch (error) {
          const e = error as Error;
          outcome.refused.push(...batch.map((f) => ({ id: f.Id, reason: `${e.name}: ${e.message}` })));
        }
      }
    }
    for (const cache of caches.values()) cache.destroy();
    return outcomes;
  } finally {
    base.destroy();
  }
}
