/** AWS-style pagination over a precomputed list, with opaque tokens and a page size tests can shrink. */
import { SimError } from './errors.js';

export interface Page<T> {
  items: T[];
  next?: string | undefined;
}

const PREFIX = 'simpage-';

/**
 * One page of `items` starting at `token`. The page size is the smallest of what the caller
 * asked for, the service's own maximum and the simulator's configured page size.
 */
export function paginate<T>(items: T[], token: unknown, requested: unknown, serviceMax: number, simPageSize: number | undefined, badTokenCode = 'InvalidNextTokenException'): Page<T> {
  let start = 0;
  if (typeof token === 'string' && token !== '') {
    if (!token.startsWith(PREFIX)) throw new SimError(badTokenCode, `Invalid pagination token: ${token}`);
    start = Number(token.slice(PREFIX.length));
    if (!Number.isInteger(start) || start < 0 || start > items.length) throw new SimError(badTokenCode, `Invalid pagination token: ${token}`);
  }
  const asked = typeof requested === 'number' ? requested : typeof requested === 'string' && requested !== '' ? Number(requested) : undefined;
  const size = Math.max(1, Math.min(asked ?? serviceMax, serviceMax, simPageSize ?? serviceMax));
  const end = start + size;
  return { items: items.slice(start, end), next: end < items.length ? `${PREFIX}${end}` : undefined };
}
