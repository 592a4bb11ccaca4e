/**
 * KMS (AWS JSON 1.1). Keys are regional. A key of another account is reachable by key or
 * alias ARN when its key policy allows the caller's account, and only for the operations
 * AWS allows across accounts (DescribeKey, GetKeyRotationStatus, Sign, Verify, GetPublicKey);
 * GetKeyPolicy and ListResourceTags stay with the owner account, as in AWS.
 */
import { constants, privateEncrypt, publicDecrypt, sign, verify, type KeyObject } from 'node:crypto';
import { accessDenied, epoch, type Ctx } from '../context.js';
import { SimError } from '../errors.js';
import { paginate } from '../paginate.js';
import { policyAllows } from '../policy.js';
import { stringMember, type JsonInput } from '../protocols/aws-json.js';
import { keyPairFor, SIGNING_ALGORITHMS } from '../world/key-material.js';
import { EPOCH, type Key } from '../world/model.js';

const CROSS_ACCOUNT = new Set(['DescribeKey', 'GetKeyRotationStatus', 'Sign', 'Verify', 'GetPublicKey']);

function findKey(ctx: Ctx, keyId: unknown): Key {
  const id = stringMember(keyId);
  const notFound = () => new SimError('NotFoundException', `Key '${id}' does not exist`);
  if (id.startsWith('arn:')) {
    const [, , , region, accountId] = id.split(':');
    if (region !== ctx.region) throw notFound();
    const key = ctx.world.accounts.get(accountId ?? '')?.keyIndex.get(id);
    if (!key) throw notFound();
    if (key.accountId !== ctx.account.id) {
      const action = `kms:${ctx.operation}`;
      if (!CROSS_ACCOUNT.has(ctx.operation) || !policyAllows(key.policy, { accountId: ctx.account.id, arn: ctx.caller.arn, roleArn: ctx.caller.roleArn }, action)) {
        throw accessDenied(ctx, action, key.arn);
      }
    }
    return key;
  }
  const key = ctx.account.keyIndex.get(id.startsWith('alias/') ? `${ctx.region}|${id}` : id);
  if (!key || key.region !== ctx.region) throw notFound();
  return key;
}

function keySpec(k: Key): string {
  return k.spec.KeySpec ?? 'SYMMETRIC_DEFAULT';
}

function metadata(k: Key): Record<string, unknown> {
  const s = k.spec;
  const spec = keySpec(k);
  const usage = s.KeyUsage ?? 'ENCRYPT_DECRYPT';
  const state = s.KeyState ?? 'Enabled';
  return {
    AWSAccountId: k.accountId,
    KeyId: k.keyId,
    Arn: k.arn,
    CreationDate: epoch(s.CreationDate ?? EPOCH),
    Enabled: state === 'Enabled',
    Description: s.Description ?? '',
    KeyUsage: usage,
    KeyState: state,
    DeletionDate: epoch(s.DeletionDate),
    Origin: s.Origin ?? 'AWS_KMS',
    KeyManager: s.KeyManager ?? 'CUSTOMER',
    CustomerMasterKeySpec: spec,
    KeySpec: spec,
    EncryptionAlgorithms: usage === 'ENCRYPT_DECRYPT' ? (spec === 'SYMMETRIC_DEFAULT' ? ['SYMMETRIC_DEFAULT'] : ['RSAES_OAEP_SHA_1', 'RSAES_OAEP_SHA_256']) : undefined,
    SigningAlgorithms: usage === 'SIGN_VERIFY' ? SIGNING_ALGORITHMS[spec] : undefined,
    MultiRegion: s.MultiRegion ?? false,
  };
}

function signingKey(ctx: Ctx, input: JsonInput): { key: Key; algorithm: string; message: Buffer; digest: boolean } {
  const key = findKey(ctx, input.KeyId);
  if ((key.spec.KeyState ?? 'Enabled') !== 'Enabled') throw new SimError('DisabledException', `${key.arn} is disabled.`);
  const algorithm = stringMember(input.SigningAlgorithm);
  if (key.spec.KeyUsage !== 'SIGN_VERIFY' || !SIGNING_ALGORITHMS[keySpec(key)]?.includes(algorithm)) {
    throw new SimError('InvalidKeyUsageException', `You cannot perform this operation on a ${keySpec(key)} key with key usage ${key.spec.KeyUsage ?? 'ENCRYPT_DECRYPT'} using ${algorithm}.`);
  }
  const message = Buffer.from(stringMember(input.Message), 'base64');
  const digest = input.MessageType === 'DIGEST';
  if (!digest && message.length > 4096) throw new SimError('ValidationException', 'Message must be at most 4096 bytes; send a DIGEST instead.');
  if (digest && !algorithm.startsWith('RSASSA_PKCS1'))
    throw new SimError('ValidationException', `The simulator signs DIGEST messages only with RSASSA_PKCS1_V1_5 algorithms, not ${algorithm}.`);
  return { key, algorithm, message, digest };
}

/** DER DigestInfo prefixes (RFC 8017 §9.2) for signing a precomputed digest with PKCS#1 v1.5. */
const DIGEST_INFO: Record<string, string> = {
  sha256: '3031300d060960864801650304020105000420',
  sha384: '3041300d060960864801650304020205000430',
  sha512: '3051300d060960864801650304020305000440',
};

function hashOf(algorithm: string): string {
  return `sha${/(\d{3})$/.exec(algorithm)?.[1] ?? '256'}`;
}

function keyOptions(algorithm: string, key: KeyObject) {
  if (algorithm.startsWith('ECDSA')) return { key, dsaEncoding: 'der' as const };
  if (algorithm.startsWith('RSASSA_PSS')) return { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST };
  return { key, padding: constants.RSA_PKCS1_PADDING };
}

export const kms = {
  ListKeys(ctx: Ctx, input: JsonInput) {
    const keys = ctx.account.keys.filter((k) => k.region === ctx.region);
    const page = paginate(keys, input.Marker, input.Limit, 1000, ctx.pageSize, 'InvalidMarkerException');
    return { Keys: page.items.map((k) => ({ KeyId: k.keyId, KeyArn: k.arn })), NextMarker: page.next, Truncated: page.next !== undefined };
  },

  ListAliases(ctx: Ctx, input: JsonInput) {
    let aliases = ctx.account.aliases.filter((a) => a.key.region === ctx.region);
    if (input.KeyId !== undefined) {
      const key = findKey(ctx, input.KeyId);
      aliases = aliases.filter((a) => a.key === key);
    }
    const page = paginate(aliases, input.Marker, input.Limit, 100, ctx.pageSize, 'InvalidMarkerException');
    return {
      Aliases: page.items.map((a) => ({
        AliasName: a.name,
        AliasArn: `arn:aws:kms:${ctx.region}:${ctx.account.id}:${a.name}`,
        TargetKeyId: a.key.keyId,
        CreationDate: epoch(a.key.spec.CreationDate ?? EPOCH),
      })),
      NextMarker: page.next,
      Truncated: page.next !== undefined,
    };
  },

  DescribeKey(ctx: Ctx, input: JsonInput) {
    return { KeyMetadata: metadata(findKey(ctx, input.KeyId)) };
  },

  GetKeyRotationStatus(ctx: Ctx, input: JsonInput) {
    const key = findKey(ctx, input.KeyId);
    if (keySpec(key) !== 'SYMMETRIC_DEFAULT') throw new SimError('UnsupportedOperationException', `${key.arn} key spec ${keySpec(key)} does not support automatic rotation.`);
    const enabled = key.spec.KeyRotationEnabled ?? key.spec.KeyManager === 'AWS';
    return {
      KeyRotationEnabled: enabled,
      KeyId: key.arn,
      RotationPeriodInDays: enabled ? (key.spec.RotationPeriodInDays ?? 365) : undefined,
    };
  },

  GetKeyPolicy(ctx: Ctx, input: JsonInput) {
    const key = findKey(ctx, input.KeyId);
    if (key.accountId !== ctx.account.id) throw accessDenied(ctx, 'kms:GetKeyPolicy', key.arn);
    return { Policy: key.policyText, PolicyName: 'default' };
  },

  ListResourceTags(ctx: Ctx, input: JsonInput) {
    const key = findKey(ctx, input.KeyId);
    if (key.accountId !== ctx.account.id) throw accessDenied(ctx, 'kms:ListResourceTags', key.arn);
    const page = paginate(key.spec.Tags ?? [], input.Marker, input.Limit, 50, ctx.pageSize, 'InvalidMarkerException');
    return { Tags: page.items, NextMarker: page.next, Truncated: page.next !== undefined };
  },

  GetPublicKey(ctx: Ctx, input: JsonInput) {
    const key = findKey(ctx, input.KeyId);
    if (keySpec(key) === 'SYMMETRIC_DEFAULT') throw new SimError('UnsupportedOperationException', `${key.arn} is a symmetric key and has no public key.`);
    const der = keyPairFor(keySpec(key), key.arn, ctx.world.seed).publicKey.export({ type: 'spki', format: 'der' });
    return {
      KeyId: key.arn,
      PublicKey: der.toString('base64'),
      CustomerMasterKeySpec: keySpec(key),
      KeySpec: keySpec(key),
      KeyUsage: key.spec.KeyUsage ?? 'ENCRYPT_DECRYPT',
      SigningAlgorithms: key.spec.KeyUsage === 'SIGN_VERIFY' ? SIGNING_ALGORITHMS[keySpec(key)] : undefined,
    };
  },

  Sign(ctx: Ctx, input: JsonInput) {
    const { key, algorithm, message, digest } = signingKey(ctx, input);
    const { privateKey } = keyPairFor(keySpec(key), key.arn, ctx.world.seed);
    const hash = hashOf(algorithm);
    const signature = digest
      ? privateEncrypt({ key: privateKey, padding: constants.RSA_PKCS1_PADDING }, Buffer.concat([Buffer.from(DIGEST_INFO[hash] ?? '', 'hex'), message]))
      : sign(hash, message, keyOptions(algorithm, privateKey));
    return { KeyId: key.arn, Signature: signature.toString('base64'), SigningAlgorithm: algorithm };
  },

  Verify(ctx: Ctx, input: JsonInput) {
    const { key, algorithm, message, digest } = signingKey(ctx, input);
    const { publicKey } = keyPairFor(keySpec(key), key.arn, ctx.world.seed);
    const hash = hashOf(algorithm);
    const signature = Buffer.from(stringMember(input.Signature), 'base64');
    let valid: boolean;
    try {
      valid = digest
        ? publicDecrypt({ key: publicKey, padding: constants.RSA_PKCS1_PADDING }, signature).equals(Buffer.concat([Buffer.from(DIGEST_INFO[hash] ?? '', 'hex'), message]))
        : verify(hash, message, keyOptions(algorithm, publicKey), signature);
    } catch {
      valid = false;
    }
    if (!valid) throw new SimError('KMSInvalidSignatureException', 'The signature is not valid for this message and key.');
    return { KeyId: key.arn, SignatureValid: true, SigningAlgorithm: algorithm };
  },
};
