/** The evidence signing flags, shared by `evidence export` and `scan --evidence`. */
import type { Command } from 'commander';
import { InputError } from '../errors.js';
import { ed25519KeyFileSigner } from '../evidence/sign.js';
import type { Signer } from '../util/signer.js';
import type { AwsTarget } from '../collect/aws-target.js';
import { connect, type AwsFlags } from './aws-options.js';

export interface SigningFlags extends AwsFlags {
  signKey?: string;
  signKmsKey?: string;
}

export function addSigningOptions(command: Command): Command {
  return command
    .option('--sign-key <file>', 'sign the evidence manifest with this Ed25519 private key (PEM)')
    .option('--sign-kms-key <arn>', 'sign the evidence manifest with this AWS KMS asymmetric key (kms:Sign, kms:GetPublicKey)');
}

/**
 * The signer the flags ask for; undefined for an unsigned bundle. A KMS signer uses `target`
 * when the command already connected, else connects (the caller identified first).
 */
export async function signerFromFlags(flags: SigningFlags, env: NodeJS.ProcessEnv, target?: AwsTarget): Promise<Signer | undefined> {
  if (flags.signKey && flags.signKmsKey) throw new InputError('--sign-key and --sign-kms-key are alternatives: give one');
  if (flags.signKey) return ed25519KeyFileSigner(flags.signKey);
  if (flags.signKmsKey) return (await import('../collect/kms-signer.js')).kmsSigner(target ?? (await connect(flags, env)).target, flags.signKmsKey);
  return undefined;
}
