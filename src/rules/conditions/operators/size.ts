/** Size of a string, array or object, shared by `empty` and `not_empty`. */
export function sizeOf(value: unknown): number {
  if (typeof value === 'string' || Array.isArray(value)) return value.length;
  return Object.keys(value as object).length;
}
