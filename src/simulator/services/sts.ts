/**
 * STS (AWS Query). AssumeRole checks what AWS checks: the role exists in the target account,
 * its trust policy allows the caller (and the ExternalId condition, when it has one), the
 * duration is within 900 s and the role's MaxSessionDuration (1 h when chaining roles).
 * The credentials it returns land later calls in the role's account until they expire.
 */
import { accessDenied, iso, type Ctx } from '../context.js';
import { SimError } from '../errors.js';
import { policyAllows } from '../policy.js';
import type { QueryInput } from '../protocols/query.js';
import { parsePolicy } from '../world/model.js';

const ROLE_ARN = /^arn:aws:iam::(\d{12}):role\/(?:[\w+=,.@/-]*\/)?([\w+=,.@-]+)$/;

export const sts = {
  GetCallerIdentity(ctx: Ctx) {
    return { UserId: ctx.caller.userId, Account: ctx.caller.accountId, Arn: ctx.caller.arn };
  },

  AssumeRole(ctx: Ctx, input: QueryInput) {
    const roleArn = input.RoleArn ?? '';
    const sessionName = input.RoleSessionName ?? '';
    if (!/^[\w+=,.@-]{2,64}$/.test(sessionName))
      throw new SimError('ValidationError', `1 validation error detected: Value '${sessionName}' at 'roleSessionName' failed to satisfy constraint`);
    const m = ROLE_ARN.exec(roleArn);
    if (!m) throw new SimError('ValidationError', `${roleArn} is invalid`);
    const [, accountId = '', roleName = ''] = m;
    const target = ctx.world.accounts.get(accountId);
    const role = target?.roles.get(roleName);
    const trusted =
      role &&
      target?.status === 'ACTIVE' &&
      policyAllows(
        parsePolicy(role.AssumeRolePolicyDocument),
        {
          accountId: ctx.caller.accountId,
          arn: ctx.caller.arn,
          roleArn: ctx.caller.roleArn,
          externalId: input.ExternalId,
        },
        'sts:AssumeRole',
      );
    if (!trusted) throw accessDenied(ctx, 'sts:AssumeRole', roleArn);
    const duration = Number(input.DurationSeconds ?? 3600);
    const max = ctx.caller.roleArn ? 3600 : (role.MaxSessionDuration ?? 3600);
    if (!Number.isInteger(duration) || duration < 900 || duration > max) {
      throw new SimError(
        'ValidationError',
        `The requested DurationSeconds exceeds the ${ctx.caller.roleArn ? '1 hour session limit for roles assumed by role chaining' : 'MaxSessionDuration set for this role'}.`,
      );
    }
    const expiration = new Date(ctx.now.getTime() + duration * 1000);
    const session = ctx.identity.startSession(accountId, `arn:aws:iam::${accountId}:role/${roleName}`, roleName, sessionName, expiration);
    return {
      Credentials: {
        AccessKeyId: session.accessKeyId,
        SecretAccessKey: session.secretAccessKey,
        SessionToken: session.sessionToken,
        Expiration: iso(expiration),
      },
      AssumedRoleUser: { AssumedRoleId: session.caller.userId, Arn: session.caller.arn },
      PackedPolicySize: 0,
    };
  },
};
