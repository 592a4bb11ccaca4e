/** SDK outputs hold Dates, Uint8Arrays and $metadata; the inventory is plain JSON with AWS's field names. */
export function plain<T>(value: unknown): T {
  return JSON.parse(JSON.stringify(value, (key, v: unknown) => (key === '$metadata' ? undefined : v))) as T;
}

/** Parses a policy document string (S3, KMS, SCP) — AWS returns them as JSON text. */
export function parsePolicy<T>(text: string | undefined): T | undefined {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}

/** The region of an ARN (arn:partition:service:region:account:resource). */
export function arnRegion(arn: string): string | undefined {
  return arn.split(':')[3] || undefined;
}

/** The account of an ARN. */
export function arnAccount(arn: string): string | undefined {
  return arn.split(':')[4] || undefined;
}
