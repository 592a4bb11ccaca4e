/** `D` with `undefined` accepted for its optional keys: what a builder passes to viewData. */
export type MaybeFields<D> = { [K in keyof D]: undefined extends D[K] ? D[K] | undefined : D[K] };

/**
 * View data without the keys whose value is undefined, so an absent section is absent, not
 * `undefined`. `D` is the view's data type (view-data.generated.ts): a key the catalogue does not
 * declare, or a value of another type, does not compile.
 */
export function viewData<D extends object>(fields: NoInfer<MaybeFields<D>>): D {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) out[key] = value;
  return out as D;
}
