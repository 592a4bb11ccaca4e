/** Which organization accounts a sweep scans: ACTIVE ones, narrowed by --accounts, --exclude-accounts and --ou. */
import { InputError } from '../errors.js';
import type { OrgAccount, OrganizationInventory } from '../inventory/types.js';

export interface AccountFilters {
  accounts?: readonly string[];
  excludeAccounts?: readonly string[];
  /** OU ids (ou-...) or root ids (r-...): accounts anywhere below them. */
  ous?: readonly string[];
}

export interface Selection {
  scan: OrgAccount[];
  /** Accounts listed but not scanned, with why (SUSPENDED, excluded, outside the OUs). */
  skipped: Array<{ account: OrgAccount; reason: string }>;
}

export function selectAccounts(org: OrganizationInventory, filters: AccountFilters): Selection {
  const accounts = [...(org.Accounts ?? [])].sort((a, b) => a.Id.localeCompare(b.Id));
  const known = new Set(accounts.map((a) => a.Id));
  for (const id of [...(filters.accounts ?? []), ...(filters.excludeAccounts ?? [])]) {
    if (!known.has(id)) throw new InputError(`account ${id} is not in the organization`);
  }
  const underOus = filters.ous?.length ? accountsUnder(org, filters.ous) : undefined;
  const selection: Selection = { scan: [], skipped: [] };
  for (const account of accounts) {
    const reason =
      account.Status && account.Status !== 'ACTIVE'
        ? `account is ${account.Status}`
        : filters.accounts?.length && !filters.accounts.includes(account.Id)
          ? 'not in --accounts'
          : filters.excludeAccounts?.includes(account.Id)
            ? 'in --exclude-accounts'
            : underOus && !underOus.has(account.Id)
              ? 'outside --ou'
              : undefined;
    if (reason) selection.skipped.push({ account, reason });
    else selection.scan.push(account);
  }
  return selection;
}

/** Accounts whose parent chain reaches one of the given OUs (nested OUs included). */
function accountsUnder(org: OrganizationInventory, ous: readonly string[]): Set<string> {
  if (!org.AccountParents) throw new InputError('--ou needs the organization structure, which could not be read');
  const parentOf = new Map((org.OrganizationalUnits ?? []).map((ou) => [ou.Id, ou.ParentId]));
  const knownParents = new Set([...parentOf.keys(), ...(org.Roots ?? []).map((r) => r.Id)]);
  for (const ou of ous) if (!knownParents.has(ou)) throw new InputError(`--ou ${ou} is not an OU or root of the organization`);
  const wanted = new Set(ous);
  const out = new Set<string>();
  for (const [account, parent] of Object.entries(org.AccountParents)) {
    for (let p: string | undefined = parent; p; p = parentOf.get(p)) {
      if (wanted.has(p)) {
        out.add(account);
        break;
      }
    }
  }
  return out;
}
