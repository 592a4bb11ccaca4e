/**
 * Every credential value this process has held: its own and each assumed role's access key id,
 * secret access key and session token, recorded as the SDK resolves them. An endpoint that
 * echoes a request's session token or Authorization header in an error message must not get
 * it stored: error messages pass through `redactHeld` before they are recorded, and the run
 * folder is checked against `heldSecrets()` once written.
 */
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@aws-sdk/types';

export const REDACTED = '[REDACTED]';

const keyIds = new Set<string>();
const secrets = new Set<string>();
// A value this short would redact ordinary words; no AWS credential is.
const MIN_LENGTH = 8;

/** Remembers the values of one set of credentials. */
export function holdCredentials(credentials: Partial<AwsCredentialIdentity>): void {
  if (credentials.accessKeyId && credentials.accessKeyId.length >= MIN_LENGTH) keyIds.add(credentials.accessKeyId);
  for (const value of [credentials.secretAccessKey, credentials.sessionToken]) if (value && value.length >= MIN_LENGTH) secrets.add(value);
}

/** The same credentials, remembered when they are resolved (or at once, for a static set). */
export function holding<C extends AwsCredentialIdentity | AwsCredentialIdentityProvider>(credentials: C): C {
  // Narrowed as the union: narrowing the type parameter itself leaves `C & Function`.
  const given: AwsCredentialIdentity | AwsCredentialIdentityProvider = credentials;
  if (typeof given !== 'function') {
    holdCredentials(given);
    return credentials;
  }
  const held: AwsCredentialIdentityProvider = async (options) => {
    const identity = await given(options);
    holdCredentials(identity);
    return identity;
  };
  return held as C;
}

/** Secret access keys and session tokens held so far (key ids are identifiers: CloudTrail records carry them). */
export function heldSecrets(): string[] {
  return [...secrets];
}

/** `text` with every held credential value, key ids included, replaced by [REDACTED]. */
export function redactHeld(text: string): string {
  let out = text;
  for (const value of [...secrets, ...keyIds]) if (out.includes(value)) out = out.replaceAll(value, REDACTED);
  return out;
}
