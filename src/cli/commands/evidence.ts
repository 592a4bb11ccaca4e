/** `trailguard evidence export` (re-package a saved run) and `trailguard evidence verify` (check a bundle). */
import type { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import { EXIT, InputError } from '../../errors.js';
import { describeFileCount, exportEvidence } from '../../evidence/export.js';
import { resolve } from 'node:path';
import { loadRunFolder } from '../../evidence/run-folder.js';
import { parsePublicKey } from '../../evidence/sign.js';
import { verifyEvidence, type VerifyReport } from '../../evidence/verify.js';
import { stableStringify } from '../../util/stable-json.js';
import { printable, visible } from '../../util/visible-text.js';
import { addAwsOptions } from '../aws-options.js';
import type { CommandContext } from '../io.js';
import { addSigningOptions, signerFromFlags, type SigningFlags } from '../signing-options.js';

interface ExportFlags extends SigningFlags {
  run: string;
  out?: string;
}

interface VerifyFlags {
  publicKey?: string;
  json?: boolean;
}

export function register(command: Command, ctx: CommandContext): void {
  const evidence = command;

  addAwsOptions(
    addSigningOptions(
      evidence
        .command('export')
        .description('package a saved run folder (reports/<run-id>/) as a signed evidence bundle')
        .requiredOption('--run <dir>', 'the run folder trailguard scan wrote')
        .option('--out <path>', 'bundle to write: a new or empty folder, or a file ending in .tar.gz (default: <run folder>-evidence.tar.gz beside it)'),
    ),
    { roleArn: 'assume this role before calling AWS KMS for --sign-kms-key', region: 'region for STS calls (the --sign-kms-key ARN names the key region)' },
  ).action(async (flags: ExportFlags) => {
    const signer = await signerFromFlags(flags, ctx.io.env);
    const input = await loadRunFolder(resolve(ctx.io.cwd, flags.run));
    // One file an auditor can be sent, named for the run and kept beside it.
    const out = resolve(ctx.io.cwd, flags.out ?? `${resolve(ctx.io.cwd, flags.run)}-evidence.tar.gz`);
    const summary = await exportEvidence(input, out, { ...(signer ? { signer } : {}) });
    ctx.io.out(printable`${summary.path}\n`);
    ctx.io.err(
      `evidence bundle: ${describeFileCount(summary.files, summary.listed, summary.sealing)}; manifest.json SHA-256 ${summary.manifestSha256}${signer ? ', signed' : ', not signed'}\n`,
    );
  });

  evidence
    .command('verify')
    .description('check every hash, that no file is missing or added, and the signature; exit 1 if anything differs')
    .argument('<bundle>', 'an evidence bundle folder or .tar.gz')
    .option('--public-key <file>', 'check the signature with this trusted public key (PEM) instead of the one in the bundle')
    .option('--json', 'print the verification report as JSON')
    .action(async (bundle: string, flags: VerifyFlags) => {
      const publicKey = flags.publicKey ? parsePublicKey(await readTrustedKey(resolve(ctx.io.cwd, flags.publicKey)), flags.publicKey) : undefined;
      const report = await verifyEvidence(resolve(ctx.io.cwd, bundle), publicKey ? { publicKey } : {});
      ctx.io.out(flags.json ? `${stableStringify(report)}\n` : describe(bundle, report));
      ctx.setExitCode(report.ok ? EXIT.ok : EXIT.failures);
    });
}

async function readTrustedKey(file: string): Promise<Buffer> {
  return readFile(file).catch((error: Error) => {
    throw new InputError([{ file, message: `cannot read the public key: ${error.message}` }]);
  });
}

function describe(bundle: string, report: VerifyReport): string {
  const lines = report.problems.map((p) => printable`${p.file}: ${p.kind}: ${p.detail}`);
  const s = report.signature;
  const key = visible(`${s.algorithm}${s.keyArn ? `, KMS key ${s.keyArn}` : ''}, public key SHA-256 ${s.publicKeySha256}`);
  if (s.status === 'valid') {
    lines.push(
      s.checkedAgainst === 'trusted'
        ? `signature: valid (${key}), checked against the trusted key you gave`
        : `signature: valid (${key}), checked against the key embedded in the bundle only; pass --public-key FILE with the key you trust to rule out a re-signed bundle`,
    );
  } else if (s.status === 'unsigned') {
    lines.push('signature: none (the bundle is not signed; the hashes prove consistency, not origin)');
  } else if (s.status === 'unchecked') {
    lines.push('signature: not checked (manifest.json is missing or unreadable)');
  }
  lines.push(
    report.ok
      ? printable`${bundle}: intact (${describeFileCount(report.filesInBundle, report.filesChecked, report.sealing)}; every hash matches)`
      : printable`${bundle}: NOT intact, ${report.problems.length} problem(s)`,
  );
  return `${lines.join('\n')}\n`;
}
