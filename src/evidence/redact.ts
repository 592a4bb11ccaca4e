/**
 * Keeping secrets out of evidence: redaction of the command line and of credential fields in
 * raw API responses, and the last-line check that refuses to write any file that still looks
 * like it holds a secret.
 *
 * Access key ids (AKIA…/ASIA…) are identifiers, not secrets: AWS writes them into every
 * CloudTrail record. They are not searched for, but flags that carry them are still redacted.
 */

import { REDACTED } from '../util/held-secrets.js';

export { REDACTED };

/** Flags whose value is a secret, or close enough (an external id, an access key id). */
const SECRET_FLAG = /^--?[\w-]*(secret|token|password|passphrase|credential|external-id|access-key)[\w-]*$/i;

/** The command line with the value of every secret-bearing flag, and any secret-looking word, replaced. */
export function redactArgv(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.indexOf('=');
    if (arg.startsWith('-') && eq > 0 && SECRET_FLAG.test(arg.slice(0, eq))) {
      out.push(`${arg.slice(0, eq)}=${REDACTED}`);
    } else if (SECRET_FLAG.test(arg) && i + 1 < argv.length) {
      out.push(arg, REDACTED);
      i++;
    } else {
      out.push(findSecrets(arg).length > 0 ? REDACTED : arg);
    }
  }
  return out;
}

/** Response fields that carry credentials (sts:AssumeRole's Credentials, Secrets Manager values). */
const SECRET_FIELD = /^(secretaccesskey|sessiontoken|secretstring|secretbinary|password)$/i;

/** A deep copy of a JSON value with every secret-bearing field's value replaced. */
export function redactSecretFields(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecretFields);
  if (value !== null && typeof value === 'object' && !(value instanceof Date) && !(value instanceof Uint8Array)) {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) out[key] = SECRET_FIELD.test(key) && v !== undefined ? REDACTED : redactSecretFields(v);
    return out;
  }
  return value;
}

const PATTERNS: Array<{ kind: string; pattern: RegExp }> = [
  { kind: 'a private key', pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----/ },
  // 40 base64 characters right after a secret-key name: the shape of an AWS secret access key.
  {
    kind: 'an AWS secret access key',
    pattern: /secret[_-]?(?:access[_-]?)?key["']?\s*[:=]\s*["']?[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/i,
  },
  { kind: 'an AWS session token', pattern: /(?:session|security)[_-]?token["']?\s*[:=]\s*["']?[A-Za-z0-9/+=]{16,}/i },
  // STS session tokens begin with a base64-encoded protobuf/JSON preamble.
  { kind: 'an AWS session token', pattern: /(?:IQoJb3JpZ2lu|FwoGZXIvYXdz|FQoGZXIvYXdz)[A-Za-z0-9/+=]{40,}/ },
];

/** The kinds of secret found in `text`: pattern matches, and any of `known` (the credentials actually in use). */
export function findSecrets(text: string, known: readonly string[] = []): string[] {
  const found = PATTERNS.filter(({ pattern }) => pattern.test(text)).map(({ kind }) => kind);
  if (known.some((secret) => secret.length >= 8 && text.includes(secret))) found.push('a credential used by this run');
  return [...new Set(found)];
}

/** Thrown when redaction missed a secret: a bug, so the CLI reports it as an internal error. */
export class SecretInOutputError extends Error {
  constructor(file: string, kinds: string[]) {
    super(`refusing to write ${file}: it contains ${kinds.join(' and ')}; nothing was exported`);
    this.name = 'SecretInOutputError';
  }
}

export function assertNoSecrets(content: string | Uint8Array, file: string, known: readonly string[] = []): void {
  const text = typeof content === 'string' ? content : Buffer.from(content).toString('latin1');
  const kinds = findSecrets(text, known);
  if (kinds.length > 0) throw new SecretInOutputError(file, kinds);
}
