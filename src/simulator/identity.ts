/**
 * Who is calling: deterministic long-term credentials per world account, and the temporary
 * credentials sts:AssumeRole hands out (bound to the role's account until they expire).
 */
import { createHmac } from 'node:crypto';
import { SimError } from './errors.js';

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface Caller {
  accountId: string;
  /** arn:aws:iam::<acct>:user/<name> or arn:aws:sts::<acct>:assumed-role/<role>/<session>. */
  arn: string;
  userId: string;
  accessKeyId: string;
  roleArn?: string;
  expiration?: Date;
}

/** The IAM user every account's long-term simulator credentials belong to. */
export const SIM_USER = 'trailguard-sim';

export class IdentityStore {
  private readonly longTerm = new Map<string, Caller>();
  private readonly sessions = new Map<string, Caller>();
  private sessionCount = 0;

  constructor(
    private readonly seed: number,
    accountIds: Iterable<string>,
  ) {
    for (const id of accountIds) {
      const { accessKeyId } = this.credentialsFor(id);
      this.longTerm.set(accessKeyId, {
        accountId: id,
        arn: `arn:aws:iam::${id}:user/${SIM_USER}`,
        userId: `AIDA${this.digest(`user/${id}`).slice(0, 17).toUpperCase()}`,
        accessKeyId,
      });
    }
  }

  /** An account's long-term credentials: the same for the same account and seed, always. */
  credentialsFor(accountId: string): Credentials {
    return {
      accessKeyId: `AKIASIM${accountId}X`,
      secretAccessKey: `SIMSECRET${this.digest(`secret/${accountId}`).slice(0, 31)}`,
    };
  }

  /** The caller behind an access key id, or the error AWS gives for it (unknown or expired). */
  resolve(accessKeyId: string, now: number, refuse: (why: 'invalidToken' | 'expiredToken') => SimError): Caller {
    const caller = this.longTerm.get(accessKeyId) ?? this.sessions.get(accessKeyId);
    if (!caller) throw refuse('invalidToken');
    if (caller.expiration && caller.expiration.getTime() <= now) throw refuse('expiredToken');
    return caller;
  }

  startSession(accountId: string, roleArn: string, roleName: string, sessionName: string, expiration: Date): Credentials & { caller: Caller } {
    const n = ++this.sessionCount;
    const accessKeyId = `ASIASIM${String(n).padStart(13, '0')}`;
    const caller: Caller = {
      accountId,
      arn: `arn:aws:sts::${accountId}:assumed-role/${roleName}/${sessionName}`,
      userId: `AROA${this.digest(`role/${roleArn}`).slice(0, 17).toUpperCase()}:${sessionName}`,
      accessKeyId,
      roleArn,
      expiration,
    };
    this.sessions.set(accessKeyId, caller);
    return {
      accessKeyId,
      secretAccessKey: `SIMSECRET${this.digest(`session/${n}`).slice(0, 31)}`,
      sessionToken: `SIMSESSIONTOKEN${this.digest(`token/${n}`)}`,
      caller,
    };
  }

  private digest(text: string): string {
    return createHmac('sha256', `trailguard-sim-${this.seed}`).update(text).digest('hex');
  }
}
