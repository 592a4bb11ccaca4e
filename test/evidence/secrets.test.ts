/**
 * Nothing secret inside a bundle: the command line and raw credentials are redacted, and any
 * file that still holds a secret (by shape, or one of the credentials the run used) aborts the
 * export before it is written. Secrets here are the simulator's own, as a scan would meet them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportEvidence } from '../../src/evidence/export.js';
import { findSecrets, REDACTED, redactArgv, redactSecretFields, SecretInOutputError } from '../../src/evidence/redact.js';
import { saveRunFolder } from '../../src/evidence/run-folder.js';
import { IdentityStore } from '../../src/simulator/identity.js';
import { cli, RAW, sampleInput, scratchDir } from './sample.js';

const ACCOUNT = '111111111111';
const identities = new IdentityStore(42, [ACCOUNT]);
const longTerm = identities.credentialsFor(ACCOUNT);
const session = identities.startSession(ACCOUNT, `arn:aws:iam::${ACCOUNT}:role/audit`, 'audit', 'trailguard-scan', new Date('2030-01-01T00:00:00Z'));
const SECRETS = [longTerm.secretAccessKey, session.secretAccessKey, session.sessionToken!];

let dir: string;
beforeAll(async () => {
  dir = await scratchDir('secrets');
});

function allFileText(root: string): Array<[string, string]> {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => [join(e.parentPath, e.name).slice(root.length + 1), readFileSync(join(e.parentPath, e.name), 'latin1')]);
}

describe('redactArgv', () => {
  it('removes the values of secret-bearing flags in both spellings, and secret-looking words', () => {
    const argv = [
      'scan',
      '--profile',
      'audit',
      '--aws-secret-access-key',
      longTerm.secretAccessKey,
      `--session-token=${session.sessionToken}`,
      '--external-id',
      'shared-with-vendor',
      '--access-key-id=AKIAEXAMPLE',
      `aws_secret_access_key=${longTerm.secretAccessKey}`,
      '--sign-key',
      'keys/evidence.pem',
    ];
    expect(redactArgv(argv)).toEqual([
      'scan',
      '--profile',
      'audit',
      '--aws-secret-access-key',
      REDACTED,
      `--session-token=${REDACTED}`,
      '--external-id',
      REDACTED,
      `--access-key-id=${REDACTED}`,
      REDACTED,
      '--sign-key',
      'keys/evidence.pem',
    ]);
  });
});

describe('redactSecretFields', () => {
  it('blanks credentials in an sts:AssumeRole response and leaves the rest', () => {
    const response = {
      Credentials: { AccessKeyId: session.accessKeyId, SecretAccessKey: session.secretAccessKey, SessionToken: session.sessionToken, Expiration: '2030-01-01' },
      AssumedRoleUser: { Arn: session.caller.arn },
    };
    expect(redactSecretFields(response)).toEqual({
      Credentials: { AccessKeyId: session.accessKeyId, SecretAccessKey: REDACTED, SessionToken: REDACTED, Expiration: '2030-01-01' },
      AssumedRoleUser: { Arn: session.caller.arn },
    });
  });
});

describe('findSecrets', () => {
  it('finds secret shapes next to their names, private keys, and known credentials anywhere', () => {
    expect(findSecrets(`AWS_SECRET_ACCESS_KEY=${longTerm.secretAccessKey}`)).toEqual(['an AWS secret access key']);
    expect(findSecrets(`{"SecretAccessKey": "${session.secretAccessKey}"}`)).toEqual(['an AWS secret access key']);
    expect(findSecrets(`aws_session_token = ${session.sessionToken}`)).toEqual(['an AWS session token']);
    expect(findSecrets('-----BEGIN PRIVATE KEY-----\nMC4CAQAw\n')).toEqual(['a private key']);
    expect(findSecrets(`trail notes: ${session.sessionToken}`)).toEqual([]);
    expect(findSecrets(`trail notes: ${session.sessionToken}`, SECRETS)).toEqual(['a credential used by this run']);
    // Identifiers and hashes are not secrets.
    expect(findSecrets(`AccessKeyId AKIASIM${ACCOUNT}X, sha1 ${'a'.repeat(40)}, SecretAccessKey [REDACTED]`)).toEqual([]);
  });
});

describe('exportEvidence keeps secrets out', () => {
  it('writes none of the run credentials into any file, though they were in argv and a raw AssumeRole response', async () => {
    const out = join(dir, 'clean');
    const raw = [
      ...RAW,
      { ...RAW[2]!, requestId: 'req-0005', response: { Credentials: { AccessKeyId: session.accessKeyId, SecretAccessKey: session.secretAccessKey, SessionToken: session.sessionToken } } },
    ];
    const input = sampleInput({ raw, run: { ...sampleInput().run, argv: ['scan', '--session-token', session.sessionToken!, `--secret-access-key=${longTerm.secretAccessKey}`] } });
    await exportEvidence(input, out, { knownSecrets: SECRETS });
    for (const [file, text] of allFileText(out)) {
      for (const secret of SECRETS) expect(text.includes(secret), `${file} holds a secret`).toBe(false);
    }
  });

  it('aborts, writing nothing, when a collected value holds a secret', async () => {
    const input = sampleInput();
    input.inventory.accounts[0]!.trails[0]!.Tags = [{ Key: 'note', Value: `aws_secret_access_key=${longTerm.secretAccessKey}` }];
    const out = join(dir, 'leaky');
    const error = await exportEvidence(input, out).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SecretInOutputError);
    expect((error as Error).message).toBe('refusing to write inventory.json: it contains an AWS secret access key; nothing was exported');
    expect(readdirSync(dir).filter((f) => f.startsWith('leaky'))).toEqual([]);
  });

  it('aborts when a report holds one of the credentials the run used, or a private key', async () => {
    const leakyReport = sampleInput({ reports: [{ name: 'notes.md', content: `debug: ${session.sessionToken}\n` }] });
    await expect(exportEvidence(leakyReport, join(dir, 'leaky-report'), { knownSecrets: SECRETS })).rejects.toThrow('refusing to write reports/notes.md');
    const keyInConfig = sampleInput({ config: { name: 'trailguard.yaml', content: '-----BEGIN EC PRIVATE KEY-----\nabc\n' } });
    await expect(exportEvidence(keyInConfig, join(dir, 'leaky-config'))).rejects.toThrow('config/trailguard.yaml: it contains a private key');
  });

  it('makes `evidence export` exit 4 (internal error) without printing the secret', async () => {
    const input = sampleInput();
    input.inventory.accounts[0]!.trails[0]!.Tags = [{ Key: 'SessionToken', Value: `session_token: ${session.sessionToken}` }];
    const runDir = join(dir, 'run-with-secret');
    await saveRunFolder(runDir, input);
    const { code, err, out } = await cli(['evidence', 'export', '--run', runDir, '--out', join(dir, 'never.tar.gz')]);
    expect(code).toBe(4);
    expect(err).toContain('refusing to write inventory.json');
    expect(err + out).not.toContain(session.sessionToken);
    expect(readdirSync(dir).filter((f) => f.startsWith('never'))).toEqual([]);
  });
});
