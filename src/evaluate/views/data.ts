/** View data without the keys whose value is undefined, so an absent section is absent, not `undefined`. */
export function viewData(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) out[key] = value;
  return out;
}
