/** When a waiver stops applying: a date-only `expires` lasts to the end of that day (UTC). */
export function expiryInstant(expires: string): number {
  const ms = Date.parse(expires);
  return /^\d{4}-\d{2}-\d{2}$/.test(expires) ? ms + 86_400_000 : ms;
}
