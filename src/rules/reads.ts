/**
 * The view paths a condition reads, known at load time: what a rule needs collected.
 * Inside a quantifier or count, paths are relative to the array's elements and are
 * reported under `<array path>[].`.
 */
export function conditionReads(raw: unknown, prefix = ''): string[] {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return [];
  const node = raw as Record<string, unknown>;
  const out: string[] = [];
  if (Array.isArray(node.all)) for (const c of node.all) out.push(...conditionReads(c, prefix));
  if (Array.isArray(node.any)) for (const c of node.any) out.push(...conditionReads(c, prefix));
  if (node.not !== undefined) out.push(...conditionReads(node.not, prefix));
  const path = typeof node.path === 'string' ? node.path : undefined;
  const element = path !== undefined ? `${prefix}${path}[].` : prefix;
  for (const key of ['some', 'every', 'none', 'where'] as const) if (node[key] !== undefined) out.push(...conditionReads(node[key], element));
  if (path !== undefined) out.push(`${prefix}${path}`);
  if (typeof node.query === 'string') out.push(`${prefix}${queryRoot(node.query)}`);
  const value = node.value as { path?: unknown } | undefined;
  if (value && typeof value === 'object' && typeof value.path === 'string') out.push(`${prefix}${value.path}`);
  return [...new Set(out)].sort();
}

/** The dotted field path a JMESPath expression starts from (`derived.s3DataEvents.buckets[?...]` → `derived.s3DataEvents.buckets`). */
function queryRoot(query: string): string {
  return /^\s*([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)/.exec(query)?.[1] ?? '';
}
