/** The three time formats CloudTrail integrity validation uses, and parsing of the user's --start/--end. */
import { InputError } from '../errors.js';

const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;

/** Parses an ISO-8601 time; a time without a zone is UTC, a bare date is its midnight UTC. */
export function parseUserTime(value: string, flag: string): Date {
  const text = value.trim();
  if (!ISO_8601.test(text)) {
    throw new InputError(`${flag} ${JSON.stringify(value)}: not an ISO-8601 time (example: 2026-11-24T00:00:00Z)`);
  }
  const hasZone = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(text) && text.length > 10;
  const normalised = text.length === 10 ? `${text}T00:00:00Z` : hasZone ? text : `${text}Z`;
  const time = new Date(normalised.replace(' ', 'T'));
  if (Number.isNaN(time.getTime())) throw new InputError(`${flag} ${JSON.stringify(value)}: not a valid date`);
  return time;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `2015-08-17T15:01:31Z`: digest fields, the data signing string and the summary. */
export function displayTime(time: Date): string {
  return `${time.getUTCFullYear()}-${pad(time.getUTCMonth() + 1)}-${pad(time.getUTCDate())}T${pad(time.getUTCHours())}:${pad(time.getUTCMinutes())}:${pad(time.getUTCSeconds())}Z`;
}

/** `20150817T150131Z`: the end timestamp in a digest file name. */
export function digestKeyTime(time: Date): string {
  return displayTime(time).replace(/[-:]/g, '');
}

/** `20150817T1445Z`: the timestamp in a log file name (minutes). */
export function logKeyTime(time: Date): string {
  return digestKeyTime(time).slice(0, 13) + 'Z';
}

/** Reads `YYYYMMDDTHHmm[ss]Z` back into a Date. */
export function parseKeyTime(text: string): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})?Z$/.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m;
  return new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0)));
}

/** `YYYY/MM/DD`: the day folder of both log and digest keys. */
export function dayFolder(time: Date): string {
  return `${time.getUTCFullYear()}/${pad(time.getUTCMonth() + 1)}/${pad(time.getUTCDate())}`;
}

/** Every UTC day that [start, end] touches, as day folders, oldest first. */
export function dayFolders(start: Date, end: Date): string[] {
  const days: string[] = [];
  const day = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate()));
  for (; day.getTime() <= end.getTime(); day.setUTCDate(day.getUTCDate() + 1)) days.push(dayFolder(day));
  return days;
}

export const HOUR_MS = 3_600_000;
