/** `*` globs for ARNs (the arn_like operator and waiver resources): `*` matches any run, nothing else is special. */
export function globToRegExp(glob: string): RegExp {
  const body = glob
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}$`, 's');
}
