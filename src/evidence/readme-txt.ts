/** README.txt: the bundle explained in plain text, with the commands to verify it by hand. */
import { MANIFEST_FILE, PUBLIC_KEY_FILE, REPORTS_DIR, SIGNATURE_FILE, SUMS_FILE } from './bundle-layout.js';
import { callers, manualVerificationSteps, type BundleOverview } from './overview.js';

export function renderReadme(o: BundleOverview): string {
  const { run, summary } = o;
  const s = o.signature;
  const lines = [
    `trailguard evidence bundle, run ${run.runId}`,
    '',
    `What was checked: ${run.accounts.length} AWS account(s) (${run.accounts.map((a) => a.accountId).join(', ')}),`,
    `  regions ${run.regions.join(', ') || '(none)'}, against ${run.rulePacks.map((p) => `${p.name} (${p.files} rule files)`).join(', ') || 'no rules'}.`,
    `When: ${run.startedAt} to ${run.endedAt} (UTC).`,
    `By whom: ${callers(run).join(', ') || 'unknown caller'}, using ${run.tool.name} ${run.tool.version}.`,
    `Command: ${run.commandLine.join(' ')}`,
    `Results: ${summary.total} in total; ${Object.entries(summary.byStatus)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}.`,
    ...o.verifyLogs.map((v) => `Log file integrity of ${v.trailArn}: ${v.summary.map(([k, val]) => `${k} ${val}`).join('; ')}.`),
    '',
    'Contents',
    '  run.json        who ran the scan, when, how (secrets removed), rule pack hashes',
    '  inventory.json  the configuration trailguard collected, in AWS field names',
    ...(o.rawFolders.length
      ? ['  raw/            each API response as AWS returned it, with its request id:', '                  raw/<account>/<region>/<service>/<NNNN>-<Operation>.json']
      : ['  (no raw/)       the run this bundle was exported from kept no raw API responses;', '                  inventory.json holds what was collected, without request ids']),
    '  rules/          the rule files exactly as evaluated, by rule pack',
    ...(run.config || run.waivers ? [`  ${[run.config, run.waivers].filter(Boolean).join(', ')}  the configuration and waivers used`] : []),
    '  results.json    one verdict per (rule, resource)',
    ...(o.files.some((f) => f.startsWith(`${REPORTS_DIR}/`)) ? ['  reports/        the same results rendered for people and tools'] : []),
    ...(o.verifyLogs.some((v) => v.file) ? ['  verify-logs/    CloudTrail log file integrity reports, one per trail verified'] : []),
    '  index.html      this summary as a web page (no network access needed)',
    `  ${MANIFEST_FILE}   SHA-256 and size of every other file, and how the bundle was signed`,
    `  ${SUMS_FILE}      the same hashes in the format sha256sum -c reads`,
    ...(s ? [`  ${SIGNATURE_FILE}    ${s.algorithm} signature over the bytes of ${MANIFEST_FILE}`, `  ${PUBLIC_KEY_FILE}  the signer's public key`] : []),
    '',
    'Verifying it without trailguard (in this folder, after extracting any .tar.gz)',
    ...manualVerificationSteps(s).map((step, i) => `  ${i + 1}. ${step}`),
    '',
    `  Step 1 shows every file matches ${SUMS_FILE}, which includes ${MANIFEST_FILE}.`,
    '  No file may be present that the manifest does not list.',
    ...(s
      ? [
          `  Step 2 shows ${MANIFEST_FILE} was signed by the holder of the private key of ${PUBLIC_KEY_FILE}`,
          `  (SHA-256 of its DER form: ${s.publicKeySha256}${s.keyArn ? `; AWS KMS key ${s.keyArn}` : ''}).`,
          '  Anyone can re-sign a bundle with their own key, so use the public key you obtained',
          `  from the signer yourself${s.keyArn ? ' (aws kms get-public-key)' : ''} in place of ${PUBLIC_KEY_FILE}.`,
          '  With trailguard: trailguard evidence verify <bundle> --public-key <trusted key>',
        ]
      : ['  This bundle is not signed: the hashes show it is consistent, not who made it.']),
    '',
  ];
  return lines.join('\n');
}
