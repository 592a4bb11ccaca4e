/**
 * Values read from a plan or template, before they become inventory fields. Besides plain JSON,
 * a value can be a reference to another resource of the same configuration (joined by identity,
 * never by spelling), a string built from parts, or unknown (known only after apply).
 */

/** A value that exists only once the change is applied (a Terraform "known after apply", an unresolvable intrinsic). */
export class Unknown {
  constructor(readonly why: string) {}
}

/** An attribute of another resource of the same configuration (`aws_kms_key.trail.arn`, `!GetAtt Key.Arn`, `!Ref Bucket`). */
export class Reference {
  constructor(
    readonly target: string,
    /** Terraform attribute name (arn, id, name), or CloudFormation `Ref` / GetAtt attribute. */
    readonly attribute: string,
  ) {}
}

/** A string made of parts (`!Sub`, `!Join`, Terraform interpolation of one reference). */
export class Concat {
  constructor(readonly parts: unknown[]) {}
}

/** The identities of the configuration's resources: address → attribute → value (a placeholder when only known after apply). */
export type Identities = Map<string, Record<string, string>>;

/** Replaces references and parts by their values; what cannot be resolved becomes Unknown. */
export function resolve(value: unknown, ids: Identities): unknown {
  if (value instanceof Unknown) return value;
  if (value instanceof Reference) {
    const target = ids.get(value.target);
    if (!target) return new Unknown(`${value.target} is not in this configuration`);
    const resolved = target[value.attribute];
    return resolved === undefined ? new Unknown(`${value.target}.${value.attribute} is known only after apply`) : resolved;
  }
  if (value instanceof Concat) {
    const parts = value.parts.map((p) => resolve(p, ids));
    const unknown = parts.find((p) => p instanceof Unknown);
    if (unknown) return unknown;
    return parts.map((p) => (typeof p === 'string' ? p : JSON.stringify(p))).join('');
  }
  if (Array.isArray(value)) return value.map((v) => resolve(v, ids));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v, ids)]));
  }
  return value;
}

/** The first Unknown anywhere inside a resolved value. */
export function findUnknown(value: unknown): Unknown | undefined {
  if (value instanceof Unknown) return value;
  if (Array.isArray(value)) {
    for (const v of value) {
      const u = findUnknown(v);
      if (u) return u;
    }
  } else if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) {
      const u = findUnknown(v);
      if (u) return u;
    }
  }
  return undefined;
}
